import { createHash } from "node:crypto";
import { EkycError } from "@openekyc/core";
import { parseAllowList } from "../../fetch/allow-list.ts";
import { safeFetch } from "../../fetch/safe-fetch.ts";

/** Where URL inputs may come from, and how this server's own upload URLs are read without a network hop. */
export interface UrlInputSource {
  /** `fetchAllowList` from the config. */
  readonly fetchAllowList: readonly string[];
  /**
   * Reads a ResourceUrl issued by this server's CreateUploadUrl straight from the BlobStore; returns null for
   * any other URL (which then goes through the safe fetcher).
   */
  readonly resolveOwnUrl?: (url: string, field: string) => Promise<Uint8Array | null>;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Decodes a standard padded Base64 field. Returns null when it is larger than `maxChars` (the caller turns
 * that into the action's size result code); throws InvalidParameterValue when it is not Base64.
 */
export function decodeBase64Input(text: string, field: string, maxChars: number): Buffer | null {
  const stripped = text.replace(/^data:[a-z0-9/+.-]+;base64,/i, "").replace(/\s+/g, "");
  if (stripped.length > maxChars) return null;
  if (stripped.length === 0 || stripped.length % 4 !== 0 || !BASE64.test(stripped)) {
    throw new EkycError("INVALID_PARAMETER_VALUE", `${field} is not valid Base64 (RFC 4648, padded).`);
  }
  return Buffer.from(stripped, "base64");
}

export async function loadUrlInput(
  source: UrlInputSource,
  url: string,
  field: string,
  limits: { maxBytes: number; timeoutMs: number; expectedMd5?: string },
): Promise<Buffer> {
  const own = source.resolveOwnUrl ? await source.resolveOwnUrl(url, field) : null;
  if (own) {
    if (own.byteLength > limits.maxBytes) {
      throw new EkycError("DOWNLOAD_ERROR", `${field} is larger than ${limits.maxBytes} bytes.`);
    }
    const data = Buffer.from(own);
    if (limits.expectedMd5 !== undefined) checkMd5(data, limits.expectedMd5, field);
    return data;
  }
  const fetched = await safeFetch(url, {
    allowList: parseAllowList(source.fetchAllowList),
    maxBytes: limits.maxBytes,
    timeoutMs: limits.timeoutMs,
    maxRedirects: 3,
    field,
    ...(limits.expectedMd5 !== undefined ? { expectedMd5: limits.expectedMd5 } : {}),
  });
  return fetched.data;
}

function checkMd5(data: Buffer, expected: string, field: string): void {
  if (!/^[0-9a-f]{32}$/i.test(expected)) {
    throw new EkycError(
      "INVALID_PARAMETER_VALUE",
      `The MD5 given for ${field} must be 32 hexadecimal digits.`,
    );
  }
  if (createHash("md5").update(data).digest("hex") !== expected.toLowerCase()) {
    throw new EkycError("INVALID_PARAMETER_VALUE", `${field} does not match the MD5 given for it.`);
  }
}
