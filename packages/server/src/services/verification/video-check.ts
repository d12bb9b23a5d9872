import type { BlobStore, Session } from "@openekyc/core";
import {
  checkVideoLiveness,
  type DecodedImage,
  decodeImage,
  decodeVideo,
  type FaceEngineApi,
  isVideoInputError,
  type MotionAction,
} from "@openekyc/engine";
import { encodeFrameJpeg } from "./frames.ts";
import { type AttemptVerdict, livenessFailureCode, videoInputCode } from "./outcome.ts";

/** Calibrated similarity the best frame must reach against the reference photo. */
const PASS_SIMILARITY = 70;

/** The session's reference photo, decoded; null when the session does not compare (CheckMode 3, no photo). */
export async function loadSessionReference(blobs: BlobStore, session: Session): Promise<DecodedImage | null> {
  if (!session.referenceImageKey || session.config.compareWithReference === false) return null;
  const blob = await blobs.get(session.referenceImageKey);
  return blob ? decodeImage(blob.data) : null;
}

/**
 * The recorded-video path (motion, silent, or the downgrade when the browser cannot stream the camera):
 * the engine's video liveness, then the best frame against the reference.
 */
export async function verifyVideo(
  engine: FaceEngineApi,
  bytes: Uint8Array,
  reference: DecodedImage | null,
  actions: readonly string[],
  evidence: Record<string, string>,
): Promise<AttemptVerdict & { readonly bestFrameJpeg: Buffer | null }> {
  const mode = actions.length > 0 ? "action" : "silent";
  const base = { compareCode: null, similarity: null, evidence, tags: [] as string[] };
  let video: Awaited<ReturnType<typeof decodeVideo>>;
  try {
    video = await decodeVideo(bytes);
  } catch (error) {
    if (!isVideoInputError(error)) throw error;
    const code = videoInputCode(error.problem);
    return { ...base, livenessCode: code, livenessDetail: error.message, scores: {}, bestFrameJpeg: null };
  }
  const report = await checkVideoLiveness(engine, video, { mode, actions: actions as MotionAction[] });
  const scores: Record<string, number> = {
    framesAnalysed: report.framesAnalysed,
    framesWithFace: report.framesWithFace,
    framesWithMultipleFaces: report.framesWithMultipleFaces,
  };
  if (report.antiSpoof) {
    scores.antispoofReal = report.antiSpoof.meanReal;
    scores.antispoofLive = report.antiSpoof.meanLive;
  }
  if (report.faceRegionChange !== null) scores.faceRegionChange = report.faceRegionChange;
  const bestFrameJpeg = report.bestFrame ? await encodeFrameJpeg(report.bestFrame.image) : null;
  if (report.failure) {
    const code = livenessFailureCode(report.failure);
    return { ...base, livenessCode: code, livenessDetail: report.failure.message, scores, bestFrameJpeg };
  }
  if (!report.bestFrame)
    return {
      ...base,
      livenessCode: 1004,
      livenessDetail: "No frame shows exactly one face.",
      scores,
      bestFrameJpeg,
    };
  const live = { ...base, livenessCode: 0, livenessDetail: "Live.", scores, bestFrameJpeg };
  if (!reference) return live;
  const comparison = await engine.compare(reference, report.bestFrame.image);
  const similarity = Math.round(comparison.similarity * 100) / 100;
  scores.similarity = similarity;
  const compareCode = comparison.error ? 1004 : similarity >= PASS_SIMILARITY ? 0 : 2016;
  return { ...live, compareCode, similarity };
}
