import type { PureApiResultCode } from "@openekyc/core";
import type { MotionAction } from "../motion/events.ts";
import type { VideoInputProblem } from "../video/errors.ts";
import type { LivenessFailure } from "./report.ts";

/** Tencent pure-API `Result` for a video the decoder refused (as quality-codes.ts spells photo issues). */
export function tencentVideoInputResult(problem: VideoInputProblem): PureApiResultCode {
  switch (problem) {
    case "too_large":
    case "too_long":
    case "empty":
      return "FailedOperation.LipSizeError";
    case "low_resolution":
      return "FailedOperation.LipVideoQuaility";
    case "invalid":
    case "timeout":
      return "FailedOperation.LipVideoInvalid";
  }
}

/** The seeds' action codes: eye closing and mouth opening have their own; head moves share "No movement". */
const actionNotSeen: Record<MotionAction, PureApiResultCode> = {
  blink: "FailedOperation.ActionCloseEye",
  mouth: "FailedOperation.ActionOpenMouth",
  nod: "FailedOperation.ActionFirstAction",
  shake: "FailedOperation.ActionFirstAction",
};

/** Pure-API result for a failed liveness check, by mode (silent and action spell some failures differently). */
export function tencentLivenessResult(
  failure: LivenessFailure,
  mode: "silent" | "action",
): PureApiResultCode {
  switch (failure.kind) {
    case "too_short":
      return "FailedOperation.SilentTooShort";
    case "no_face":
      return mode === "action"
        ? "FailedOperation.ActionNodetectFace"
        : "FailedOperation.SilentFaceDetectFail";
    case "multiple_faces":
      return "FailedOperation.SilentMultiFaceFail";
    case "face_changed":
      return mode === "action" ? "FailedOperation.LivessDetectFail" : "FailedOperation.SilentDetectFail";
    case "still_picture":
      return "FailedOperation.SilentPictureLiveFail";
    case "action_not_seen":
      return failure.action ? actionNotSeen[failure.action] : "FailedOperation.ActionFirstAction";
    case "action_out_of_order":
      return "FailedOperation.ActionFirstAction";
  }
}
