import type { FaceObservation } from "../types.ts";

/** The per-frame measurements motion detection works on (one face, the subject's). */
export interface FaceSignals {
  /** Mean eye aspect ratio of both eyes (≈0.25-0.35 open, < 0.15 closed). */
  readonly eyeOpenness: number;
  /** Inner-lip gap over mouth width (≈0 closed, > 0.3 wide open). */
  readonly mouthOpenness: number;
  readonly yaw: number;
  readonly pitch: number;
}

/** One analysed frame: when it was, and the subject's signals, or null when no face was found. */
export interface MotionSample {
  readonly timestampMs: number;
  readonly face: FaceSignals | null;
}

export function signalsOf(
  face: Pick<FaceObservation, "eyeOpenness" | "mouthOpenness" | "pose">,
): FaceSignals {
  return {
    eyeOpenness: (face.eyeOpenness.left + face.eyeOpenness.right) / 2,
    mouthOpenness: face.mouthOpenness,
    yaw: face.pose.yaw,
    pitch: face.pose.pitch,
  };
}

/** The p-quantile (0-1) by linear interpolation; NaN for an empty list. */
export function quantile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * Math.min(1, Math.max(0, p));
  const low = Math.floor(position);
  const high = Math.ceil(position);
  const lowValue = sorted[low] ?? Number.NaN;
  const highValue = sorted[high] ?? Number.NaN;
  return lowValue + (highValue - lowValue) * (position - low);
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/**
 * For each sample, the given quantile of a signal over the samples within ±halfWindowMs (faces only).
 * A rolling baseline follows slow drift (lighting, distance) while short actions barely move it.
 */
export function rollingQuantile(
  samples: readonly MotionSample[],
  pick: (face: FaceSignals) => number,
  halfWindowMs: number,
  p: number,
): number[] {
  return samples.map((sample) => {
    const window: number[] = [];
    for (const other of samples) {
      if (other.face && Math.abs(other.timestampMs - sample.timestampMs) <= halfWindowMs) {
        window.push(pick(other.face));
      }
    }
    return quantile(window, p);
  });
}
