import type { QualityIssue, QualityIssueKind } from "./types.ts";

type IssueSpelling = Omit<QualityIssue, "kind" | "measured" | "limit">;

/**
 * Each issue with its spellings in the seeds: Tencent web/App-SDK `ErrorCode`, Tencent pure-API `Result`,
 * and the FaceID Lite `liveness_result.details` counter. Messages are the seeds' user-facing text.
 */
export const qualityIssueSpellings: Record<QualityIssueKind, IssueSpelling> = {
  NO_FACE: {
    message: "No faces are detected",
    tencentCode: 2013,
    tencentResult: "FailedOperation.LifePhotoDetectNoFaces",
    liteDetail: "FACE_NOT_FOUND",
  },
  MULTIPLE_FACES: {
    message: "Several faces were detected",
    tencentCode: 2012,
    tencentResult: "FailedOperation.LifePhotoDetectFaces",
  },
  IMAGE_SIZE: {
    message: "The image passed in is too large or too small",
    tencentCode: 2004,
    tencentResult: "FailedOperation.LifePhotoSizeError",
  },
  FACE_TOO_SMALL: {
    message: "The image passed in is too large or too small",
    tencentCode: 2004,
    tencentResult: "FailedOperation.LifePhotoSizeError",
    liteDetail: "AWAY_FROM_CAMERA",
  },
  LOW_RESOLUTION: {
    message: "The resolution of the image passed in is too low. Please upload a new one",
    tencentCode: 2014,
    tencentResult: "FailedOperation.LifePhotoPoorQuality",
    liteDetail: "LOW_FACE_QUALITY",
  },
  TOO_DARK: {
    message: "The lighting is too dim",
    tencentCode: 1201,
    tencentResult: "FailedOperation.ActionLightDark",
    liteDetail: "LOW_BRIGHTNESS",
  },
  TOO_BRIGHT: {
    message: "The lighting is too strong",
    tencentCode: 1202,
    tencentResult: "FailedOperation.ActionLightStrong",
    liteDetail: "HIGH_BRIGHTNESS",
  },
  TOO_CLOSE: {
    message: "The face is too close to the screen",
    tencentCode: 1203,
    tencentResult: "FailedOperation.ActionFaceClose",
    liteDetail: "CLOSE_TO_CAMERA",
  },
  OFF_RIGHT: {
    message: "The face is too far right from the screen",
    tencentCode: 1204,
    tencentResult: "FailedOperation.ActionFaceRight",
    liteDetail: "FACE_OUT_OF_CAMERA",
  },
  TOO_FAR: {
    message: "The face is too far from the screen",
    tencentCode: 1205,
    tencentResult: "FailedOperation.ActionFaceFar",
    liteDetail: "AWAY_FROM_CAMERA",
  },
  OFF_LEFT: {
    message: "The face is too far left from the screen",
    tencentCode: 1206,
    tencentResult: "FailedOperation.ActionFaceLeft",
    liteDetail: "FACE_OUT_OF_CAMERA",
  },
  EYE_OCCLUSION: {
    message: "The face is occluded",
    tencentCode: 2017,
    tencentResult: "FailedOperation.LipFaceIncomplete",
    liteDetail: "EYE_OCCLUSION",
  },
  MOUTH_OCCLUSION: {
    message: "The face is occluded",
    tencentCode: 2017,
    tencentResult: "FailedOperation.LipFaceIncomplete",
    liteDetail: "MOUTH_OCCLUSION",
  },
  OCCLUDED: {
    message: "The face is occluded",
    tencentCode: 2017,
    tencentResult: "FailedOperation.LipFaceIncomplete",
  },
  SIDE_FACE: {
    message: "Failed to detect a full face",
    tencentCode: 2012,
    tencentResult: "FailedOperation.ActionNodetectFace",
    liteDetail: "SIDE_FACE",
  },
  UPDOWN_FACE: {
    message: "Failed to detect a full face",
    tencentCode: 2012,
    tencentResult: "FailedOperation.ActionNodetectFace",
    liteDetail: "UPDOWN_FACE",
  },
  BLURRED: {
    message: "The image resolution is too low or the quality does not meet the requirements",
    tencentCode: 2014,
    tencentResult: "FailedOperation.LifePhotoPoorQuality",
    liteDetail: "LOW_FACE_QUALITY",
  },
};

export function issue(kind: QualityIssueKind, measured?: number, limit?: number): QualityIssue {
  return {
    kind,
    ...qualityIssueSpellings[kind],
    ...(measured !== undefined ? { measured: Math.round(measured * 1000) / 1000 } : {}),
    ...(limit !== undefined ? { limit } : {}),
  };
}
