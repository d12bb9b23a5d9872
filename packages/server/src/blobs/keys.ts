import { EkycError } from "@openekyc/core";

/**
 * Blob keys are slash-separated segments of a safe charset. Every segment starts with a letter or digit,
 * so `.`, `..` and hidden names cannot occur; no empty segments, no leading slash, no backslash. The same
 * rule holds on every BlobStore, so a key that works on the filesystem works on S3 and back.
 */
const segment = "[A-Za-z0-9][A-Za-z0-9._=-]{0,127}";
const keyPattern = new RegExp(`^${segment}(?:/${segment})*$`);
const maxKeyLength = 512;
/** Printable ASCII, as a Content-Type header value allows. */
const contentTypePattern = /^[\x20-\x7e]{1,255}$/;

export function assertBlobKey(key: string): void {
  if (key.length > maxKeyLength || !keyPattern.test(key))
    throw new EkycError("INVALID_PARAMETER_VALUE", `Invalid blob key: ${JSON.stringify(key.slice(0, 80))}`);
}

/** A prefix is a key, optionally ending in "/". The empty prefix (everything) is refused on purpose. */
export function assertBlobPrefix(prefix: string): void {
  assertBlobKey(prefix.endsWith("/") ? prefix.slice(0, -1) : prefix);
}

export function assertContentType(contentType: string): void {
  if (!contentTypePattern.test(contentType))
    throw new EkycError("INVALID_PARAMETER_VALUE", "Invalid blob content type");
}
