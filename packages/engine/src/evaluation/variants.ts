import type { CachedEmbedding } from "./embed-cache.ts";

/** A way of turning two cached embeddings into one distance (lower = more alike). */
export interface DistanceVariant {
  readonly name: string;
  readonly mirror: boolean;
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

/** Descriptor as the engine computes it (mirror-averaged) or the plain view alone. */
export function descriptorOf(e: CachedEmbedding, mirror: boolean): number[] {
  return mirror ? e.plain.map((v, i) => (v + e.mirrored[i]!) / 2) : [...e.plain];
}

export function variantDistance(v: DistanceVariant, a: CachedEmbedding, b: CachedEmbedding): number {
  const base = euclidean(descriptorOf(a, v.mirror), descriptorOf(b, v.mirror));
  if (v.faceresWeight > 0 && a.faceres && b.faceres)
    return base + v.faceresWeight * cosineDistance(a.faceres, b.faceres);
  return base;
}

/** The candidates measured on the calibration half (see docs/face-calibration.md). */
export const candidateVariants: readonly DistanceVariant[] = [
  { name: "plain", mirror: false, faceresWeight: 0 },
  { name: "mirror", mirror: true, faceresWeight: 0 },
  ...[0.1, 0.2, 0.3, 0.5, 0.8].map((w) => ({ name: `mirror+faceres*${w}`, mirror: true, faceresWeight: w })),
];
