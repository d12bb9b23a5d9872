import { EkycError } from "@openekyc/core";
import {
  type ActionPhase,
  type CapturePackage,
  checkVideoLiveness,
  type DecodedVideo,
  type FaceEngineApi,
  type MotionAction,
  type ReflectSequence,
  type RgbImage,
  type VideoLivenessReport,
} from "@openekyc/engine";
import { actionsInPromptWindows, type CombinedPhases, combinedLiveness } from "./combined-decision.ts";
import { decodeFrames } from "./frames.ts";
import { livenessFailureCode } from "./outcome.ts";
import { checkReflection } from "./reflection-check.ts";

export interface CombinedPlan {
  /** The actions this attempt asked for, in prompt order (the server's copy, never the package's). */
  readonly actions: readonly MotionAction[];
  /** Level 5: every action inside its own prompt window. */
  readonly strict: boolean;
}

export interface CombinedCheck {
  readonly livenessCode: number;
  readonly detail: string;
  /** The colour phase's best frame (still, frontal), else the action phase's: what is compared. */
  readonly bestFrame: RgbImage | null;
  readonly phases: CombinedPhases;
  readonly scores: Record<string, number>;
}

/**
 * Combined liveness on one capture (SecurityLevel 4/5): the frames before `actions.endT` must show the
 * asked actions in order (the motion engine, as for a level-2 video), the frames after it must reflect
 * the colours on time (as for level 3), and both phases must show the same face.
 */
export async function checkActionsAndReflection(
  engine: FaceEngineApi,
  sequence: ReflectSequence,
  capture: CapturePackage,
  plan: CombinedPlan,
): Promise<CombinedCheck> {
  const phase = capture.manifest.actions;
  if (!phase) throw new EkycError("INVALID_PARAMETER_VALUE", "This attempt expects the action phase too.");
  const prompted = phase.prompts.map((p) => p.action);
  if (prompted.join() !== plan.actions.join())
    throw new EkycError("INVALID_PARAMETER_VALUE", "The capture prompted other actions than this attempt's.");
  const actionFrames = capture.frames.filter((f) => f.t < phase.endT);
  const colourFrames = capture.frames.filter((f) => f.t >= phase.endT);
  // The two phases are independent until the cross-phase comparison: judge them side by side.
  const [report, reflection] = await Promise.all([
    asVideo(actionFrames, phase).then((video) =>
      checkVideoLiveness(engine, video, { mode: "action", actions: plan.actions }),
    ),
    checkReflection(engine, sequence, { ...capture, frames: colourFrames }),
  ]);
  const action = report.failure
    ? { code: livenessFailureCode(report.failure), detail: report.failure.message }
    : report.bestFrame
      ? { code: 0, detail: "The actions were seen in order." }
      : { code: 1004, detail: "No frame of the action phase shows exactly one face." };
  const windows = plan.strict ? actionsInPromptWindows(report.events, phase, plan.actions) : null;
  const actionBest = report.bestFrame?.image ?? null;
  const crossPhaseSimilarity =
    actionBest && reflection.bestFrame
      ? Math.round((await engine.compare(actionBest, reflection.bestFrame)).similarity * 100) / 100
      : null;
  const phases: CombinedPhases = {
    action,
    windows,
    reflection: { code: reflection.livenessCode, detail: reflection.detail },
    crossPhaseSimilarity,
  };
  const verdict = combinedLiveness(phases);
  return {
    livenessCode: verdict.code,
    detail: verdict.detail,
    bestFrame: reflection.bestFrame ?? actionBest,
    phases,
    scores: {
      ...reflection.scores,
      ...actionScores(report),
      actionLivenessCode: action.code,
      reflectionLivenessCode: reflection.livenessCode,
      ...(windows ? { promptWindowsCode: windows.code } : {}),
      ...(crossPhaseSimilarity === null ? {} : { crossPhaseSimilarity }),
    },
  };
}

/** The action phase's frames as a decoded video: the capture clock is the video's clock. */
async function asVideo(
  frames: readonly { t: number; jpeg: Uint8Array }[],
  phase: ActionPhase,
): Promise<DecodedVideo> {
  const images = await decodeFrames(frames.map((f) => f.jpeg));
  const first = frames[0]?.t ?? phase.endT;
  const durationMs = phase.endT - first;
  return {
    probe: {
      container: "openekyc-capture",
      codec: "mjpeg",
      width: images[0]?.width ?? 0,
      height: images[0]?.height ?? 0,
      durationSeconds: durationMs / 1000,
      fps: null,
      rotation: 0,
    },
    frames: images.map((image, index) => ({ ...image, index, timestampMs: frames[index]!.t })),
    durationMs,
    sampledFps: durationMs > 0 ? (frames.length * 1000) / durationMs : 0,
  };
}

function actionScores(report: VideoLivenessReport): Record<string, number> {
  const scores: Record<string, number> = {
    actionFramesAnalysed: report.framesAnalysed,
    actionFramesWithFace: report.framesWithFace,
    actionEventsSeen: report.events.length,
    actionsMatched: report.matchedActions.length,
  };
  report.matchedActions.forEach((event, i) => {
    scores[`action${i + 1}PeakMs`] = Math.round(event.peakMs);
    scores[`action${i + 1}Magnitude`] = event.magnitude;
  });
  if (report.faceRegionChange !== null) scores.actionFaceRegionChange = report.faceRegionChange;
  if (report.antiSpoof) {
    scores.antispoofReal = report.antiSpoof.meanReal;
    scores.antispoofLive = report.antiSpoof.meanLive;
  }
  return scores;
}
