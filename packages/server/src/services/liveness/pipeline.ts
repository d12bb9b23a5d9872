import {
  checkVideoLiveness,
  type DecodedVideo,
  decodeVideo,
  encodeJpeg,
  type FaceEngineApi,
  isVideoInputError,
  type MotionAction,
  tencentLivenessResult,
  tencentVideoInputResult,
  type VideoLivenessReport,
} from "@openekyc/engine";
import { defaultLivenessLimits, type LivenessLimits } from "./limits.ts";
import { type LivenessCompareOutcome, outcomeOf, ResultFailure } from "./outcome.ts";
import { loadReferencePhoto } from "./photo.ts";

export interface LivenessPipelineDeps {
  readonly engine: FaceEngineApi;
  readonly limits?: Partial<LivenessLimits>;
}

export interface LivenessPipelineInput {
  readonly photo: Uint8Array;
  readonly video: Uint8Array;
  readonly livenessType: "SILENT" | "ACTION";
  /** Required actions in order (ACTION). */
  readonly actions: readonly MotionAction[];
  /** Extra best frames wanted besides the best one (LivenessCompare Optional.BestFrameNum). */
  readonly extraBestFrames?: number;
  readonly photoField: string;
}

export interface LivenessPipelineResult extends LivenessCompareOutcome {
  /** The engine's full report, when the video got as far as analysis (for logs and evidence). */
  readonly report: VideoLivenessReport | null;
}

/**
 * The shared core of CompareFaceLiveness, LivenessCompare and VideoLivenessCompare: check the reference
 * photo, decode the video, run liveness on it, then compare the photo with the video's best frame.
 */
export async function runLivenessCompare(
  deps: LivenessPipelineDeps,
  input: LivenessPipelineInput,
): Promise<LivenessPipelineResult> {
  const limits = { ...defaultLivenessLimits, ...deps.limits };
  let report: VideoLivenessReport | null = null;
  try {
    const photo = await loadReferencePhoto(deps.engine, input.photo, input.photoField);
    const video = await decodeOrFail(input.video, limits);
    const mode = input.livenessType === "ACTION" ? "action" : "silent";
    report = await checkVideoLiveness(deps.engine, video, {
      mode,
      actions: input.actions,
      rankedFrameCount: 1 + (input.extraBestFrames ?? 0),
    });
    const bestFrameJpeg = report.bestFrame ? await encodeJpeg(report.bestFrame.image) : null;
    const extraFrameJpegs = await Promise.all(
      report.rankedFrames.slice(1).map((frame) => encodeJpeg(frame.image)),
    );
    if (report.failure) {
      return {
        ...outcomeOf(tencentLivenessResult(report.failure, mode), report.failure.message, {
          bestFrameJpeg,
          extraFrameJpegs,
        }),
        report,
      };
    }
    if (!report.bestFrame) {
      return {
        ...outcomeOf("FailedOperation.LivessBestFrameError", "No frame shows exactly one face."),
        report,
      };
    }
    const comparison = await deps.engine.compare(photo, report.bestFrame.image);
    const sim = Math.round(comparison.similarity * 100) / 100;
    const fields = { sim, bestFrameJpeg, extraFrameJpegs };
    if (comparison.error) {
      const result =
        comparison.missing === "a"
          ? "FailedOperation.LifePhotoDetectNoFaces"
          : "FailedOperation.LivessBestFrameError";
      return {
        ...outcomeOf(result, `No face found for comparison (${comparison.missing}).`, fields),
        report,
      };
    }
    const passed = sim >= limits.passSimilarity;
    return {
      ...outcomeOf(
        passed ? "Success" : "FailedOperation.CompareLowSimilarity",
        `Live; similarity ${sim} against the pass mark ${limits.passSimilarity}.`,
        fields,
      ),
      report,
    };
  } catch (error) {
    if (error instanceof ResultFailure) {
      return { ...outcomeOf(error.result, error.message, { bestFrameJpeg: error.bestFrameJpeg }), report };
    }
    throw error;
  }
}

async function decodeOrFail(bytes: Uint8Array, limits: LivenessLimits): Promise<DecodedVideo> {
  try {
    return await decodeVideo(bytes, limits.video);
  } catch (error) {
    if (isVideoInputError(error))
      throw new ResultFailure(tencentVideoInputResult(error.problem), error.message);
    throw error;
  }
}
