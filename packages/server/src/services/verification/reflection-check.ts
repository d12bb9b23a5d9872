import {
  analyseReflection,
  type Box,
  type CapturePackage,
  type FaceEngineApi,
  type FaceObservation,
  measureFrame,
  type ReflectionVerdict,
  type ReflectSequence,
  type RgbImage,
} from "@openekyc/engine";
import { countedFaces, decodeFrames, spreadIndices } from "./frames.ts";

/** How many frames get a full face detection; the others use interpolated boxes (detection is ~80 ms a frame). */
const DETECTED_FRAMES = 6;
/** Same-person check between sampled frames (calibrated similarity 0-100). */
const SAME_PERSON_MIN_SIMILARITY = 60;

export interface ReflectionCheck {
  /** Web liveness code: 0 passed; 1004 no face; 2010 several faces; 1005 person changed; else the reflection code. */
  readonly livenessCode: number;
  readonly detail: string;
  readonly bestFrame: RgbImage | null;
  readonly verdict: ReflectionVerdict | null;
  readonly scores: Record<string, number>;
}

/**
 * Server-side reflection liveness on an uploaded capture: faces located on a spread of frames, one face and
 * one person throughout, then the colour response analysed on every frame.
 */
export async function checkReflection(
  engine: FaceEngineApi,
  sequence: ReflectSequence,
  capture: CapturePackage,
): Promise<ReflectionCheck> {
  const images = await decodeFrames(capture.frames.map((f) => f.jpeg));
  const sampled = spreadIndices(images.length, DETECTED_FRAMES);
  // All at once: a pool spreads them over its workers (detection is most of the decision time).
  const detections = await Promise.all(
    sampled.map(async (index) => ({
      index,
      // Padding retry only runs when nothing was found: a face cut by the frame edge (held too close) is
      // still found, at no cost on ordinary frames.
      faces: countedFaces(await engine.detect(images[index]!, { maxFaces: 4, retryWithPadding: true })),
    })),
  );
  const noFace = detections.filter((d) => d.faces.length === 0).length;
  const several = detections.filter((d) => d.faces.length > 1).length;
  const scores: Record<string, number> = { detectedFrames: detections.length, framesWithoutFace: noFace };
  const fail = (livenessCode: number, detail: string): ReflectionCheck => ({
    livenessCode,
    detail,
    bestFrame: null,
    verdict: null,
    scores,
  });
  if (several >= 2) return fail(2010, "Several faces were in the frame.");
  if (noFace >= 2 || noFace === detections.length) return fail(1004, "No face was found in the capture.");
  const withFace = detections.filter((d) => d.faces.length === 1);
  const best = withFace.reduce((a, b) => (rank(b.faces[0]!) > rank(a.faces[0]!) ? b : a));
  const bestFrame = images[best.index]!;
  const sameness = await samePersonScore(engine, images, withFace, best.index);
  scores.samePersonMinSimilarity = sameness;
  if (sameness < SAME_PERSON_MIN_SIMILARITY)
    return { ...fail(1005, "The face changed during the capture."), bestFrame };
  const samples = capture.frames.map((frame, i) =>
    measureFrame({ ...images[i]!, channels: 3 }, boxAt(withFace, i), frame.t),
  );
  const verdict = analyseReflection(sequence, capture.manifest.timeline, samples);
  if (verdict.scores) {
    const s = verdict.scores;
    Object.assign(scores, {
      reflectionCorrelation: round(s.correlation),
      reflectionPeakCorrelation: round(s.peakCorrelation),
      reflectionLagMs: s.lagMs,
      reflectionAmplitude: round(s.amplitude, 5),
      reflectionStructure: round(s.structure),
      analysedFrames: s.analysedFrames,
    });
  }
  const detail = verdict.passed
    ? "The face reflected the colour sequence on time."
    : reflectionDetail(verdict);
  return { livenessCode: verdict.code, detail, bestFrame, verdict, scores };
}

function rank(face: FaceObservation): number {
  const frontal = 1 - Math.min(1, (Math.abs(face.pose.yaw) + Math.abs(face.pose.pitch)) / 60);
  return face.score * frontal * Math.log1p(face.sharpness);
}

/** Lowest similarity between the best frame and the first and last sampled faces. */
async function samePersonScore(
  engine: FaceEngineApi,
  images: readonly RgbImage[],
  withFace: readonly { index: number }[],
  bestIndex: number,
): Promise<number> {
  const others = [withFace[0]!.index, withFace.at(-1)!.index].filter((i) => i !== bestIndex);
  const results = await Promise.all(
    [...new Set(others)].map((index) => engine.compare(images[bestIndex]!, images[index]!)),
  );
  return Math.min(100, ...results.map((r) => r.similarity));
}

/** Face box at frame `index`, linearly interpolated between the detected frames around it. */
function boxAt(detected: readonly { index: number; faces: FaceObservation[] }[], index: number): Box {
  let before = detected[0]!;
  let after = detected.at(-1)!;
  for (const d of detected) {
    if (d.index <= index) before = d;
    if (d.index >= index) {
      after = d;
      break;
    }
  }
  const a = before.faces[0]!.box;
  const b = after.faces[0]!.box;
  const w = after.index === before.index ? 0 : (index - before.index) / (after.index - before.index);
  const mix = (p: number, q: number) => p + (q - p) * Math.max(0, Math.min(1, w));
  return {
    x: mix(a.x, b.x),
    y: mix(a.y, b.y),
    width: mix(a.width, b.width),
    height: mix(a.height, b.height),
  };
}

function reflectionDetail(verdict: ReflectionVerdict): string {
  switch (verdict.failure) {
    case "late":
      return "The face reflected the colours too late (relayed or re-rendered video).";
    case "other_sequence":
      return "The face changed colour, but not with the colours shown (replayed video).";
    case "timeline":
      return "The colour timeline does not match the sequence.";
    case "too_few_frames":
      return "Too few frames were captured.";
    default:
      return "The face did not reflect the screen's colours.";
  }
}

function round(value: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
