import type { MotionAction, MotionEvent } from "../motion/events.ts";
import type { VideoFrame } from "../video/decode.ts";
import type { BestFrameChoice } from "./best-frame.ts";

export type LivenessFailureKind =
  /** Shorter than the minimum (Tencent SilentTooShort). */
  | "too_short"
  /** Too few frames show a face (SilentFaceDetectFail / ActionNodetectFace). */
  | "no_face"
  /** A second person is in front of the camera (SilentMultiFaceFail). */
  | "multiple_faces"
  /** The face at different moments is not the same person (face swap mid-video). */
  | "face_changed"
  /** The face region never changes: a still photo encoded as a video (SilentPictureLiveFail). */
  | "still_picture"
  /** A required action was never seen (ActionCloseEye / ActionOpenMouth / ActionFirstAction). */
  | "action_not_seen"
  /** The required actions were all seen, but not in the required order. */
  | "action_out_of_order";

export interface LivenessFailure {
  readonly kind: LivenessFailureKind;
  readonly message: string;
  /** For action failures: the required action that was missing or out of order. */
  readonly action?: MotionAction;
}

/** Passive anti-spoof model outputs on a few frames. Recorded as evidence; never decides on its own. */
export interface AntiSpoofEvidence {
  readonly frames: ReadonlyArray<{
    readonly timestampMs: number;
    readonly real: number;
    readonly live: number;
  }>;
  readonly meanReal: number;
  readonly minReal: number;
  readonly meanLive: number;
}

export interface VideoLivenessReport {
  readonly passed: boolean;
  readonly failure: LivenessFailure | null;
  readonly mode: "silent" | "action";
  readonly requiredActions: readonly MotionAction[];
  readonly durationMs: number;
  readonly framesAnalysed: number;
  readonly sampledFps: number;
  readonly framesWithFace: number;
  readonly framesWithMultipleFaces: number;
  /** Every action seen, in time order. */
  readonly events: readonly MotionEvent[];
  /** The events that satisfied the required actions, in order. */
  readonly matchedActions: readonly MotionEvent[];
  readonly bestFrame: (BestFrameChoice & { readonly image: VideoFrame }) | null;
  /** The best distinct moments, best first (the first is `bestFrame`); up to `rankedFrameCount`. */
  readonly rankedFrames: ReadonlyArray<BestFrameChoice & { readonly image: VideoFrame }>;
  /** Calibrated similarity (0-100) of the best frame against frames from other moments of the video. */
  readonly identitySimilarities: readonly number[];
  /** Median frame-to-frame change of the face region (grey levels). */
  readonly faceRegionChange: number | null;
  readonly antiSpoof: AntiSpoofEvidence | null;
}
