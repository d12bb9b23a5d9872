import { EkycError } from "@openekyc/core";
import sharp from "sharp";
import type { DecodedImage, DecodeLimits } from "./types.ts";

export const defaultDecodeLimits: DecodeLimits = {
  maxBytes: 10 * 1024 * 1024,
  maxPixels: 40_000_000,
  maxSide: 10_000,
  minSide: 32,
  maxInferenceSide: 1280,
};

const acceptedFormats = new Set(["jpeg", "png", "webp"]);

/**
 * Decodes an untrusted upload to RGB. The header is read first so a decompression bomb or an absurd size is
 * refused before any pixel is decoded; sharp's own `limitInputPixels` backs that up during decoding.
 */
export async function decodeImage(
  bytes: Uint8Array,
  limits: Partial<DecodeLimits> = {},
): Promise<DecodedImage> {
  const limit = { ...defaultDecodeLimits, ...limits };
  if (bytes.byteLength === 0) throw new EkycError("IMAGE_DECODE_ERROR", "The image is empty.");
  if (bytes.byteLength > limit.maxBytes) {
    throw new EkycError("IMAGE_SIZE_TOO_LARGE", `The image is larger than ${limit.maxBytes} bytes.`);
  }
  let meta: sharp.Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (cause) {
    throw new EkycError("IMAGE_DECODE_ERROR", undefined, { cause });
  }
  const format = meta.format;
  if (!format || !acceptedFormats.has(format) || !meta.width || !meta.height) {
    throw new EkycError("IMAGE_DECODE_ERROR");
  }
  const pages = meta.pages ?? 1;
  if (
    meta.width * meta.height * pages > limit.maxPixels ||
    Math.max(meta.width, meta.height) > limit.maxSide
  ) {
    throw new EkycError(
      "IMAGE_SIZE_TOO_LARGE",
      `The image is ${meta.width}x${meta.height}; at most ${limit.maxSide} px a side and ${limit.maxPixels} pixels are accepted.`,
    );
  }
  if (Math.min(meta.width, meta.height) < limit.minSide) {
    throw new EkycError(
      "INVALID_PARAMETER_VALUE",
      `The image is smaller than ${limit.minSide} px on a side.`,
      {
        tencentCode: "FailedOperation.LifePhotoSizeError",
      },
    );
  }
  // EXIF orientations 5-8 swap width and height.
  const swapped = (meta.orientation ?? 1) >= 5;
  const sourceWidth = swapped ? meta.height : meta.width;
  const sourceHeight = swapped ? meta.width : meta.height;
  try {
    const { data, info } = await sharp(bytes, { limitInputPixels: limit.maxPixels, failOn: "error" })
      .rotate()
      .resize({
        width: limit.maxInferenceSide,
        height: limit.maxInferenceSide,
        fit: "inside",
        withoutEnlargement: true,
      })
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    return {
      width: info.width,
      height: info.height,
      data: toRgb(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), info.channels),
      format: format as DecodedImage["format"],
      sourceWidth,
      sourceHeight,
    };
  } catch (cause) {
    throw new EkycError("IMAGE_DECODE_ERROR", undefined, { cause });
  }
}

/** Grey (1 channel) or grey+alpha leftovers are expanded to RGB; RGB passes through. */
function toRgb(pixels: Uint8Array, channels: number): Uint8Array {
  if (channels === 3) return pixels;
  const count = pixels.length / channels;
  const rgb = new Uint8Array(count * 3);
  for (let i = 0; i < count; i++) {
    const v = pixels[i * channels]!;
    rgb[i * 3] = v;
    rgb[i * 3 + 1] = v;
    rgb[i * 3 + 2] = v;
  }
  return rgb;
}
