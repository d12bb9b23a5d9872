import type { InferenceSession } from "onnxruntime-node";
import { Tensor } from "onnxruntime-node";
import { minAreaBox, type OrientedBox, type Point, scaleBox, unclip } from "./geometry.ts";
import { type RgbImage, resizeRgb, toTensorBgr } from "./image.ts";

/** PaddleOCR DB defaults (det_db_thresh, det_db_box_thresh, det_db_unclip_ratio). */
const PIXEL_THRESHOLD = 0.3;
const BOX_THRESHOLD = 0.6;
const UNCLIP_RATIO = 1.5;
const MAX_BOXES = 1000;
const MEAN = [0.485, 0.456, 0.406] as const;
const STD = [0.229, 0.224, 0.225] as const;

export interface DetectedBox {
  /** In the coordinates of the image passed to `detectText`. */
  readonly box: OrientedBox;
  /** Mean text probability inside the kernel. */
  readonly score: number;
}

/**
 * Runs the DB text detector with the longer side scaled to `maxSide` (rounded to multiples of 32, as the
 * network strides require) and turns the probability map into oriented line boxes.
 */
export async function detectText(
  session: InferenceSession,
  image: RgbImage,
  maxSide: number,
): Promise<DetectedBox[]> {
  const scale = maxSide / Math.max(image.width, image.height);
  const width = Math.max(32, Math.round((image.width * scale) / 32) * 32);
  const height = Math.max(32, Math.round((image.height * scale) / 32) * 32);
  const input = await resizeRgb(image, width, height);
  const tensor = new Tensor("float32", toTensorBgr(input, MEAN, STD), [1, 3, height, width]);
  const output = await session.run({ [session.inputNames[0] as string]: tensor });
  const map = output[session.outputNames[0] as string]?.data as Float32Array;
  const boxes = boxesFromProbability(map, width, height);
  return boxes.map((b) => ({
    score: b.score,
    box: scaleBox(b.box, image.width / width, image.height / height),
  }));
}

/** Connected components of the thresholded map → minimum-area rectangles, filtered and unclipped. */
export function boxesFromProbability(map: Float32Array, width: number, height: number): DetectedBox[] {
  const labels = new Int32Array(width * height);
  const stack = new Int32Array(width * height);
  const found: DetectedBox[] = [];
  let next = 0;
  for (let start = 0; start < map.length && found.length < MAX_BOXES; start++) {
    if (labels[start] !== 0 || (map[start] as number) <= PIXEL_THRESHOLD) continue;
    next++;
    labels[start] = next;
    let top = 0;
    stack[top++] = start;
    let sum = 0;
    let count = 0;
    // Row extremes are enough for the convex hull.
    const rowMin = new Map<number, number>();
    const rowMax = new Map<number, number>();
    while (top > 0) {
      const p = stack[--top] as number;
      const x = p % width;
      const y = (p - x) / width;
      sum += map[p] as number;
      count++;
      const lo = rowMin.get(y);
      if (lo === undefined || x < lo) rowMin.set(y, x);
      const hi = rowMax.get(y);
      if (hi === undefined || x > hi) rowMax.set(y, x);
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          if (nx < 0 || nx >= width) continue;
          const q = ny * width + nx;
          if (labels[q] === 0 && (map[q] as number) > PIXEL_THRESHOLD) {
            labels[q] = next;
            stack[top++] = q;
          }
        }
      }
    }
    if (count < 6 || sum / count < BOX_THRESHOLD) continue;
    const corners: Point[] = [];
    for (const [y, lo] of rowMin) {
      const hi = rowMax.get(y) as number;
      corners.push({ x: lo, y }, { x: hi + 1, y }, { x: lo, y: y + 1 }, { x: hi + 1, y: y + 1 });
    }
    const kernel = minAreaBox(corners);
    if (Math.min(kernel.width, kernel.height) < 2) continue;
    const box = unclip(kernel, UNCLIP_RATIO);
    if (Math.min(box.width, box.height) < 5) continue;
    found.push({ box, score: sum / count });
  }
  return found;
}
