import { createHash, createHmac } from "node:crypto";
import { EkycError } from "@openekyc/core";
import { constantTimeEqual } from "./constant-time.ts";

/** The parsed `Authorization: TC3-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…` header. */
export interface Tc3Authorization {
  readonly secretId: string;
  /** UTC date of the credential scope, YYYY-MM-DD. */
  readonly date: string;
  /** Service of the scope: the SDK takes it from the endpoint's first label, so it is not always `faceid`. */
  readonly service: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

/** What the verifier needs from the HTTP request; header names are lower case. */
export interface Tc3SignedRequest {
  readonly method: string;
  /** The query string exactly as sent, without `?` (empty for POST). */
  readonly rawQuery: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Uint8Array;
  /** `X-TC-Timestamp`, Unix seconds. */
  readonly timestamp: number;
}

export const tc3Algorithm = "TC3-HMAC-SHA256";

const authorizationPattern =
  /^TC3-HMAC-SHA256\s+Credential=([^/,\s]+)\/(\d{4}-\d{2}-\d{2})\/([^/,\s]+)\/tc3_request,\s*SignedHeaders=([a-z0-9;-]+),\s*Signature=([0-9a-f]{64})$/;

export function parseTc3Authorization(header: string): Tc3Authorization {
  const match = authorizationPattern.exec(header.trim());
  if (!match) {
    throw new EkycError(
      "AUTH_INVALID_AUTHORIZATION",
      "The Authorization header is malformed: expected `TC3-HMAC-SHA256 Credential=<SecretId>/<date>/<service>/tc3_request, SignedHeaders=…, Signature=<64 hex>`.",
    );
  }
  const [, secretId, date, service, signedHeaders, signature] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const headers = signedHeaders.split(";");
  if (!headers.includes("content-type") || !headers.includes("host")) {
    throw new EkycError("AUTH_INVALID_AUTHORIZATION", "SignedHeaders must include content-type and host.");
  }
  return { secretId, date, service, signedHeaders: headers, signature };
}

/** UTC calendar date of a Unix-seconds timestamp, as the scope spells it. */
export function utcDate(timestampSeconds: number): string {
  return new Date(timestampSeconds * 1000).toISOString().slice(0, 10);
}

function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac("sha256", key).update(data, "utf8").digest();
}

function headerValue(headers: Tc3SignedRequest["headers"], name: string): string {
  const value = headers[name];
  return (Array.isArray(value) ? value.join(",") : (value ?? "")).trim();
}

/**
 * The canonical request. `host` is signed without its port (the SDK signs `URL.hostname`); pass
 * `hostWithPort` to rebuild the variant other SDKs might produce.
 */
export function tc3CanonicalRequest(
  request: Tc3SignedRequest,
  signedHeaders: readonly string[],
  hostWithPort = false,
): string {
  const canonicalHeaders = signedHeaders
    .map((name) => {
      let value = headerValue(request.headers, name);
      if (name === "host" && !hostWithPort) value = stripPort(value);
      return `${name}:${value}\n`;
    })
    .join("");
  return [
    request.method.toUpperCase(),
    "/",
    request.rawQuery,
    canonicalHeaders,
    signedHeaders.join(";"),
    sha256Hex(request.body),
  ].join("\n");
}

/** `127.0.0.1:8080` → `127.0.0.1`, `[::1]:8080` → `[::1]`. */
export function stripPort(host: string): string {
  if (host.startsWith("[")) {
    const end = host.indexOf("]");
    return end === -1 ? host : host.slice(0, end + 1);
  }
  const colon = host.lastIndexOf(":");
  return colon === -1 ? host : host.slice(0, colon);
}

const signingKeys = new Map<string, Buffer>();
const maxCachedSigningKeys = 1024;

/**
 * Derives the signing key: HMAC chain "TC3"+key → date → service → "tc3_request". It changes once a day per
 * credential, so it is cached (bounded) and the hot path pays one HMAC instead of four.
 */
export function tc3SigningKey(secretKey: string, date: string, service: string): Buffer {
  const cacheKey = `${date}\n${service}\n${secretKey}`;
  let key = signingKeys.get(cacheKey);
  if (!key) {
    key = hmac(hmac(hmac(`TC3${secretKey}`, date), service), "tc3_request");
    if (signingKeys.size >= maxCachedSigningKeys) signingKeys.clear();
    signingKeys.set(cacheKey, key);
  }
  return key;
}

export function tc3Signature(
  signingKey: Buffer,
  timestamp: number,
  scope: string,
  canonical: string,
): string {
  const stringToSign = `${tc3Algorithm}\n${timestamp}\n${scope}\n${sha256Hex(canonical)}`;
  return createHmac("sha256", signingKey).update(stringToSign, "utf8").digest("hex");
}

/**
 * Whether the presented signature is one a correct client could have produced: host without its port (the
 * Node SDKs), else with it (other clients). The second variant is only computed when the first fails; that
 * timing says which host form the caller used, which the caller already knows.
 */
export function matchesTc3Signature(
  secretKey: string,
  auth: Tc3Authorization,
  request: Tc3SignedRequest,
): boolean {
  const key = tc3SigningKey(secretKey, auth.date, auth.service);
  const scope = `${auth.date}/${auth.service}/tc3_request`;
  const sign = (hostWithPort: boolean) =>
    tc3Signature(
      key,
      request.timestamp,
      scope,
      tc3CanonicalRequest(request, auth.signedHeaders, hostWithPort),
    );
  if (constantTimeEqual(sign(false), auth.signature)) return true;
  const host = headerValue(request.headers, "host");
  return stripPort(host) !== host && constantTimeEqual(sign(true), auth.signature);
}

/** Builds the Authorization header value a client sends: used by tests and the benchmark to pre-sign. */
export function signTc3(options: {
  secretId: string;
  secretKey: string;
  service: string;
  timestamp: number;
  request: Omit<Tc3SignedRequest, "timestamp">;
}): string {
  const date = utcDate(options.timestamp);
  const signedHeaders = ["content-type", "host"];
  const canonical = tc3CanonicalRequest({ ...options.request, timestamp: options.timestamp }, signedHeaders);
  const scope = `${date}/${options.service}/tc3_request`;
  const signature = tc3Signature(
    tc3SigningKey(options.secretKey, date, options.service),
    options.timestamp,
    scope,
    canonical,
  );
  return `${tc3Algorithm} Credential=${options.secretId}/${scope}, SignedHeaders=${signedHeaders.join(";")}, Signature=${signature}`;
}
