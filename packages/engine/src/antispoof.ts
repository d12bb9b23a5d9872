import type { HumanFace } from "./detect.ts";
import { luma, mean, squareCrop } from "./image-ops.ts";
import type { AntiSpoofResult, FaceGenuineness, RgbImage } from "./types.ts";

/** FaceID Lite reports 0.5 for every threshold; we keep its convention. */
const genuinenessThreshold = 0.5;
const clamp01 = (v: number): number => Math.min(1, Math.max(0, v));
const round3 = (v: number): number => Math.round(v * 1000) / 1000;

/** Std-dev of luma around the mouth: a mask makes the lower face flat. A weak heuristic, documented as such. */
function lowerFaceContrast(image: RgbImage, face: HumanFace): number {
  const { leftEye, rightEye, mouthLeft, mouthRight } = face.observation.landmarks;
  const side = Math.hypot(rightEye.x - leftEye.x, rightEye.y - leftEye.y);
  const centre = { x: (mouthLeft.x + mouthRight.x) / 2, y: (mouthLeft.y + mouthRight.y) / 2 };
  const grey = luma(
    squareCrop(image, { x: centre.x - side / 2, y: centre.y - side / 2, width: side, height: side }, 0, 32)
      .chip,
  );
  const m = mean(grey);
  let variance = 0;
  for (const v of grey) variance += (v - m) ** 2;
  return Math.sqrt(variance / grey.length);
}

/**
 * Maps Human's antispoof ("real") and liveness ("live") outputs onto FaceID Lite's face_genuineness fields.
 * These are weak signals (they overlap between genuine photos and real attacks, and flip under mirroring):
 * they are reported, never used alone to decide.
 */
export function genuinenessOf(image: RgbImage, faces: readonly HumanFace[]): AntiSpoofResult {
  const face = faces[0];
  if (!face || face.real === undefined || face.live === undefined) {
    return { faceCount: faces.length, genuineness: null, raw: null };
  }
  const genuineness: FaceGenuineness = {
    synthetic_face_confidence: round3(clamp01(1 - face.real)),
    synthetic_face_threshold: genuinenessThreshold,
    mask_confidence: round3(clamp01((14 - lowerFaceContrast(image, face)) / 10)),
    mask_threshold: genuinenessThreshold,
    screen_replay_confidence: round3(clamp01(1 - face.live)),
    screen_replay_threshold: genuinenessThreshold,
  };
  return { faceCount: faces.length, genuineness, raw: { antispoofReal: face.real, liveness: face.live } };
}
