/**
 * Result codes that travel inside successful responses (not API errors), from the seeds' tables.
 * `billed` is the seeds' "Billed" column and drives usage counts.
 */
export interface ResultCodeEntry {
  readonly message: string;
  readonly billed: boolean;
}

/** "Liveness Detection and Face Comparison (Mobile HTML5) Error Codes" — ErrorCode of the web flows. */
export const webResultCodes = {
  0: { message: "Success", billed: true },
  1: { message: "Invalid parameter", billed: false },
  2: { message: "Incorrect parameter value", billed: false },
  3: { message: "Bad request", billed: false },
  4: { message: "Internal service error", billed: false },
  14: { message: "Verification has been completed", billed: false },
  15: { message: "Token expired", billed: false },
  16: { message: "Retry limit has been reached", billed: false },
  17: { message: "The verification process wasn't finished", billed: false },
  202: { message: "Failed to get video", billed: false },
  1001: { message: "Failed to call the liveness engine", billed: false },
  1002: { message: "Suspected spoofed recording.", billed: false },
  1003: { message: "Real person detection failed", billed: false },
  1004: { message: "Face detection failed", billed: false },
  1005: { message: "Liveness detection failed", billed: false },
  1102: { message: "The face is not fully exposed", billed: false },
  1104: { message: "The video format is incorrect", billed: false },
  1107: {
    message:
      "The video is empty or its size is inappropriate. The recording duration should be about 6 seconds",
    billed: false,
  },
  1108: { message: "The video definition is too low", billed: false },
  1201: { message: "The lighting is too dim", billed: false },
  1202: { message: "The lighting is too strong", billed: false },
  1203: { message: "The face is too close to the screen", billed: false },
  1204: { message: "The face is too far right from the screen", billed: false },
  1205: { message: "The face is too far from the screen", billed: false },
  1206: { message: "The face is too far left from the screen", billed: false },
  1207: { message: "No motions of eye closing are detected", billed: false },
  1208: { message: "The first motion is not detected", billed: false },
  1209: { message: "No motions of mouth opening are detected", billed: false },
  1210: { message: "Failed to detect a full face", billed: false },
  1301: { message: "Real person detection failed", billed: false },
  1302: { message: "Real person detection did not reach the passing standard", billed: false },
  1303: { message: "The video is too short. Please capture a video longer than 2 seconds", billed: false },
  1401: { message: "face reflect liveness detect failed", billed: false },
  2001: { message: "Error calling the comparison engine", billed: false },
  2004: { message: "The image passed in is too large or too small", billed: false },
  2010: { message: "Multiple faces are detected", billed: false },
  2011: { message: "Real person comparison failed", billed: false },
  2012: { message: "Failed to detect a full face", billed: false },
  2013: { message: "No faces are detected", billed: false },
  2014: {
    message: "The resolution of the image passed in is too low. Please upload a new one",
    billed: false,
  },
  2015: { message: "Comparison failed", billed: false },
  2016: { message: "The comparison similarity did not reach the passing standard", billed: true },
  2017: { message: "The face is occluded", billed: false },
} as const satisfies Record<number, ResultCodeEntry>;

export type WebResultCode = keyof typeof webResultCodes;

/** "Liveness Detection and Face Comparison (Pure API) Error Codes" — the `Result` string of pure-API actions. */
export const pureApiResultCodes = {
  Success: { message: "Success", billed: true },
  "FailedOperation.CompareLowSimilarity": {
    message: "The comparison similarity did not reach the passing standard.",
    billed: true,
  },
  "FailedOperation.ActionCloseEye": { message: "No motions of eye closing are detected.", billed: false },
  "FailedOperation.ActionFaceClose": { message: "The face is too close to the screen.", billed: false },
  "FailedOperation.ActionFaceFar": { message: "The face is too far from the screen.", billed: false },
  "FailedOperation.ActionFaceLeft": { message: "The face is too far left from the screen.", billed: false },
  "FailedOperation.ActionFaceRight": { message: "The face is too far right from the screen.", billed: false },
  "FailedOperation.ActionFirstAction": { message: "No movement is detected.", billed: false },
  "FailedOperation.ActionLightDark": { message: "The lighting is too dim.", billed: false },
  "FailedOperation.ActionLightStrong": { message: "The lighting is too strong.", billed: false },
  "FailedOperation.ActionNodetectFace": { message: "Failed to detect a full face.", billed: false },
  "FailedOperation.ActionOpenMouth": { message: "No motions of mouth opening are detected.", billed: false },
  "FailedOperation.CompareFail": { message: "Comparison failed.", billed: false },
  "FailedOperation.CompareSystemError": {
    message: "Error calling the comparison engine API.",
    billed: false,
  },
  "FailedOperation.DownLoadError": { message: "File download failed.", billed: false },
  "FailedOperation.DownLoadTimeoutError": { message: "File download timed out.", billed: false },
  "FailedOperation.LifePhotoDetectFaces": { message: "Multiple faces are detected.", billed: false },
  "FailedOperation.LifePhotoDetectFake": { message: "Real person comparison failed.", billed: false },
  "FailedOperation.LifePhotoDetectNoFaces": { message: "Failed to detect a full face.", billed: false },
  "FailedOperation.LifePhotoPoorQuality": {
    message: "The resolution of the image passed in is too low. Please upload a new one.",
    billed: false,
  },
  "FailedOperation.LifePhotoSizeError": {
    message: "The image passed in is too large or too small.",
    billed: false,
  },
  "FailedOperation.LipFaceIncomplete": { message: "The face is not fully exposed.", billed: false },
  "FailedOperation.LipMoveSmall": { message: "The lip movement range is too small.", billed: false },
  "FailedOperation.LipNetFailed": { message: "Failed to pull the video. Please try again.", billed: false },
  "FailedOperation.LipSizeError": {
    message:
      "The video is empty or its size is inappropriate. The recording duration should be about 6 seconds.",
    billed: false,
  },
  "FailedOperation.LipVideoInvalid": { message: "The video format is incorrect.", billed: false },
  "FailedOperation.LipVideoQuaility": { message: "The video definition is too low.", billed: false },
  "FailedOperation.LivessBestFrameError": {
    message: "Face detection failed. Unable to extract the photo for comparison.",
    billed: false,
  },
  "FailedOperation.LivessDetectFail": { message: "Liveness detection failed.", billed: false },
  "FailedOperation.LivessDetectFake": { message: "Suspected spoofed recording.", billed: false },
  "FailedOperation.LivessSystemError": { message: "Error calling the liveness engine API.", billed: false },
  "FailedOperation.LivessUnknownError": {
    message: "Video-based real person detection failed.",
    billed: false,
  },
  "FailedOperation.SilentDetectFail": { message: "Real person detection failed.", billed: false },
  "FailedOperation.SilentEyeLiveFail": { message: "Eye detection failed.", billed: false },
  "FailedOperation.SilentFaceDetectFail": { message: "No face is detected in the video.", billed: false },
  "FailedOperation.SilentFaceQualityFail": { message: "Low face quality.", billed: false },
  "FailedOperation.SilentFaceWithMaskFail": { message: "A face mask is detected.", billed: false },
  "FailedOperation.SilentMouthLiveFail": { message: "Mouth detection failed.", billed: false },
  "FailedOperation.SilentMultiFaceFail": {
    message: "Multiple faces are detected in the video.",
    billed: false,
  },
  "FailedOperation.SilentPictureLiveFail": { message: "The video might be spoofed.", billed: false },
  "FailedOperation.SilentThreshold": {
    message: "Real person detection did not reach the passing standard.",
    billed: false,
  },
  "FailedOperation.SilentTooShort": {
    message: "The video is too short. Please capture a video longer than 2 seconds.",
    billed: false,
  },
  "FailedOperation.UnKnown": { message: "Unknown internal error.", billed: false },
} as const satisfies Record<string, ResultCodeEntry>;

export type PureApiResultCode = keyof typeof pureApiResultCodes;

/** "Liveness Detection and Face Comparison (App SDK)" codes: `Result` of GetFaceIdResultIntl etc. "-999" = not finished. */
export const sdkResultCodes = {
  "0": { message: "Succeeded", billed: true },
  "1001": { message: "System error", billed: false },
  "1002": { message: "Suspected spoofed recording.", billed: false },
  "1004": { message: "Liveness detection and face comparison failed", billed: false },
  "1005": { message: "Liveness detection failed", billed: false },
  "1201": { message: "The lighting is too dim or too strong", billed: false },
  "2004": { message: "The image passed in is too large or too small", billed: false },
  "2012": { message: "Several faces were detected", billed: false },
  "2013": { message: "No face was detected, or the face detected was incomplete", billed: false },
  "2014": {
    message: "The image resolution is too low or the quality does not meet the requirements",
    billed: false,
  },
  "2015": { message: "Face comparison failed", billed: false },
  "2016": { message: "The similarity did not reach the standard passing threshold", billed: true },
  "2017": { message: "The face is occluded", billed: false },
  "-999": { message: "The verification process wasn't finished", billed: false },
} as const satisfies Record<string, ResultCodeEntry>;

export type SdkResultCode = keyof typeof sdkResultCodes;

export function webResultMessage(code: number): string {
  return (webResultCodes as Record<number, ResultCodeEntry>)[code]?.message ?? "Unknown error";
}
