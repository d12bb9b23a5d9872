import { EkycError } from "@openekyc/core";
import type { LivenessServiceDeps, PublishedFile } from "./deps.ts";
import { loadUrlInput } from "./inputs.ts";
import { defaultLivenessLimits } from "./limits.ts";
import { type LivenessCompareOutcome, outcomeOf, ResultFailure } from "./outcome.ts";
import { runLivenessCompare } from "./pipeline.ts";
import { parseLivenessChoice, requireField } from "./request-fields.ts";
import { orDownloadResult } from "./url-outcome.ts";

export interface VideoLivenessCompareRequest {
  readonly ImageUrl?: string;
  readonly ImageMd5?: string;
  readonly VideoUrl?: string;
  readonly VideoMd5?: string;
  readonly LivenessType?: string;
  readonly ValidateData?: string;
}

export interface VideoLivenessCompareResponse {
  readonly Sim: number;
  readonly Result: string;
  readonly Description: string;
  readonly BestFrame: PublishedFile | null;
}

/** VideoLivenessCompare (legacy): URL + MD5 inputs, best frame returned as a stored file (FileInfo). */
export async function videoLivenessCompare(
  deps: LivenessServiceDeps,
  request: VideoLivenessCompareRequest,
): Promise<VideoLivenessCompareResponse> {
  const limits = { ...defaultLivenessLimits, ...deps.limits };
  const imageUrl = requireField(request.ImageUrl, "ImageUrl");
  const imageMd5 = requireField(request.ImageMd5, "ImageMd5");
  const videoUrl = requireField(request.VideoUrl, "VideoUrl");
  const videoMd5 = requireField(request.VideoMd5, "VideoMd5");
  const choice = parseLivenessChoice(request.LivenessType, request.ValidateData, ["LIP", "ACTION", "SILENT"]);
  if (choice.livenessType === "LIP") {
    throw new EkycError(
      "UNSUPPORTED_OPERATION",
      "LivenessType LIP (reading a 4-digit code aloud) is not supported by this server; use ACTION or SILENT.",
    );
  }
  let outcome: LivenessCompareOutcome;
  try {
    const download = { timeoutMs: limits.downloadTimeoutMs };
    const photo = await orDownloadResult(
      loadUrlInput(deps, imageUrl, "ImageUrl", {
        ...download,
        maxBytes: limits.maxImageUrlBytes,
        expectedMd5: imageMd5,
      }),
      "FailedOperation.LifePhotoSizeError",
    );
    const video = await orDownloadResult(
      loadUrlInput(deps, videoUrl, "VideoUrl", {
        ...download,
        maxBytes: limits.maxVideoUrlBytes,
        expectedMd5: videoMd5,
      }),
      "FailedOperation.LipSizeError",
    );
    outcome = await runLivenessCompare(deps, {
      photo,
      video,
      livenessType: choice.livenessType === "ACTION" ? "ACTION" : "SILENT",
      actions: choice.actions,
      photoField: "ImageUrl",
    });
  } catch (error) {
    if (!(error instanceof ResultFailure)) throw error;
    outcome = outcomeOf(error.result, error.message);
  }
  const bestFrame =
    outcome.bestFrameJpeg && deps.publishBestFrame
      ? await deps.publishBestFrame(outcome.bestFrameJpeg)
      : null;
  return { Sim: outcome.sim, Result: outcome.result, Description: outcome.description, BestFrame: bestFrame };
}
