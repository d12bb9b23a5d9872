import sharp from "sharp";
import type { RgbImage } from "../ocr/image.ts";

const BLOCK = 8;
const QUALITIES = [60, 70, 80];

/**
 * JPEG-ghost score for a region (card bounding box, native pixels). The image is recompressed at a few qualities;
 * per 8×8 block the recompression error is compared to that of other textured blocks. Content pasted in after the
 * last-but-one compression has a different history, so at the quality the rest of the card was saved with, its
 * blocks stand out as a compact cluster of high error. Returns the strongest cluster's mean error ratio (≈1 for
 * untouched images). Weak evidence only: resaving, resizing or heavy noise wipe the trace.
 */
export async function jpegGhostScore(
  image: RgbImage,
  region: { x: number; y: number; w: number; h: number },
): Promise<number> {
  const bx0 = Math.max(0, Math.ceil(region.x / BLOCK));
  const by0 = Math.max(0, Math.ceil(region.y / BLOCK));
  const bx1 = Math.min(Math.floor(image.width / BLOCK), Math.floor((region.x + region.w) / BLOCK));
  const by1 = Math.min(Math.floor(image.height / BLOCK), Math.floor((region.y + region.h) / BLOCK));
  const bw = bx1 - bx0;
  const bh = by1 - by0;
  if (bw < 8 || bh < 8) return 1;
  const source = sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } });
  const texture = blockStats(image.data, image.data, image.width, bx0, by0, bw, bh, true);
  let best = 1;
  for (const quality of QUALITIES) {
    const jpeg = await source.clone().jpeg({ quality, chromaSubsampling: "4:4:4" }).toBuffer();
    const { data } = await sharp(jpeg).raw().toBuffer({ resolveWithObject: true });
    const error = blockStats(image.data, data, image.width, bx0, by0, bw, bh, false);
    best = Math.max(best, strongestCluster(error, texture, bw, bh));
  }
  return best;
}

/** Per block: mean |a−b| (error) or standard deviation of a (texture). */
function blockStats(
  a: Uint8Array,
  b: Uint8Array,
  width: number,
  bx0: number,
  by0: number,
  bw: number,
  bh: number,
  texture: boolean,
): Float32Array {
  const out = new Float32Array(bw * bh);
  for (let by = 0; by < bh; by++) {
    for (let bx = 0; bx < bw; bx++) {
      let s = 0;
      let q = 0;
      for (let y = 0; y < BLOCK; y++) {
        let i = (((by0 + by) * BLOCK + y) * width + (bx0 + bx) * BLOCK) * 3;
        for (let x = 0; x < BLOCK * 3; x++, i++) {
          const v = texture ? a[i]! : Math.abs(a[i]! - b[i]!);
          s += v;
          q += v * v;
        }
      }
      const n = BLOCK * BLOCK * 3;
      out[by * bw + bx] = texture ? Math.sqrt(Math.max(0, q / n - (s / n) ** 2)) : s / n;
    }
  }
  return out;
}

/** Mean error ratio of the largest 4-connected cluster of textured blocks whose error is > 2× the typical one. */
function strongestCluster(error: Float32Array, texture: Float32Array, bw: number, bh: number): number {
  // Dense print legitimately loses more to recompression than flat areas: compare error per unit of texture.
  const ratio = new Float32Array(error.length);
  for (let i = 0; i < error.length; i++) ratio[i] = error[i]! / (texture[i]! + 4);
  const textured: number[] = [];
  for (let i = 0; i < error.length; i++) if (texture[i]! > 12) textured.push(ratio[i]!);
  if (textured.length < 30) return 1;
  textured.sort((a, b) => a - b);
  const typical = textured[Math.floor(textured.length / 2)]! + 1e-3;
  const hot = new Uint8Array(error.length);
  for (let i = 0; i < error.length; i++) if (texture[i]! > 12 && ratio[i]! > 2 * typical) hot[i] = 1;
  let best = 1;
  for (let start = 0; start < hot.length; start++) {
    if (hot[start] !== 1) continue;
    const stack = [start];
    hot[start] = 2;
    let count = 0;
    let sum = 0;
    while (stack.length) {
      const i = stack.pop()!;
      count++;
      sum += ratio[i]! / typical;
      const x = i % bw;
      for (const j of [i - bw, i + bw, x > 0 ? i - 1 : -1, x < bw - 1 ? i + 1 : -1]) {
        if (j >= 0 && j < hot.length && hot[j] === 1) {
          hot[j] = 2;
          stack.push(j);
        }
      }
    }
    // A field-sized cluster: bigger than a speck, smaller than a third of the card (that would be global).
    if (count >= 6 && count < (bw * bh) / 3) best = Math.max(best, sum / count);
  }
  return best;
}
