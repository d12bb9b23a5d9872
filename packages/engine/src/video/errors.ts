/**
 * Why a video was refused. The API layer maps each reason to its wire code
 * (Tencent pure API: `invalid` → LipVideoInvalid, `too_large`/`too_long`/`empty` → LipSizeError, `low_resolution` → LipVideoQuaility).
 */
export type VideoInputProblem = "invalid" | "too_large" | "too_long" | "empty" | "timeout" | "low_resolution";

export class VideoInputError extends Error {
  readonly problem: VideoInputProblem;
  constructor(problem: VideoInputProblem, message: string) {
    super(message);
    this.name = "VideoInputError";
    this.problem = problem;
  }
}

export function isVideoInputError(value: unknown): value is VideoInputError {
  return value instanceof VideoInputError;
}
