import { boxCorners, type OrientedBox } from "./geometry.ts";

/**
 * Joins detector boxes that sit on one text line (same slant, same height, centres on one baseline, small
 * gaps). The detector often splits a long MRZ line at filler runs or glare; the recogniser reads a joined
 * row far better than the pieces.
 */
export function mergeRows(boxes: readonly OrientedBox[], maxGapInHeights = 2.5): OrientedBox[][] {
  let groups = boxes.map((b) => [b]);
  // Merge again on the joined rows: a long row's slant is reliable where a short piece's is not.
  for (let round = 0; round < 3; round++) {
    const merged = mergeOnce(groups.map(enclose), maxGapInHeights).map((indices) =>
      indices.flatMap((i) => groups[i] ?? []),
    );
    if (merged.length === groups.length) break;
    groups = merged;
  }
  return groups;
}

/** One union-find pass over boxes; returns index groups. */
function mergeOnce(boxes: readonly OrientedBox[], maxGapInHeights: number): number[][] {
  const parent = boxes.map((_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] as number;
    return r;
  };
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      if (sameRow(boxes[i] as OrientedBox, boxes[j] as OrientedBox, maxGapInHeights))
        parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, number[]>();
  boxes.forEach((_, i) => {
    const root = find(i);
    const list = groups.get(root) ?? [];
    list.push(i);
    groups.set(root, list);
  });
  return [...groups.values()];
}

function sameRow(a: OrientedBox, b: OrientedBox, maxGapInHeights: number): boolean {
  const height = (a.height + b.height) / 2;
  if (Math.max(a.height, b.height) > 1.6 * Math.min(a.height, b.height)) return false;
  // Slant of a short box is unreliable; compare only when both are clearly elongated.
  const elongated = a.width > 2 * a.height && b.width > 2 * b.height;
  if (elongated && Math.abs(a.angle - b.angle) > (6 * Math.PI) / 180) return false;
  // Width-weighted mean slant: a single short box's slant is a poor reference over a long distance.
  const angle = (a.angle * a.width + b.angle * b.width) / (a.width + b.width);
  const ux = Math.cos(angle);
  const uy = Math.sin(angle);
  const dx = b.cx - a.cx;
  const dy = b.cy - a.cy;
  const across = Math.abs(-dx * uy + dy * ux);
  if (across > 0.35 * height) return false;
  const along = Math.abs(dx * ux + dy * uy);
  const gap = along - (a.width + b.width) / 2;
  return gap < maxGapInHeights * height;
}

/** The oriented box enclosing a row of boxes, aligned with the row's length-weighted slant. */
export function enclose(boxes: readonly OrientedBox[]): OrientedBox {
  let sx = 0;
  let sy = 0;
  for (const b of boxes) {
    sx += Math.cos(b.angle) * b.width;
    sy += Math.sin(b.angle) * b.width;
  }
  const angle = Math.atan2(sy, sx);
  const ux = Math.cos(angle);
  const uy = Math.sin(angle);
  let minU = Number.POSITIVE_INFINITY;
  let maxU = Number.NEGATIVE_INFINITY;
  let minV = Number.POSITIVE_INFINITY;
  let maxV = Number.NEGATIVE_INFINITY;
  for (const b of boxes) {
    for (const p of boxCorners(b)) {
      const u = p.x * ux + p.y * uy;
      const v = -p.x * uy + p.y * ux;
      minU = Math.min(minU, u);
      maxU = Math.max(maxU, u);
      minV = Math.min(minV, v);
      maxV = Math.max(maxV, v);
    }
  }
  const cu = (minU + maxU) / 2;
  const cv = (minV + maxV) / 2;
  return { cx: cu * ux - cv * uy, cy: cu * uy + cv * ux, width: maxU - minU, height: maxV - minV, angle };
}
