/** Small numeric helpers for the reflection analysis: detrending and correlation on short series. */

/** Orthonormal basis of {1, t, t²} over the sample times, so trends (exposure drift, slow motion) can be removed. */
export function trendBasis(times: readonly number[]): Float64Array[] {
  const n = times.length;
  const t0 = times[0] ?? 0;
  const span = Math.max((times[n - 1] ?? 0) - t0, 1);
  const raw = [0, 1, 2].map((power) => Float64Array.from(times, (t) => ((t - t0) / span) ** power));
  const basis: Float64Array[] = [];
  for (const vector of raw) {
    const v = Float64Array.from(vector);
    for (const b of basis) subtractProjection(v, b);
    const norm = Math.sqrt(dot(v, v));
    if (norm > 1e-12) basis.push(v.map((x) => x / norm));
  }
  return basis;
}

export function detrend(values: ArrayLike<number>, basis: readonly Float64Array[]): Float64Array {
  const v = Float64Array.from(values);
  for (const b of basis) subtractProjection(v, b);
  return v;
}

function subtractProjection(v: Float64Array, unit: Float64Array): void {
  const k = dot(v, unit);
  for (let i = 0; i < v.length; i++) v[i]! -= k * unit[i]!;
}

export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** Pearson correlation of two already zero-mean series; 0 when either is flat. */
export function correlation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const denominator = Math.sqrt(dot(a, a) * dot(b, b));
  return denominator > 1e-15 ? dot(a, b) / denominator : 0;
}

/** Least-squares slope of `a` on `b` (both zero-mean). */
export function slope(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const bb = dot(b, b);
  return bb > 1e-15 ? dot(a, b) / bb : 0;
}

/**
 * How much of a series' variance is slow structure rather than frame-to-frame noise: variance over half the mean
 * squared successive difference. White noise gives ≈ 1; steps and drifts give much more.
 */
export function structureRatio(values: ArrayLike<number>): number {
  const n = values.length;
  if (n < 3) return 0;
  let diff = 0;
  for (let i = 1; i < n; i++) diff += (values[i]! - values[i - 1]!) ** 2;
  const noise = diff / (n - 1) / 2;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += values[i]!;
  mean /= n;
  let variance = 0;
  for (let i = 0; i < n; i++) variance += (values[i]! - mean) ** 2;
  variance /= n;
  return noise > 1e-18 ? variance / noise : 0;
}
