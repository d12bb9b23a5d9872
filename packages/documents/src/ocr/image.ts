import { EkycError } from "@openekyc/core";
import sharp from "sharp";
import type { OrientedBox } from "./geometry.ts";

/** Interleaved 8-bit RGB pixels. */
export interface RgbImage {
  readonly data: Uint8Array;
  readonly width: number;
  readonly height: number;
}

/** Encoded uploads above this are refused before decoding (ID photos are a few MB at most). */
export const MAX_IMAGE_BYTES = 15 * 1024 * 1024;
/** Decoded pixels kept for cropping text lines: enough for a 44-character MRZ at full quality. */
export const MAX_WORKING_SIDE = 2200;
const MAX_INPUT_PIXELS = 60_000_000;

/** Decodes JPEG/PNG/WebP bytes (EXIF orientation applied) to RGB, downscaled so the longer side ≤ maxSide. */
export async function decodeImage(bytes: Uint8Array, maxSide = MAX_WORKING_SIDE): Promise<RgbImage> {
  if (bytes.byteLength === 0) throw new EkycError("IMAGE_DECODE_ERROR", "The image is empty.");
  if (bytes.byteLength > MAX_IMAGE_BYTES) throw new EkycError("IMAGE_SIZE_TOO_LARGE");
  try {
    const { data, info } = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" })
      .rotate()
      .resize({ width: maxSide, height: maxSide, fit: "inside", withoutEnlargement: true })
      .removeAlpha()
      .toColourspace("srgb")
      .raw()
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 3) throw new Error(`unexpected channel count ${info.channels}`);
    return {
      data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
      width: info.width,
      height: info.height,
    };
  } catch (error) {
    if (error instanceof EkycError) throw error;
    throw new EkycError("IMAGE_DECODE_ERROR", "The image could not be decoded.", { cause: error });
  }
}

/** Area-averaged resize through sharp (better than bilinear when shrinking a photo for the detector). */
export async function resizeRgb(image: RgbImage, width: number, height: number): Promise<RgbImage> {
  const data = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } })
    .resize(width, height, { fit: "fill" })
    .raw()
    .toBuffer();
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width, height };
}

/**
 * Samples an oriented box of `source` into an upright `outWidth`×`outHeight` image (bilinear, edge pixels
 * repeated). This both deskews rotated lines and rescales them to the recogniser's height.
 */
export function warpBox(source: RgbImage, box: OrientedBox, outWidth: number, outHeight: number): RgbImage {
  const out = new Uint8Array(outWidth * outHeight * 3);
  const ux = Math.cos(box.angle);
  const uy = Math.sin(box.angle);
  const stepU = box.width / outWidth;
  const stepV = box.height / outHeight;
  const x0 = box.cx - (box.width / 2) * ux + (box.height / 2) * uy;
  const y0 = box.cy - (box.width / 2) * uy - (box.height / 2) * ux;
  const { data, width, height } = source;
  const maxX = width - 1;
  const maxY = height - 1;
  let o = 0;
  for (let j = 0; j < outHeight; j++) {
    const v = (j + 0.5) * stepV;
    const rowX = x0 - v * uy;
    const rowY = y0 + v * ux;
    for (let i = 0; i < outWidth; i++) {
      const u = (i + 0.5) * stepU;
      let sx = rowX + u * ux - 0.5;
      let sy = rowY + u * uy - 0.5;
      if (sx < 0) sx = 0;
      else if (sx > maxX) sx = maxX;
      if (sy < 0) sy = 0;
      else if (sy > maxY) sy = maxY;
      const ix = Math.floor(sx);
      const iy = Math.floor(sy);
      const fx = sx - ix;
      const fy = sy - iy;
      const ix1 = ix < maxX ? ix + 1 : ix;
      const iy1 = iy < maxY ? iy + 1 : iy;
      const p00 = (iy * width + ix) * 3;
      const p10 = (iy * width + ix1) * 3;
      const p01 = (iy1 * width + ix) * 3;
      const p11 = (iy1 * width + ix1) * 3;
      for (let c = 0; c < 3; c++) {
        const top = (data[p00 + c] as number) * (1 - fx) + (data[p10 + c] as number) * fx;
        const bottom = (data[p01 + c] as number) * (1 - fx) + (data[p11 + c] as number) * fx;
        out[o++] = top * (1 - fy) + bottom * fy + 0.5;
      }
    }
  }
  return { data: out, width: outWidth, height: outHeight };
}

/** CHW float tensor in BGR order (PaddleOCR models were trained on OpenCV's BGR) with per-channel mean/std. */
export function toTensorBgr(image: RgbImage, mean: readonly number[], std: readonly number[]): Float32Array {
  const plane = image.width * image.height;
  const out = new Float32Array(plane * 3);
  const { data } = image;
  for (let c = 0; c < 3; c++) {
    const src = 2 - c; // BGR
    const m = (mean[c] as number) * 255;
    const s = 1 / ((std[c] as number) * 255);
    const base = c * plane;
    for (let p = 0; p < plane; p++) out[base + p] = ((data[p * 3 + src] as number) - m) * s;
  }
  return out;
}
