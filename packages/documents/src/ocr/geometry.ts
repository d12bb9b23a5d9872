/** Plane geometry for text boxes: convex hull, minimum-area rectangle, oriented boxes. */

export interface Point {
  readonly x: number;
  readonly y: number;
}

/**
 * A text box as an oriented rectangle: centre, reading direction `angle` (radians, 0 = left to right,
 * positive = clockwise on screen because y points down), `width` along the reading direction and `height`
 * across it. Document text within ±45° of horizontal is read left to right.
 */
export interface OrientedBox {
  readonly cx: number;
  readonly cy: number;
  readonly width: number;
  readonly height: number;
  readonly angle: number;
}

/** Andrew's monotone chain; returns the hull counter-clockwise without repeating the first point. */
export function convexHull(points: readonly Point[]): Point[] {
  const sorted = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
  if (sorted.length < 3) return sorted;
  const cross = (o: Point, a: Point, b: Point) => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
  const lower: Point[] = [];
  for (const p of sorted) {
    while (
      lower.length >= 2 &&
      cross(lower[lower.length - 2] as Point, lower[lower.length - 1] as Point, p) <= 0
    )
      lower.pop();
    lower.push(p);
  }
  const upper: Point[] = [];
  for (let i = sorted.length - 1; i >= 0; i--) {
    const p = sorted[i] as Point;
    while (
      upper.length >= 2 &&
      cross(upper[upper.length - 2] as Point, upper[upper.length - 1] as Point, p) <= 0
    )
      upper.pop();
    upper.push(p);
  }
  lower.pop();
  upper.pop();
  return lower.concat(upper);
}

/** Minimum-area enclosing rectangle by rotating calipers over the hull edges. */
export function minAreaBox(points: readonly Point[]): OrientedBox {
  const hull = convexHull(points);
  if (hull.length === 0) return { cx: 0, cy: 0, width: 0, height: 0, angle: 0 };
  if (hull.length < 3) {
    const a = hull[0] as Point;
    const b = (hull[1] ?? a) as Point;
    return orient(
      (a.x + b.x) / 2,
      (a.y + b.y) / 2,
      Math.hypot(b.x - a.x, b.y - a.y),
      0,
      Math.atan2(b.y - a.y, b.x - a.x),
    );
  }
  let best: OrientedBox | null = null;
  let bestArea = Number.POSITIVE_INFINITY;
  for (let i = 0; i < hull.length; i++) {
    const p = hull[i] as Point;
    const q = hull[(i + 1) % hull.length] as Point;
    const len = Math.hypot(q.x - p.x, q.y - p.y);
    if (len === 0) continue;
    const ux = (q.x - p.x) / len;
    const uy = (q.y - p.y) / len;
    let minU = Number.POSITIVE_INFINITY;
    let maxU = Number.NEGATIVE_INFINITY;
    let minV = Number.POSITIVE_INFINITY;
    let maxV = Number.NEGATIVE_INFINITY;
    for (const h of hull) {
      const u = h.x * ux + h.y * uy;
      const v = -h.x * uy + h.y * ux;
      if (u < minU) minU = u;
      if (u > maxU) maxU = u;
      if (v < minV) minV = v;
      if (v > maxV) maxV = v;
    }
    const area = (maxU - minU) * (maxV - minV);
    if (area < bestArea) {
      bestArea = area;
      const cu = (minU + maxU) / 2;
      const cv = (minV + maxV) / 2;
      best = orient(cu * ux - cv * uy, cu * uy + cv * ux, maxU - minU, maxV - minV, Math.atan2(uy, ux));
    }
  }
  return best as OrientedBox;
}

/** Normalises a rectangle so that its reading direction lies within ±45° of horizontal, pointing right. */
export function orient(cx: number, cy: number, sideA: number, sideB: number, angleA: number): OrientedBox {
  let angle = angleA;
  let width = sideA;
  let height = sideB;
  // Bring the angle into (-90°, 90°].
  while (angle <= -Math.PI / 2) angle += Math.PI;
  while (angle > Math.PI / 2) angle -= Math.PI;
  if (Math.abs(angle) > Math.PI / 4) {
    angle = angle > 0 ? angle - Math.PI / 2 : angle + Math.PI / 2;
    width = sideB;
    height = sideA;
  }
  return { cx, cy, width, height, angle };
}

/** Corners in reading order: top-left, top-right, bottom-right, bottom-left. */
export function boxCorners(box: OrientedBox): [Point, Point, Point, Point] {
  const ux = Math.cos(box.angle);
  const uy = Math.sin(box.angle);
  const hw = box.width / 2;
  const hh = box.height / 2;
  const at = (su: number, sv: number): Point => ({
    x: box.cx + su * hw * ux - sv * hh * uy,
    y: box.cy + su * hw * uy + sv * hh * ux,
  });
  return [at(-1, -1), at(1, -1), at(1, 1), at(-1, 1)];
}

/** DB "unclip": grows the shrunk kernel box by area·ratio/perimeter on every side, as PaddleOCR does. */
export function unclip(box: OrientedBox, ratio: number): OrientedBox {
  const perimeter = 2 * (box.width + box.height);
  if (perimeter === 0) return box;
  const distance = (box.width * box.height * ratio) / perimeter;
  return { ...box, width: box.width + 2 * distance, height: box.height + 2 * distance };
}

export function scaleBox(box: OrientedBox, sx: number, sy: number): OrientedBox {
  // Anisotropic scale of a rotated rectangle is not a rectangle; det resizing keeps sx≈sy, so average them.
  const s = (sx + sy) / 2;
  return { cx: box.cx * sx, cy: box.cy * sy, width: box.width * s, height: box.height * s, angle: box.angle };
}
