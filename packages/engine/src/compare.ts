import {
  confidenceFromDistance,
  type FaceCalibration,
  farAtDistance,
  similarityFromDistance,
  thresholdsFor,
} from "./calibration/scores.ts";
import type { CompareResult, FaceEmbedding } from "./types.ts";

function euclidean(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i]! - b[i]!) ** 2;
  return Math.sqrt(sum);
}

function cosineDistance(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! ** 2;
    nb += b[i]! ** 2;
  }
  return 1 - dot / Math.sqrt(na * nb);
}

/** The calibrated raw distance: descriptor euclidean distance, plus faceres cosine distance when fused. */
export function embeddingDistance(cal: FaceCalibration, a: FaceEmbedding, b: FaceEmbedding): number {
  const base = euclidean(a.descriptor, b.descriptor);
  const weight = cal.metric.faceresWeight;
  if (weight > 0 && a.faceres && b.faceres) return base + weight * cosineDistance(a.faceres, b.faceres);
  return base;
}

/** Scores two templates; a missing template yields similarity 0 and the NO_FACE_FOUND error. */
export function compareEmbeddings(
  cal: FaceCalibration,
  a: FaceEmbedding | null,
  b: FaceEmbedding | null,
  faces: { a: number; b: number } = { a: a?.faceCount ?? 0, b: b?.faceCount ?? 0 },
): CompareResult {
  const thresholds = thresholdsFor(cal);
  if (!a || !b) {
    return {
      similarity: 0,
      confidence: 0,
      thresholds,
      distance: null,
      far: null,
      facesA: faces.a,
      facesB: faces.b,
      error: "NO_FACE_FOUND",
      missing: !a && !b ? "both" : !a ? "a" : "b",
    };
  }
  const distance = embeddingDistance(cal, a, b);
  return {
    similarity: similarityFromDistance(cal, distance),
    confidence: confidenceFromDistance(cal, distance),
    thresholds,
    distance: Math.round(distance * 1e6) / 1e6,
    far: farAtDistance(cal, distance),
    facesA: faces.a,
    facesB: faces.b,
  };
}
