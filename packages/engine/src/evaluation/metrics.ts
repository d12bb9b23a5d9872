/** Verification metrics over distances (lower = more alike). */

export interface RocPoint {
  readonly far: number;
  readonly tar: number;
}

export interface VerificationMetrics {
  readonly genuine: number;
  readonly impostor: number;
  /** Equal error rate (mean of FAR and FRR where they are closest). */
  readonly eer: number;
  /** TAR at the strictest threshold accepting at most that share of impostors. */
  readonly tarAtFar: Readonly<Record<"1e-2" | "1e-3", number>>;
}

const ascending = (values: readonly number[]): number[] => [...values].sort((x, y) => x - y);

/** Share of `sorted` values ≤ t (binary search). */
function shareAtOrBelow(sorted: readonly number[], t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return sorted.length ? lo / sorted.length : 0;
}

/** Largest threshold that accepts at most floor(far · N) impostors (accept when distance < threshold). */
export function thresholdAtFar(impostors: readonly number[], far: number): number {
  const sorted = ascending(impostors);
  const allowed = Math.floor(far * sorted.length);
  return allowed < sorted.length ? sorted[allowed]! : Number.POSITIVE_INFINITY;
}

export function tarBelow(genuine: readonly number[], threshold: number): number {
  return genuine.filter((d) => d < threshold).length / Math.max(1, genuine.length);
}

export function verificationMetrics(
  genuine: readonly number[],
  impostor: readonly number[],
): VerificationMetrics {
  const g = ascending(genuine);
  const i = ascending(impostor);
  let best = { gap: Number.POSITIVE_INFINITY, eer: 1 };
  for (const t of [...g, ...i]) {
    const far = shareAtOrBelow(i, t);
    const frr = 1 - shareAtOrBelow(g, t);
    const gap = Math.abs(far - frr);
    if (gap < best.gap) best = { gap, eer: (far + frr) / 2 };
  }
  return {
    genuine: g.length,
    impostor: i.length,
    eer: best.eer,
    tarAtFar: { "1e-2": tarBelow(g, thresholdAtFar(i, 1e-2)), "1e-3": tarBelow(g, thresholdAtFar(i, 1e-3)) },
  };
}

/** ROC sampled at log-spaced FARs from 1e-5 to 1 (for plotting). */
export function rocCurve(genuine: readonly number[], impostor: readonly number[]): RocPoint[] {
  const points: RocPoint[] = [];
  // Below 1/N impostors the curve says nothing: start there.
  const start = Math.max(-5, Math.log10(1 / Math.max(1, impostor.length)));
  for (let e = start; e <= 0.0001; e += 0.1) {
    const far = 10 ** e;
    points.push({ far, tar: tarBelow(genuine, thresholdAtFar(impostor, far)) });
  }
  return points;
}
