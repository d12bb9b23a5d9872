/**
 * Auto-capture judge on the phone: a card is ready to shoot when the picture has stopped moving (small
 * frame-to-frame difference) and is sharp (variance of the Laplacian, relative to the sharpest recent frame
 * and above an absolute floor). Works on small grey frames so it costs well under a millisecond per frame;
 * the server's read then decides whether the photo was really readable.
 */
export interface SteadinessOptions {
  /** Mean absolute grey difference (0–255) below which two frames count as "not moving". */
  readonly maxMotion: number;
  /** Consecutive still frames needed. */
  readonly stillFrames: number;
  /** Laplacian variance below which nothing is in focus at all. */
  readonly minSharpness: number;
  /** Fraction of the sharpest recent frame a frame must reach (focus hunting, motion blur). */
  readonly relativeSharpness: number;
}

export const defaultSteadiness: SteadinessOptions = {
  maxMotion: 4,
  stillFrames: 5,
  minSharpness: 60,
  relativeSharpness: 0.75,
};

/** Luma of an RGBA buffer (canvas ImageData), one byte per pixel. */
export function toGrey(rgba: Uint8ClampedArray): Uint8Array {
  const grey = new Uint8Array(rgba.length / 4);
  for (let i = 0, p = 0; p < grey.length; i += 4, p++) {
    grey[p] = (rgba[i]! * 77 + rgba[i + 1]! * 150 + rgba[i + 2]! * 29) >> 8;
  }
  return grey;
}

export function meanAbsDifference(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length || a.length === 0) return Number.POSITIVE_INFINITY;
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]! - b[i]!);
  return sum / a.length;
}

/** Variance of the 4-neighbour Laplacian over the inner pixels: high for crisp text and edges. */
export function laplacianVariance(grey: Uint8Array, width: number, height: number): number {
  let sum = 0;
  let sumSq = 0;
  let count = 0;
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      const value = 4 * grey[i]! - grey[i - 1]! - grey[i + 1]! - grey[i - width]! - grey[i + width]!;
      sum += value;
      sumSq += value * value;
      count++;
    }
  }
  if (count === 0) return 0;
  const mean = sum / count;
  return sumSq / count - mean * mean;
}

export type SteadyVerdict = "moving" | "blurry" | "steady";

/** Feed it one grey frame at a time; it says when to shoot. */
export class SteadinessJudge {
  readonly #options: SteadinessOptions;
  #previous: Uint8Array | null = null;
  #still = 0;
  #recentSharpness: number[] = [];

  constructor(options: SteadinessOptions = defaultSteadiness) {
    this.#options = options;
  }

  push(grey: Uint8Array, width: number, height: number): SteadyVerdict {
    const motion = this.#previous ? meanAbsDifference(this.#previous, grey) : Number.POSITIVE_INFINITY;
    this.#previous = grey;
    const sharpness = laplacianVariance(grey, width, height);
    this.#recentSharpness = [...this.#recentSharpness.slice(-19), sharpness];
    this.#still = motion <= this.#options.maxMotion ? this.#still + 1 : 0;
    if (this.#still < this.#options.stillFrames) return "moving";
    const best = Math.max(...this.#recentSharpness);
    const sharp =
      sharpness >= this.#options.minSharpness && sharpness >= best * this.#options.relativeSharpness;
    return sharp ? "steady" : "blurry";
  }

  reset(): void {
    this.#previous = null;
    this.#still = 0;
    this.#recentSharpness = [];
  }
}
