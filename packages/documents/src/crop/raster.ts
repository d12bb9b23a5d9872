import type { RgbImage } from "../ocr/image.ts";

/** Single-channel float image (0–255), row-major. */
export interface GreyImage {
  readonly data: Float32Array;
  readonly width: number;
  readonly height: number;
}

/** Luma (BT.601) of an RGB image, box-downscaled by an integer factor so the longer side ≤ maxSide. */
export function toGrey(image: RgbImage, maxSide = Number.POSITIVE_INFINITY): GreyImage {
  const factor = Math.max(1, Math.ceil(Math.max(image.width, image.height) / maxSide));
  const width = Math.floor(image.width / factor);
  const height = Math.floor(image.height / factor);
  const data = new Float32Array(width * height);
  const src = image.data;
  const norm = 1 / (factor * factor);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let dy = 0; dy < factor; dy++) {
        let i = ((y * factor + dy) * image.width + x * factor) * 3;
        for (let dx = 0; dx < factor; dx++, i += 3)
          sum += 0.299 * src[i]! + 0.587 * src[i + 1]! + 0.114 * src[i + 2]!;
      }
      data[y * width + x] = sum * norm;
    }
  }
  return { data, width, height };
}

/** Crops an axis-aligned rectangle (clamped to the image) out of an RGB image. */
export function cropRgb(image: RgbImage, x: number, y: number, w: number, h: number): RgbImage {
  const x0 = Math.max(0, Math.floor(x));
  const y0 = Math.max(0, Math.floor(y));
  const x1 = Math.min(image.width, Math.ceil(x + w));
  const y1 = Math.min(image.height, Math.ceil(y + h));
  const width = Math.max(1, x1 - x0);
  const height = Math.max(1, y1 - y0);
  const data = new Uint8Array(width * height * 3);
  for (let row = 0; row < height; row++) {
    const from = ((y0 + row) * image.width + x0) * 3;
    data.set(image.data.subarray(from, from + width * 3), row * width * 3);
  }
  return { data, width, height };
}

/** Sobel gradients (gx, gy) of a grey image; borders are zero. */
export function sobel(grey: GreyImage): { gx: Float32Array; gy: Float32Array } {
  const { data, width: w, height: h } = grey;
  const gx = new Float32Array(w * h);
  const gy = new Float32Array(w * h);
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      const tl = data[i - w - 1]!;
      const tr = data[i - w + 1]!;
      const bl = data[i + w - 1]!;
      const br = data[i + w + 1]!;
      gx[i] = tr + 2 * data[i + 1]! + br - tl - 2 * data[i - 1]! - bl;
      gy[i] = bl + 2 * data[i + w]! + br - tl - 2 * data[i - w]! - tr;
    }
  }
  return { gx, gy };
}
