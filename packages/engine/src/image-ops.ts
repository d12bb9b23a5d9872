import type { Box, RgbImage } from "./types.ts";

/** Bilinear RGB sample at (x, y); outside the image returns mid-grey, as a padded border would. */
function sampleInto(image: RgbImage, x: number, y: number, out: Uint8Array, offset: number): void {
  const { width, height, data } = image;
  if (x < 0 || y < 0 || x > width - 1 || y > height - 1) {
    out[offset] = 128;
    out[offset + 1] = 128;
    out[offset + 2] = 128;
    return;
  }
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const x1 = Math.min(x0 + 1, width - 1);
  const y1 = Math.min(y0 + 1, height - 1);
  const fx = x - x0;
  const fy = y - y0;
  for (let c = 0; c < 3; c++) {
    const a = data[(y0 * width + x0) * 3 + c]!;
    const b = data[(y0 * width + x1) * 3 + c]!;
    const d = data[(y1 * width + x0) * 3 + c]!;
    const e = data[(y1 * width + x1) * 3 + c]!;
    out[offset + c] = Math.round((a * (1 - fx) + b * fx) * (1 - fy) + (d * (1 - fx) + e * fx) * fy);
  }
}

/** An affine map from output pixel (u, v) to source pixel: x = a*u - b*v + tx, y = b*u + a*v + ty. */
export interface SimilarityMap {
  readonly a: number;
  readonly b: number;
  readonly tx: number;
  readonly ty: number;
}

/** Renders a size x size chip whose pixel (u, v) comes from the source through `map`. */
export function warpChip(image: RgbImage, map: SimilarityMap, size: number): RgbImage {
  const data = new Uint8Array(size * size * 3);
  for (let v = 0; v < size; v++) {
    for (let u = 0; u < size; u++) {
      const x = map.a * u - map.b * v + map.tx;
      const y = map.b * u + map.a * v + map.ty;
      sampleInto(image, x, y, data, (v * size + u) * 3);
    }
  }
  return { width: size, height: size, data };
}

/** A square crop around `box` grown by `margin` (fraction of the longer side), resampled to `size`. */
export function squareCrop(
  image: RgbImage,
  box: Box,
  margin: number,
  size: number,
): { chip: RgbImage; map: SimilarityMap } {
  const side = Math.max(box.width, box.height) * (1 + margin);
  const scale = side / size;
  const map = {
    a: scale,
    b: 0,
    tx: box.x + box.width / 2 - side / 2,
    ty: box.y + box.height / 2 - side / 2,
  };
  return { chip: warpChip(image, map, size), map };
}

export function mirror(image: RgbImage): RgbImage {
  const { width, height, data } = image;
  const out = new Uint8Array(data.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const src = (y * width + x) * 3;
      const dst = (y * width + (width - 1 - x)) * 3;
      out[dst] = data[src]!;
      out[dst + 1] = data[src + 1]!;
      out[dst + 2] = data[src + 2]!;
    }
  }
  return { width, height, data: out };
}

/** Adds a mid-grey border of `border` px on every side (detection retry for tightly cropped faces). */
export function padImage(image: RgbImage, border: number): RgbImage {
  const width = image.width + 2 * border;
  const height = image.height + 2 * border;
  const data = new Uint8Array(width * height * 3).fill(128);
  for (let y = 0; y < image.height; y++) {
    const src = image.data.subarray(y * image.width * 3, (y + 1) * image.width * 3);
    data.set(src, ((y + border) * width + border) * 3);
  }
  return { width, height, data };
}

/** Rec.601 luma of an RGB chip. */
export function luma(image: RgbImage): Float32Array {
  const out = new Float32Array(image.width * image.height);
  for (let i = 0; i < out.length; i++) {
    out[i] = 0.299 * image.data[i * 3]! + 0.587 * image.data[i * 3 + 1]! + 0.114 * image.data[i * 3 + 2]!;
  }
  return out;
}

export function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return values.length ? sum / values.length : 0;
}

/** Variance of the 4-neighbour Laplacian: the usual focus measure (drops sharply when a face is blurred). */
export function laplacianVariance(grey: Float32Array, width: number, height: number): number {
  let sum = 0;
  let sumSq = 0;
  let n = 0;
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      const lap = grey[i - 1]! + grey[i + 1]! + grey[i - width]! + grey[i + width]! - 4 * grey[i]!;
      sum += lap;
      sumSq += lap * lap;
      n++;
    }
  }
  if (n === 0) return 0;
  const m = sum / n;
  return sumSq / n - m * m;
}
