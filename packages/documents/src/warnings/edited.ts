import sharp from "sharp";
import type { RgbImage } from "../ocr/image.ts";
import { strongestCluster } from "./ghost-cluster.ts";

const BLOCK = 8;
const STEP = 5;
/** Candidate qualities of an earlier save (the "ghost"); each needs its neighbours ±STEP recompressed too. */
const GHOST_QUALITIES = [55, 60, 65, 70, 75, 80, 85, 90];
/** A block "dips" at q when its recompression error there is below 0.8× the mean of q±STEP. */
const DIP_RATIO = 0.8;
/** Share of the card's textured blocks that must dip at one quality for it to count as an earlier save. */
const MIN_DIP_SHARE = 0.3;

export interface GhostScore {
  /** Mean error ratio of the strongest compact cluster at the earlier-save quality; 1 = nothing found. */
  readonly score: number;
  /** The quality the card was saved at before its last save, when the dips show one; null otherwise. */
  readonly earlierQuality: number | null;
}

/**
 * JPEG-ghost evidence of a pasted field on the card (`region`: its bounding box, native pixels). A card photo
 * saved at quality Q and saved again later keeps a "ghost" of Q: recompressing it at Q changes its blocks less
 * than at Q±5. Content pasted in between never went through Q, so its blocks lack the dip and, at Q, stand out as
 * a compact cluster of high error (per unit of texture). Without an earlier save below the last one (a capture
 * saved once, which is what a camera gives) there is no history to compare and the score is 1: dense print alone
 * (small CJK text shrunk on a low-resolution photo) used to look like a paste.
 *
 * `lastQuality` is the file's own quality (jpegQuality); null when unknown (PNG), then every candidate is tried.
 * The pixels must be the file's own (not resized), or the 8×8 grid is lost and nothing dips.
 */
export async function jpegGhostScore(
  image: RgbImage,
  region: { x: number; y: number; w: number; h: number },
  lastQuality: number | null,
): Promise<GhostScore> {
  const none: GhostScore = { score: 1, earlierQuality: null };
  const candidates = GHOST_QUALITIES.filter((q) => q <= (lastQuality ?? 100) - 2 * STEP);
  const grid = blockGrid(image, region);
  if (!grid || candidates.length === 0) return none;
  // Recompress only the card's block-aligned box: the grid stays aligned and the work shrinks to the card.
  const box = {
    left: grid.bx0 * BLOCK,
    top: grid.by0 * BLOCK,
    width: grid.bw * BLOCK,
    height: grid.bh * BLOCK,
  };
  const cardPixels = await sharp(image.data, {
    raw: { width: image.width, height: image.height, channels: 3 },
  })
    .extract(box)
    .raw()
    .toBuffer();
  const source = sharp(cardPixels, { raw: { width: box.width, height: box.height, channels: 3 } });
  const texture = blockStats(cardPixels, null, box.width, grid.bw, grid.bh);
  const qualities = [...new Set(candidates.flatMap((q) => [q - STEP, q, q + STEP]))];
  const errors = new Map<number, Float32Array>();
  for (const quality of qualities) {
    const jpeg = await source.clone().jpeg({ quality, chromaSubsampling: "4:4:4" }).toBuffer();
    const { data } = await sharp(jpeg).raw().toBuffer({ resolveWithObject: true });
    errors.set(quality, blockStats(cardPixels, data, box.width, grid.bw, grid.bh));
  }
  const earlier = dominantDip(candidates, errors, texture);
  if (earlier === null) return none;
  const atEarlier = errors.get(earlier)!;
  // Dense print legitimately loses more to recompression than flat areas: compare error per unit of texture.
  const ratio = new Float32Array(atEarlier.length);
  for (let i = 0; i < ratio.length; i++) ratio[i] = atEarlier[i]! / (texture[i]! + 4);
  return { score: strongestCluster(ratio, texture, grid.bw, grid.bh), earlierQuality: earlier };
}

function blockGrid(image: RgbImage, region: { x: number; y: number; w: number; h: number }) {
  const bx0 = Math.max(0, Math.ceil(region.x / BLOCK));
  const by0 = Math.max(0, Math.ceil(region.y / BLOCK));
  const bx1 = Math.min(Math.floor(image.width / BLOCK), Math.floor((region.x + region.w) / BLOCK));
  const by1 = Math.min(Math.floor(image.height / BLOCK), Math.floor((region.y + region.h) / BLOCK));
  const [bw, bh] = [bx1 - bx0, by1 - by0];
  return bw >= 8 && bh >= 8 ? { bx0, by0, bw, bh } : null;
}

/** The candidate quality at which most textured blocks dip, if enough of them do. */
function dominantDip(
  candidates: readonly number[],
  errors: ReadonlyMap<number, Float32Array>,
  texture: Float32Array,
): number | null {
  let best: { quality: number; share: number } | null = null;
  let textured = 0;
  for (let i = 0; i < texture.length; i++) if (texture[i]! > 12) textured++;
  if (textured < 30) return null;
  for (const quality of candidates) {
    const [below, at, above] = [
      errors.get(quality - STEP)!,
      errors.get(quality)!,
      errors.get(quality + STEP)!,
    ];
    let dips = 0;
    for (let i = 0; i < at.length; i++) {
      if (texture[i]! > 12 && at[i]! < DIP_RATIO * ((below[i]! + above[i]!) / 2 + 0.05)) dips++;
    }
    if (!best || dips / textured > best.share) best = { quality, share: dips / textured };
  }
  return best && best.share >= MIN_DIP_SHARE ? best.quality : null;
}

/** Per block of the card box: mean |a−b| (error), or the standard deviation of a when b is null (texture). */
function blockStats(
  a: Uint8Array,
  b: Uint8Array | null,
  width: number,
  bw: number,
  bh: number,
): Float32Array {
  const out = new Float32Array(bw * bh);
  const n = BLOCK * BLOCK * 3;
  for (let by = 0; by < bh; by++) {
    for (let bx = 0; bx < bw; bx++) {
      let s = 0;
      let q = 0;
      for (let y = 0; y < BLOCK; y++) {
        let i = ((by * BLOCK + y) * width + bx * BLOCK) * 3;
        for (let x = 0; x < BLOCK * 3; x++, i++) {
          const v = b ? Math.abs(a[i]! - b[i]!) : a[i]!;
          s += v;
          q += v * v;
        }
      }
      out[by * bw + bx] = b ? s / n : Math.sqrt(Math.max(0, q / n - (s / n) ** 2));
    }
  }
  return out;
}
