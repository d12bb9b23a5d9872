import { EkycError } from "@openekyc/core";
import type { RawApiRequest, WireRequest } from "../wire-request.ts";
import { constantTimeEqual } from "./constant-time.ts";
import { matchesTc3Signature, stripPort, utcDate } from "./tc3.ts";
import { v1Signature, v1StringToSign } from "./v1.ts";

export function secretIdOf(wire: WireRequest): string {
  return wire.auth.kind === "tc3" ? wire.auth.authorization.secretId : wire.auth.secretId;
}

/** Refuses timestamps more than `maxSkewSeconds` away from the server clock, either way. */
export function assertFresh(wire: WireRequest, nowMs: number, maxSkewSeconds: number): void {
  const skew = Math.abs(nowMs / 1000 - wire.auth.timestamp);
  if (skew > maxSkewSeconds) {
    throw new EkycError(
      "AUTH_SIGNATURE_EXPIRED",
      `Signature expired. Timestamp and server time cannot differ by more than ${Math.round(maxSkewSeconds / 60)} minutes.`,
    );
  }
}

function headerText(raw: RawApiRequest, name: string): string {
  const value = raw.headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

function signatureFailure(): EkycError {
  return new EkycError("AUTH_SIGNATURE_FAILURE");
}

/** Recomputes the signature the way the official SDKs sign and compares it in constant time. */
export function assertSignature(wire: WireRequest, raw: RawApiRequest, secretKey: string): void {
  const auth = wire.auth;
  if (auth.kind === "tc3") {
    if (auth.authorization.date !== utcDate(auth.timestamp)) {
      throw new EkycError(
        "AUTH_SIGNATURE_FAILURE",
        "The credential scope date must be the UTC date of X-TC-Timestamp.",
      );
    }
    const request = {
      method: raw.method,
      rawQuery: raw.rawQuery,
      headers: raw.headers,
      body: raw.body,
      timestamp: auth.timestamp,
    };
    if (!matchesTc3Signature(secretKey, auth.authorization, request)) throw signatureFailure();
    return;
  }
  const host = headerText(raw, "host");
  // The SDK signs the configured endpoint (port included); accept the bare hostname too for other clients.
  const matches = (candidate: string) =>
    constantTimeEqual(
      v1Signature(secretKey, auth.method, v1StringToSign(raw.method, candidate, auth.signedParams)),
      auth.signature,
    );
  if (!matches(host) && !(stripPort(host) !== host && matches(stripPort(host)))) throw signatureFailure();
}
