import type { Box, RgbImage } from "../types.ts";
import type { FrameFinding } from "./frames.ts";

/** Grid the face box is sampled on when comparing consecutive frames. */
const GRID = 24;

/**
 * How much the face region changes between consecutive analysed frames: mean absolute luma difference
 * (0-255) on a grid over the face box. A live face (and any real camera) never holds ≈0 for a whole
 * video; a still photo encoded as a video does.
 */
export function faceRegionChanges(frames: readonly RgbImage[], findings: readonly FrameFinding[]): number[] {
  const changes: number[] = [];
  for (let i = 1; i < findings.length; i++) {
    const box = findings[i]?.subject?.box ?? findings[i - 1]?.subject?.box;
    const previous = frames[i - 1];
    const current = frames[i];
    if (!box || !previous || !current) continue;
    changes.push(meanAbsoluteLumaDifference(previous, current, box));
  }
  return changes;
}

function meanAbsoluteLumaDifference(a: RgbImage, b: RgbImage, box: Box): number {
  let total = 0;
  let count = 0;
  for (let gy = 0; gy < GRID; gy++) {
    const y = Math.round(box.y + ((gy + 0.5) * box.height) / GRID);
    if (y < 0 || y >= a.height) continue;
    for (let gx = 0; gx < GRID; gx++) {
      const x = Math.round(box.x + ((gx + 0.5) * box.width) / GRID);
      if (x < 0 || x >= a.width) continue;
      const offset = (y * a.width + x) * 3;
      total += Math.abs(luma(a.data, offset) - luma(b.data, offset));
      count++;
    }
  }
  return count > 0 ? total / count : 0;
}

function luma(data: Uint8Array, offset: number): number {
  return 0.299 * (data[offset] ?? 0) + 0.587 * (data[offset + 1] ?? 0) + 0.114 * (data[offset + 2] ?? 0);
}
