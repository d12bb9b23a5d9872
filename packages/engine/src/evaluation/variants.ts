import { finalDescriptor } from "../embed.ts";
import type { CachedEmbedding } from "./embed-cache.ts";

/** A way of turning two cached embeddings into one distance (lower = more alike). */
export interface DistanceVariant {
  readonly name: string;
  readonly mirror: boolean;
  /** Scale the descriptor to unit length before the distance. */
  readonly normalize: boolean;
  readonly faceresWeight: number;
}

const euclidean = (a: readonly number[], b: readonly number[]): number => {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i]! - b[i]!) ** 2;
  return Math.sqrt(sum);
};

const cosineDistance = (a: readonly number[], b: readonly number[]): number => {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! ** 2;
    nb += b[i]! ** 2;
  }
  return 1 - dot / Math.sqrt(na * nb);
};

/** Descriptor as the engine computes it for a variant (see `finalDescriptor` in embed.ts). */
export function descriptorOf(e: CachedEmbedding, v: Pick<DistanceVariant, "mirror" | "normalize">): number[] {
  return finalDescriptor({ plain: e.plain, mirrored: e.mirrored }, v);
}

export function variantDistance(v: DistanceVariant, a: CachedEmbedding, b: CachedEmbedding): number {
  const base = euclidean(descriptorOf(a, v), descriptorOf(b, v));
  if (v.faceresWeight > 0 && a.faceres && b.faceres)
    return base + v.faceresWeight * cosineDistance(a.faceres, b.faceres);
  return base;
}

/** The candidates measured on the calibration half (see docs/face-calibration.md). */
export const candidateVariants: readonly DistanceVariant[] = [
  { name: "plain", mirror: false, normalize: false, faceresWeight: 0 },
  { name: "plain+unit", mirror: false, normalize: true, faceresWeight: 0 },
  { name: "mirror", mirror: true, normalize: false, faceresWeight: 0 },
  { name: "mirror+unit", mirror: true, normalize: true, faceresWeight: 0 },
  ...[0.1, 0.2, 0.3, 0.5, 0.8].map((w) => ({
    name: `mirror+faceres*${w}`,
    mirror: true,
    normalize: false,
    faceresWeight: w,
  })),
  ...[0.1, 0.2].map((w) => ({
    name: `mirror+unit+faceres*${w}`,
    mirror: true,
    normalize: true,
    faceresWeight: w,
  })),
];
