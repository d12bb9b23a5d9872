import type { LivenessServiceDeps } from "./deps.ts";
import { decodeBase64Input } from "./inputs.ts";
import { defaultLivenessLimits } from "./limits.ts";
import { outcomeOf } from "./outcome.ts";
import { runLivenessCompare } from "./pipeline.ts";
import { parseLivenessChoice, requireField } from "./request-fields.ts";

export interface CompareFaceLivenessRequest {
  readonly ImageBase64?: string;
  readonly VideoBase64?: string;
  readonly LivenessType?: string;
  readonly ValidateData?: string;
}

export interface CompareFaceLivenessResponse {
  readonly Result: string;
  readonly Description: string;
  readonly Sim: number;
  readonly BestFrameBase64: string | null;
}

/** CompareFaceLiveness: liveness on a Base64 video (SILENT or ACTION), then compare with a Base64 photo. */
export async function compareFaceLiveness(
  deps: LivenessServiceDeps,
  request: CompareFaceLivenessRequest,
): Promise<CompareFaceLivenessResponse> {
  const limits = { ...defaultLivenessLimits, ...deps.limits };
  const imageText = requireField(request.ImageBase64, "ImageBase64");
  const videoText = requireField(request.VideoBase64, "VideoBase64");
  const choice = parseLivenessChoice(request.LivenessType, request.ValidateData, ["SILENT", "ACTION"]);
  const photo = decodeBase64Input(imageText, "ImageBase64", limits.maxImageBase64Chars);
  const video = decodeBase64Input(videoText, "VideoBase64", limits.maxVideoBase64Chars);
  const outcome = !photo
    ? outcomeOf("FailedOperation.LifePhotoSizeError", "ImageBase64 is larger than 3 MB.")
    : !video
      ? outcomeOf("FailedOperation.LipSizeError", "VideoBase64 is larger than 8 MB.")
      : await runLivenessCompare(deps, {
          photo,
          video,
          livenessType: choice.livenessType === "ACTION" ? "ACTION" : "SILENT",
          actions: choice.actions,
          photoField: "ImageBase64",
        });
  return {
    Result: outcome.result,
    Description: outcome.description,
    Sim: outcome.sim,
    BestFrameBase64: outcome.bestFrameJpeg ? outcome.bestFrameJpeg.toString("base64") : null,
  };
}
