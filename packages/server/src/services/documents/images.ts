import { EkycError } from "@openekyc/core";
import { type CheckedImage, checkImage } from "../images.ts";

/** A phone photo of a card: at most 8 MB, like the API's image fields. */
export const maxDocumentImageBytes = 8 * 1024 * 1024;
/** Decompression-bomb guard: a 40-megapixel photo is already far more than a card needs. */
const maxPixels = 40_000_000;
/** Below this the text of an ID-1 card cannot be read at all. */
const minShortSide = 240;

/** Checks a document photo before anything is stored: size, real JPEG/PNG/WebP, sane dimensions. */
export async function checkDocumentImage(data: Uint8Array, field: string): Promise<CheckedImage> {
  if (data.byteLength === 0) throw new EkycError("INVALID_PARAMETER_VALUE", `${field} is empty.`);
  if (data.byteLength > maxDocumentImageBytes) {
    throw new EkycError("IMAGE_SIZE_TOO_LARGE", `${field} is larger than 8 MB.`);
  }
  const image = await checkImage(data, field);
  if (image.width * image.height > maxPixels) {
    throw new EkycError("IMAGE_SIZE_TOO_LARGE", `${field} has more than 40 megapixels.`);
  }
  if (Math.min(image.width, image.height) < minShortSide) {
    throw new EkycError(
      "INVALID_PARAMETER_VALUE",
      `${field} is too small to read (${image.width}×${image.height}).`,
    );
  }
  return image;
}
