import { srgbToLinear } from "./palette.ts";

/** A decoded camera frame: 8-bit sRGB, RGB or RGBA, row-major. */
export interface RgbFrame {
  readonly width: number;
  readonly height: number;
  readonly channels: 3 | 4;
  readonly data: Uint8Array | Uint8ClampedArray;
}

export interface FaceBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Mean linear light of the skin region and of the background in one frame, at capture time `t` (ms). */
export interface ReflectionSample {
  readonly t: number;
  readonly face: readonly [number, number, number];
  readonly background: readonly [number, number, number];
}

const linearLut = Float64Array.from({ length: 256 }, (_, v) => srgbToLinear(v));

/**
 * Skin region: the centre of the face box (cheeks, nose, mouth) — it faces the screen and holds no hair or
 * background. Background: everything outside the box grown by 40 % per side; the screen lights it far less
 * (it is farther away), while camera exposure and white balance change it exactly like the face, so the
 * face/background ratio cancels them.
 */
export function measureFrame(frame: RgbFrame, box: FaceBox, t: number): ReflectionSample {
  const { width, height, channels, data } = frame;
  const fx0 = clamp(Math.round(box.x + box.width * 0.22), 0, width);
  const fx1 = clamp(Math.round(box.x + box.width * 0.78), 0, width);
  const fy0 = clamp(Math.round(box.y + box.height * 0.3), 0, height);
  const fy1 = clamp(Math.round(box.y + box.height * 0.85), 0, height);
  const gx0 = box.x - box.width * 0.4;
  const gx1 = box.x + box.width * 1.4;
  const gy0 = box.y - box.height * 0.4;
  const gy1 = box.y + box.height * 1.4;
  const face = [0, 0, 0];
  const background = [0, 0, 0];
  let faceCount = 0;
  let backgroundCount = 0;
  const stride = width * height > 200_000 ? 2 : 1;
  for (let y = 0; y < height; y += stride) {
    const inFaceRows = y >= fy0 && y < fy1;
    const inGrownRows = y >= gy0 && y < gy1;
    for (let x = 0; x < width; x += stride) {
      const i = (y * width + x) * channels;
      if (inFaceRows && x >= fx0 && x < fx1) {
        face[0]! += linearLut[data[i]!]!;
        face[1]! += linearLut[data[i + 1]!]!;
        face[2]! += linearLut[data[i + 2]!]!;
        faceCount++;
      } else if (!(inGrownRows && x >= gx0 && x < gx1)) {
        background[0]! += linearLut[data[i]!]!;
        background[1]! += linearLut[data[i + 1]!]!;
        background[2]! += linearLut[data[i + 2]!]!;
        backgroundCount++;
      }
    }
  }
  const f = Math.max(faceCount, 1);
  const b = Math.max(backgroundCount, 1);
  return {
    t,
    face: [face[0]! / f, face[1]! / f, face[2]! / f],
    // A face filling the frame leaves no background: NaN tells the analysis to fall back to face-only.
    background:
      backgroundCount < 50
        ? [Number.NaN, Number.NaN, Number.NaN]
        : [background[0]! / b, background[1]! / b, background[2]! / b],
  };
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, v));
}
