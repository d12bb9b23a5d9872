import type { RgbImage } from "../ocr/image.ts";
import type { Point, Quad } from "./quad.ts";

/** Solves the 8×8 system for the homography mapping the corners of `from` onto those of `to`. */
export function homography(from: Quad, to: Quad): number[] {
  const a: number[][] = [];
  const b: number[] = [];
  for (let i = 0; i < 4; i++) {
    const { x, y } = from[i]!;
    const { x: u, y: v } = to[i]!;
    a.push([x, y, 1, 0, 0, 0, -u * x, -u * y]);
    b.push(u);
    a.push([0, 0, 0, x, y, 1, -v * x, -v * y]);
    b.push(v);
  }
  // Gaussian elimination with partial pivoting.
  for (let col = 0; col < 8; col++) {
    let pivot = col;
    for (let row = col + 1; row < 8; row++)
      if (Math.abs(a[row]![col]!) > Math.abs(a[pivot]![col]!)) pivot = row;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    [b[col], b[pivot]] = [b[pivot]!, b[col]!];
    for (let row = 0; row < 8; row++) {
      if (row === col) continue;
      const f = a[row]![col]! / a[col]![col]!;
      for (let k = col; k < 8; k++) a[row]![k]! -= f * a[col]![k]!;
      b[row]! -= f * b[col]!;
    }
  }
  return b.map((v, i) => v / a[i]![i]!);
}

export function applyHomography(h: number[], p: Point): Point {
  const w = h[6]! * p.x + h[7]! * p.y + 1;
  return { x: (h[0]! * p.x + h[1]! * p.y + h[2]!) / w, y: (h[3]! * p.x + h[4]! * p.y + h[5]!) / w };
}

/** Perspective-corrects the quadrilateral `quad` of `image` into a `width` × `height` image (bilinear). */
export function warpQuad(image: RgbImage, quad: Quad, width: number, height: number): RgbImage {
  const rect: Quad = [
    { x: 0, y: 0 },
    { x: width - 1, y: 0 },
    { x: width - 1, y: height - 1 },
    { x: 0, y: height - 1 },
  ];
  const h = homography(rect, quad);
  const out = new Uint8Array(width * height * 3);
  const { data, width: sw, height: sh } = image;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const den = h[6]! * x + h[7]! * y + 1;
      const sx = (h[0]! * x + h[1]! * y + h[2]!) / den;
      const sy = (h[3]! * x + h[4]! * y + h[5]!) / den;
      const o = (y * width + x) * 3;
      if (sx < 0 || sy < 0 || sx > sw - 1 || sy > sh - 1) {
        out[o] = out[o + 1] = out[o + 2] = 255;
        continue;
      }
      sampleBilinear(data, sw, sh, 3, sx, sy, out, o);
    }
  }
  return { data: out, width, height };
}

/**
 * Bilinear sample of an interleaved image of `channels` channels (`sw` × `sh`) at (x, y), which must lie inside
 * it, written rounded to `out[offset…offset + channels)`.
 */
export function sampleBilinear(
  src: Uint8Array,
  sw: number,
  sh: number,
  channels: number,
  x: number,
  y: number,
  out: Uint8Array,
  offset: number,
): void {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const x1 = Math.min(sw - 1, x0 + 1);
  const y1 = Math.min(sh - 1, y0 + 1);
  const fx = x - x0;
  const fy = y - y0;
  const i00 = (y0 * sw + x0) * channels;
  const i10 = (y0 * sw + x1) * channels;
  const i01 = (y1 * sw + x0) * channels;
  const i11 = (y1 * sw + x1) * channels;
  for (let c = 0; c < channels; c++) {
    const top = src[i00 + c]! + (src[i10 + c]! - src[i00 + c]!) * fx;
    const bottom = src[i01 + c]! + (src[i11 + c]! - src[i01 + c]!) * fx;
    out[offset + c] = Math.round(top + (bottom - top) * fy);
  }
}
