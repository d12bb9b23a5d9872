import type { GreyImage } from "./raster.ts";
import { sobel } from "./raster.ts";

export interface Point {
  x: number;
  y: number;
}
/** Corners clockwise from top-left, in the coordinates of the image they were found in. */
export type Quad = [Point, Point, Point, Point];

interface Line {
  theta: number;
  rho: number;
  votes: number;
}

const ANGLE_STEPS = 180;
/** Orientation tolerance (radians) when an edge pixel votes: only lines near its gradient direction. */
const VOTE_SPREAD = (4 * Math.PI) / 180;

/**
 * Hough transform restricted by gradient direction: each strong edge pixel votes only for lines whose normal is
 * within ±4° of its gradient, so a long straight card border collects votes and scattered texture does not.
 */
function hough(grey: GreyImage): { acc: Float32Array; rhoMax: number } {
  const { gx, gy } = sobel(grey);
  const { width: w, height: h } = grey;
  const mags = new Float32Array(w * h);
  for (let i = 0; i < mags.length; i++) mags[i] = Math.hypot(gx[i]!, gy[i]!);
  const sorted = Float32Array.from(mags).sort();
  const threshold = Math.max(60, sorted[Math.floor(sorted.length * 0.9)]!);
  const rhoMax = Math.ceil(Math.hypot(w, h));
  const acc = new Float32Array(ANGLE_STEPS * (2 * rhoMax + 1));
  const spread = Math.ceil((VOTE_SPREAD / Math.PI) * ANGLE_STEPS);
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      if (mags[i]! < threshold) continue;
      let angle = Math.atan2(gy[i]!, gx[i]!);
      if (angle < 0) angle += Math.PI;
      const centre = Math.round((angle / Math.PI) * ANGLE_STEPS);
      for (let k = centre - spread; k <= centre + spread; k++) {
        const t = ((k % ANGLE_STEPS) + ANGLE_STEPS) % ANGLE_STEPS;
        const theta = (t / ANGLE_STEPS) * Math.PI;
        const rho = Math.round(x * Math.cos(theta) + y * Math.sin(theta));
        acc[t * (2 * rhoMax + 1) + rho + rhoMax]! += 1;
      }
    }
  }
  return { acc, rhoMax };
}

/** Local maxima of the accumulator, strongest first. */
function peaks(acc: Float32Array, rhoMax: number, minVotes: number): Line[] {
  const stride = 2 * rhoMax + 1;
  const found: Line[] = [];
  for (let t = 0; t < ANGLE_STEPS; t++) {
    for (let r = 1; r < stride - 1; r++) {
      const v = acc[t * stride + r]!;
      if (v < minVotes) continue;
      let isMax = true;
      for (let dt = -2; dt <= 2 && isMax; dt++) {
        const tt = (((t + dt) % ANGLE_STEPS) + ANGLE_STEPS) % ANGLE_STEPS;
        for (let dr = -3; dr <= 3; dr++) {
          if ((dt || dr) && acc[tt * stride + r + dr]! > v) {
            isMax = false;
            break;
          }
        }
      }
      if (isMax) found.push({ theta: (t / ANGLE_STEPS) * Math.PI, rho: r - rhoMax, votes: v });
    }
  }
  return found.sort((a, b) => b.votes - a.votes).slice(0, 60);
}

function intersect(a: Line, b: Line): Point | null {
  const [ca, sa, cb, sb] = [Math.cos(a.theta), Math.sin(a.theta), Math.cos(b.theta), Math.sin(b.theta)];
  const det = ca * sb - sa * cb;
  if (Math.abs(det) < 1e-6) return null;
  return { x: (a.rho * sb - b.rho * sa) / det, y: (ca * b.rho - cb * a.rho) / det };
}

/** Signed distance of the image centre from the line, along the line's normal. */
const offsetFrom = (line: Line, c: Point) =>
  line.rho - (c.x * Math.cos(line.theta) + c.y * Math.sin(line.theta));

export interface QuadResult {
  quad: Quad;
  /** Sides that had a strong straight edge (false = that side was guessed from the image border). */
  sidesFound: { top: boolean; right: boolean; bottom: boolean; left: boolean };
}

/**
 * Finds the card outline as the outermost strong straight edge on each side of the image centre: near-horizontal
 * lines above and below, near-vertical lines left and right. A side with no edge (card cut off by the frame) falls
 * back to the image border and is reported as not found.
 */
export function findCardQuad(grey: GreyImage): QuadResult | null {
  const { acc, rhoMax } = hough(grey);
  const minSide = Math.min(grey.width, grey.height);
  const lines = peaks(acc, rhoMax, minSide * 0.25);
  const centre = { x: grey.width / 2, y: grey.height / 2 };
  const horizontalish = (l: Line) => Math.abs(l.theta - Math.PI / 2) < Math.PI / 9;
  const verticalish = (l: Line) => l.theta < Math.PI / 9 || l.theta > Math.PI - Math.PI / 9;
  const pickSide = (candidates: Line[], expectedLength: number): Line | null => {
    const strong = candidates.filter((l) => l.votes >= expectedLength * 0.35);
    if (!strong.length) return null;
    const best = Math.max(...strong.map((l) => l.votes));
    return strong
      .filter((l) => l.votes >= best * 0.55)
      .sort((a, b) => Math.abs(offsetFrom(b, centre)) - Math.abs(offsetFrom(a, centre)))[0]!;
  };
  const horizontal = lines.filter(horizontalish);
  const vertical = lines.filter(verticalish);
  // For a near-horizontal line, offset < 0 means it passes above the centre.
  const normalised = (l: Line, axis: "x" | "y"): Line => {
    const flip = axis === "y" ? Math.sin(l.theta) < 0 : Math.cos(l.theta) < 0;
    return flip ? { theta: l.theta - Math.PI, rho: -l.rho, votes: l.votes } : l;
  };
  const hs = horizontal.map((l) => normalised(l, "y"));
  const vs = vertical.map((l) => normalised(l, "x"));
  const top = pickSide(
    hs.filter((l) => offsetFrom(l, centre) < 0),
    grey.width * 0.4,
  );
  const bottom = pickSide(
    hs.filter((l) => offsetFrom(l, centre) > 0),
    grey.width * 0.4,
  );
  const left = pickSide(
    vs.filter((l) => offsetFrom(l, centre) < 0),
    grey.height * 0.3,
  );
  const right = pickSide(
    vs.filter((l) => offsetFrom(l, centre) > 0),
    grey.height * 0.3,
  );
  const found = { top: !!top, right: !!right, bottom: !!bottom, left: !!left };
  if (Object.values(found).filter(Boolean).length < 3) return null;
  const border = {
    top: { theta: Math.PI / 2, rho: 0, votes: 0 },
    bottom: { theta: Math.PI / 2, rho: grey.height - 1, votes: 0 },
    left: { theta: 0, rho: 0, votes: 0 },
    right: { theta: 0, rho: grey.width - 1, votes: 0 },
  };
  const [t, r, b, l] = [
    top ?? border.top,
    right ?? border.right,
    bottom ?? border.bottom,
    left ?? border.left,
  ];
  const corners = [intersect(t, l), intersect(t, r), intersect(b, r), intersect(b, l)];
  if (corners.some((c) => c === null)) return null;
  return { quad: corners as Quad, sidesFound: found };
}
