import { normalQuantile } from "../calibration/normal.ts";

export interface TailFit {
  readonly alpha: number;
  readonly beta: number;
  /** Empirical FAR range whose points were fitted. */
  readonly fitRange: readonly [number, number];
  readonly points: number;
}

/**
 * Fits FAR(d) = Φ(alpha + beta·d) to the lower tail of measured impostor distances: least squares of
 * probit(F_k) on d_k, with F_k = (k − ½)/N, over the points with F_k between `minCount`/N and `maxFar`.
 * Below the smallest measured impostor distance the same line is the stated extrapolation.
 */
export function fitImpostorTail(impostors: readonly number[], maxFar = 0.05, minCount = 3): TailFit {
  const sorted = [...impostors].sort((x, y) => x - y);
  const n = sorted.length;
  const lo = minCount / n;
  const xs: number[] = [];
  const zs: number[] = [];
  for (let k = 1; k <= n; k++) {
    const far = (k - 0.5) / n;
    if (far < lo) continue;
    if (far > maxFar) break;
    xs.push(sorted[k - 1]!);
    zs.push(normalQuantile(far));
  }
  const mx = xs.reduce((s, v) => s + v, 0) / xs.length;
  const mz = zs.reduce((s, v) => s + v, 0) / zs.length;
  let sxz = 0;
  let sxx = 0;
  for (let i = 0; i < xs.length; i++) {
    sxz += (xs[i]! - mx) * (zs[i]! - mz);
    sxx += (xs[i]! - mx) ** 2;
  }
  const beta = sxz / sxx;
  return { alpha: mz - beta * mx, beta, fitRange: [lo, maxFar], points: xs.length };
}

/** Distance at which the tail model reaches `far`. */
export function distanceAtFar(fit: { alpha: number; beta: number }, far: number): number {
  return (normalQuantile(far) - fit.alpha) / fit.beta;
}

export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))]!;
}
