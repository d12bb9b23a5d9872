import { EkycError } from "@openekyc/core";
import sharp from "sharp";

/** Reference photos: 8 MB of Base64 text at most, as the reference allows for CompareImageBase64. */
export const maxImageBase64Chars = 8 * 1024 * 1024;

const imageTypes: Readonly<Record<string, string>> = {
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
};

export interface CheckedImage {
  readonly data: Buffer;
  readonly contentType: string;
  readonly width: number;
  readonly height: number;
}

/** Decodes standard padded Base64 (whitespace and a `data:image/…;base64,` prefix are tolerated). */
export function decodeBase64Field(text: string, field: string, maxChars = maxImageBase64Chars): Buffer {
  if (text.length > maxChars) {
    throw new EkycError("IMAGE_SIZE_TOO_LARGE", `${field} is larger than ${maxChars / 1024 / 1024} MB.`);
  }
  const stripped = text.replace(/^data:[a-z/+.-]+;base64,/i, "").replace(/\s+/g, "");
  if (stripped === "" || stripped.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(stripped)) {
    throw new EkycError("INVALID_PARAMETER_VALUE", `${field} is not valid Base64.`);
  }
  return Buffer.from(stripped, "base64");
}

/** Reads the image header with sharp: only real JPEG, PNG or WebP files pass (no face check here). */
export async function checkImage(data: Uint8Array, field: string): Promise<CheckedImage> {
  let metadata: sharp.Metadata;
  try {
    metadata = await sharp(data, { failOn: "error" }).metadata();
  } catch {
    throw new EkycError("IMAGE_DECODE_ERROR", `${field} could not be decoded as a JPEG, PNG or WebP image.`);
  }
  const contentType = metadata.format ? imageTypes[metadata.format] : undefined;
  if (!contentType || !metadata.width || !metadata.height) {
    throw new EkycError("IMAGE_DECODE_ERROR", `${field} must be a JPEG, PNG or WebP image.`);
  }
  return { data: Buffer.from(data), contentType, width: metadata.width, height: metadata.height };
}

export async function checkBase64Image(text: string, field: string): Promise<CheckedImage> {
  return checkImage(decodeBase64Field(text, field), field);
}
