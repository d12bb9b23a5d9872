import type { FarThresholds } from "../types.ts";
import { normalCdf } from "./normal.ts";

export const farLevels = ["1e-2", "1e-3", "1e-4", "1e-5", "1e-6"] as const;
export type FarLevel = (typeof farLevels)[number];

/** The committed output of `npm run calibrate:faces` (see docs/face-calibration.md). */
export interface FaceCalibration {
  readonly version: 1;
  /** How the raw distance is built from the embeddings. */
  readonly metric: {
    readonly descriptor: "faceapi-128-dlib5-aligned-euclidean";
    /** Average the descriptor with the mirrored chip's. */
    readonly mirror: boolean;
    /** Scale the descriptor to unit length. */
    readonly normalize: boolean;
    /** Fused distance = descriptor distance + faceresWeight * (1 - cosine of Human faceres vectors). */
    readonly faceresWeight: number;
  };
  /** Impostor tail model: FAR(d) = Φ(alpha + beta * d), fitted on the calibration impostors. */
  readonly tail: { readonly alpha: number; readonly beta: number };
  /** Impostor distance median and 99th percentile: the similarity scale fades to 0 between them. */
  readonly impostorMedian: number;
  readonly impostorP99: number;
  /** Distance at each false-accept rate (from the tail model). */
  readonly distanceAtFar: Record<FarLevel, number>;
  /** confidence = 100 * (1 - distance / confidenceScale), clamped to 0-100. */
  readonly confidenceScale: number;
  /** Free-form provenance written by the calibration script. */
  readonly provenance: Record<string, unknown>;
}

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));
const round3 = (v: number): number => Math.round(v * 1000) / 1000;

/** Estimated false-accept rate of accepting a pair at this distance. */
export function farAtDistance(cal: FaceCalibration, distance: number): number {
  return normalCdf(cal.tail.alpha + cal.tail.beta * distance);
}

/**
 * Tencent-style similarity 0-100: 40 + 10 · (−log10 FAR), so 70 ↔ FAR 1e-3 and 80 ↔ 1e-4; above the impostor
 * median it fades linearly to 0 at the impostor 99th percentile so clearly different faces score low.
 */
export function similarityFromDistance(cal: FaceCalibration, distance: number): number {
  const logFar = Math.log10(Math.max(farAtDistance(cal, distance), 1e-30));
  const fade = 40 * clamp((distance - cal.impostorMedian) / (cal.impostorP99 - cal.impostorMedian), 0, 1);
  return round3(clamp(40 - 10 * logFar - fade, 0, 100));
}

/** FaceID Lite-style confidence 0-100, linear in distance; read it against `thresholdsFor(cal)`. */
export function confidenceFromDistance(cal: FaceCalibration, distance: number): number {
  return round3(clamp(100 * (1 - distance / cal.confidenceScale), 0, 100));
}

/** The FaceID Lite `thresholds` ladder: confidence needed at FAR 1e-3 … 1e-6. */
export function thresholdsFor(cal: FaceCalibration): FarThresholds {
  return {
    "1e-3": confidenceFromDistance(cal, cal.distanceAtFar["1e-3"]),
    "1e-4": confidenceFromDistance(cal, cal.distanceAtFar["1e-4"]),
    "1e-5": confidenceFromDistance(cal, cal.distanceAtFar["1e-5"]),
    "1e-6": confidenceFromDistance(cal, cal.distanceAtFar["1e-6"]),
  };
}
