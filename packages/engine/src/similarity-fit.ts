import type { SimilarityMap } from "./image-ops.ts";
import type { Point } from "./types.ts";

/**
 * Least-squares similarity transform (rotation, uniform scale, translation) taking `from` onto `to`
 * (Umeyama without reflection). Returned as the map used by `warpChip`: chip point → source point, so call it
 * with from = template (chip) points and to = image landmarks.
 */
export function fitSimilarity(from: readonly Point[], to: readonly Point[]): SimilarityMap {
  const n = from.length;
  let fx = 0;
  let fy = 0;
  let tx = 0;
  let ty = 0;
  for (let i = 0; i < n; i++) {
    fx += from[i]!.x;
    fy += from[i]!.y;
    tx += to[i]!.x;
    ty += to[i]!.y;
  }
  fx /= n;
  fy /= n;
  tx /= n;
  ty /= n;
  let dot = 0;
  let cross = 0;
  let norm = 0;
  for (let i = 0; i < n; i++) {
    const ax = from[i]!.x - fx;
    const ay = from[i]!.y - fy;
    const bx = to[i]!.x - tx;
    const by = to[i]!.y - ty;
    dot += ax * bx + ay * by;
    cross += ax * by - ay * bx;
    norm += ax * ax + ay * ay;
  }
  const a = dot / norm;
  const b = cross / norm;
  return { a, b, tx: tx - (a * fx - b * fy), ty: ty - (b * fx + a * fy) };
}
