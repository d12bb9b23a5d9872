import { type AttemptResult, webResultMessage } from "@openekyc/core";
import type { LivenessFailure, VideoInputProblem } from "@openekyc/engine";

export interface AttemptVerdict {
  readonly livenessCode: number;
  readonly livenessDetail: string;
  /** Null when no comparison was made (liveness failed, or CheckMode 3). */
  readonly compareCode: number | null;
  readonly similarity: number | null;
  readonly scores: Record<string, number>;
  readonly evidence: Record<string, string>;
  /** LivenessInfoTag reasons; empty = derived from `livenessCode`. */
  readonly tags: readonly string[];
}

/** One VerificationDetail: the attempt's code is liveness first, then comparison. */
export function attemptResult(
  seq: string,
  reqTimestamp: number,
  mode: string,
  v: AttemptVerdict,
): AttemptResult {
  const errorCode = v.livenessCode !== 0 ? v.livenessCode : (v.compareCode ?? 0);
  return {
    seq,
    reqTimestamp,
    errorCode,
    errorMsg: webResultMessage(errorCode),
    livenessErrorCode: v.livenessCode,
    livenessErrorMsg: webResultMessage(v.livenessCode),
    compareErrorCode: v.compareCode,
    compareErrorMsg: v.compareCode === null ? null : webResultMessage(v.compareCode),
    similarity: v.similarity,
    mode,
    evidence: v.evidence,
    scores: v.scores,
    livenessInfoTags: v.tags.length > 0 ? [...v.tags] : livenessInfoTagsFor(v.livenessCode),
  };
}

/**
 * LivenessInfoTag failure reasons (reference §6.2/§6.3: "01"–"13") for a web liveness code. Only the
 * reasons this engine really establishes are tagged; a pass, or a code with no matching reason, has none.
 */
export function livenessInfoTagsFor(livenessCode: number): string[] {
  switch (livenessCode) {
    case 1206:
    case 1207:
    case 1208:
    case 1209:
      return ["02"]; // action not done
    case 1002:
      return ["03"]; // photo / video replay
    case 1401:
      return ["09"]; // light (reflection) check failed
    case 1005:
      return ["10"]; // face check failed (the face changed, or the phases showed different faces)
    case 1303:
      return ["12"]; // poor capture quality (too short)
    default:
      return [];
  }
}

/** The tags of several phase codes, each reason once, in the order the phases ran. */
export function livenessInfoTagsOf(codes: readonly number[]): string[] {
  return [...new Set(codes.flatMap(livenessInfoTagsFor))];
}

/** Web code for a video the decoder refused. */
export function videoInputCode(problem: VideoInputProblem): number {
  if (problem === "low_resolution") return 1108;
  if (problem === "invalid" || problem === "timeout") return 1104;
  return 1107;
}

/** Web code for a failed video liveness check (the seeds' web table). */
export function livenessFailureCode(failure: LivenessFailure): number {
  switch (failure.kind) {
    case "too_short":
      return 1303;
    case "no_face":
      return 1004;
    case "multiple_faces":
      return 2010;
    case "face_changed":
      return 1005;
    case "still_picture":
      return 1002;
    case "action_not_seen":
      return failure.action === "blink" ? 1207 : failure.action === "mouth" ? 1209 : 1208;
    default:
      return 1208;
  }
}
