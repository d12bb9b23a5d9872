import { createHmac } from "node:crypto";
import { EkycError } from "@openekyc/core";

/** The older API 3.0 signature (HmacSHA1 / HmacSHA256 over the sorted, decoded parameters). */
export type V1Method = "HmacSHA1" | "HmacSHA256";

const digestOf: Record<V1Method, "sha1" | "sha256"> = { HmacSHA1: "sha1", HmacSHA256: "sha256" };

export function parseV1Method(value: string | undefined): V1Method {
  // Tencent's rule: an absent SignatureMethod means HmacSHA1.
  if (value === undefined) return "HmacSHA1";
  if (value === "HmacSHA1" || value === "HmacSHA256") return value;
  throw new EkycError(
    "INVALID_PARAMETER_VALUE",
    "SignatureMethod must be HmacSHA1, HmacSHA256 or, in the Authorization header, TC3-HMAC-SHA256.",
  );
}

/**
 * `METHOD + host + "/?" + k=v&…` over every parameter but `Signature`, keys in code-unit order, values raw
 * (not URL-encoded). `host` is the Host header *with* its port: the SDK signs the endpoint as configured.
 */
export function v1StringToSign(method: string, host: string, params: ReadonlyMap<string, string>): string {
  const keys = [...params.keys()].filter((key) => key !== "Signature").sort();
  const query = keys.map((key) => `${key}=${params.get(key)}`).join("&");
  return `${method.toUpperCase()}${host}/?${query}`;
}

export function v1Signature(secretKey: string, method: V1Method, stringToSign: string): string {
  return createHmac(digestOf[method], secretKey).update(stringToSign, "utf8").digest("base64");
}
