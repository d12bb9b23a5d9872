import { createHmac } from "node:crypto";
import { constantTimeEqual } from "../api/auth/constant-time.ts";

/** Where blob URLs live on this server: `<publicUrl>/blobs/<key>?Expires=…&Signature=…`. */
export const blobRoutePrefix = "/blobs/";

export interface SignedBlobGrant {
  readonly method: "GET" | "PUT";
  readonly key: string;
  /** Unix seconds. */
  readonly expires: number;
  /** PUT only: the largest body accepted. */
  readonly maxBytes: number | null;
}

const keyPattern = /^[A-Za-z0-9._-]+(?:\/[A-Za-z0-9._-]+)*$/;

export function isSafeBlobKey(key: string): boolean {
  return keyPattern.test(key) && !key.split("/").some((part) => part === "." || part === "..");
}

/**
 * Pre-signed URLs for blobs: HMAC-SHA256 (key derived from the master key) over method, key, expiry and
 * size cap. Holders need no credentials; the URL stops working at `Expires`.
 */
export class SignedUrls {
  readonly #key: Buffer;
  readonly #publicUrl: string;

  constructor(key: Buffer, publicUrl: string) {
    this.#key = key;
    this.#publicUrl = publicUrl;
  }

  #mac(grant: SignedBlobGrant): string {
    const text = `${grant.method}\n${grant.key}\n${grant.expires}\n${grant.maxBytes ?? ""}`;
    return createHmac("sha256", this.#key).update(text, "utf8").digest("base64url");
  }

  url(grant: SignedBlobGrant): string {
    const query = new URLSearchParams({ Expires: String(grant.expires) });
    if (grant.maxBytes !== null) query.set("MaxBytes", String(grant.maxBytes));
    query.set("Signature", this.#mac(grant));
    return `${this.#publicUrl}${blobRoutePrefix}${grant.key}?${query}`;
  }

  /** Checks a presented URL's query for `method` on `key`; returns the grant or a reason it is refused. */
  verify(
    method: "GET" | "PUT",
    key: string,
    query: URLSearchParams,
    nowSeconds: number,
  ): { ok: true; grant: SignedBlobGrant } | { ok: false; reason: "invalid" | "expired" } {
    const expires = Number(query.get("Expires"));
    const maxBytesText = query.get("MaxBytes");
    const signature = query.get("Signature") ?? "";
    if (!isSafeBlobKey(key) || !Number.isInteger(expires)) return { ok: false, reason: "invalid" };
    const maxBytes = maxBytesText === null ? null : Number(maxBytesText);
    if (maxBytes !== null && !Number.isInteger(maxBytes)) return { ok: false, reason: "invalid" };
    const grant: SignedBlobGrant = { method, key, expires, maxBytes };
    if (!constantTimeEqual(this.#mac(grant), signature)) return { ok: false, reason: "invalid" };
    if (nowSeconds >= expires) return { ok: false, reason: "expired" };
    return { ok: true, grant };
  }

  /** The key a URL on this server points at, or null for any other URL (foreign host or path). */
  keyOf(url: URL): string | null {
    const base = new URL(this.#publicUrl);
    if (url.origin !== base.origin) return null;
    const prefix = `${base.pathname.replace(/\/$/, "")}${blobRoutePrefix}`;
    if (!url.pathname.startsWith(prefix)) return null;
    const key = decodeURIComponent(url.pathname.slice(prefix.length));
    return isSafeBlobKey(key) ? key : null;
  }
}
