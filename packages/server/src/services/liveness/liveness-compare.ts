import { EkycError } from "@openekyc/core";
import type { LivenessServiceDeps } from "./deps.ts";
import { decodeBase64Input, loadUrlInput } from "./inputs.ts";
import { defaultLivenessLimits, type LivenessLimits } from "./limits.ts";
import { type LivenessCompareOutcome, outcomeOf, ResultFailure } from "./outcome.ts";
import { runLivenessCompare } from "./pipeline.ts";
import { parseLivenessChoice } from "./request-fields.ts";
import { orDownloadResult } from "./url-outcome.ts";

export interface LivenessCompareRequest {
  readonly LivenessType?: string;
  readonly ImageBase64?: string;
  readonly ImageUrl?: string;
  readonly VideoBase64?: string;
  readonly VideoUrl?: string;
  readonly ValidateData?: string;
  readonly Optional?: string;
}

export interface LivenessCompareResponse {
  readonly BestFrameBase64: string | null;
  readonly Sim: number;
  readonly Result: string;
  readonly Description: string;
  readonly BestFrameList: string[];
}

/**
 * LivenessCompare (legacy): Base64 or URL inputs (Base64 wins when both are given). LIP needs the spoken
 * 4-digit code recognised from the audio track, which this server does not do, so it answers
 * UnsupportedOperation rather than pretending.
 */
export async function livenessCompare(
  deps: LivenessServiceDeps,
  request: LivenessCompareRequest,
): Promise<LivenessCompareResponse> {
  const limits = { ...defaultLivenessLimits, ...deps.limits };
  const choice = parseLivenessChoice(request.LivenessType, request.ValidateData, ["LIP", "ACTION", "SILENT"]);
  if (choice.livenessType === "LIP") {
    throw new EkycError(
      "UNSUPPORTED_OPERATION",
      "LivenessType LIP (reading a 4-digit code aloud) is not supported by this server; use ACTION or SILENT.",
    );
  }
  const extraBestFrames = parseBestFrameNum(request.Optional);
  let outcome: LivenessCompareOutcome;
  try {
    const photo = await loadInput(deps, limits, "Image", request.ImageBase64, request.ImageUrl);
    const video = await loadInput(deps, limits, "Video", request.VideoBase64, request.VideoUrl);
    outcome = await runLivenessCompare(deps, {
      photo,
      video,
      livenessType: choice.livenessType === "ACTION" ? "ACTION" : "SILENT",
      actions: choice.actions,
      extraBestFrames,
      photoField: request.ImageBase64 ? "ImageBase64" : "ImageUrl",
    });
  } catch (error) {
    if (!(error instanceof ResultFailure)) throw error;
    outcome = outcomeOf(error.result, error.message);
  }
  return {
    BestFrameBase64: outcome.bestFrameJpeg ? outcome.bestFrameJpeg.toString("base64") : null,
    Sim: outcome.sim,
    Result: outcome.result,
    Description: outcome.description,
    BestFrameList: outcome.extraFrameJpegs.map((jpeg) => jpeg.toString("base64")),
  };
}

async function loadInput(
  deps: LivenessServiceDeps,
  limits: LivenessLimits,
  kind: "Image" | "Video",
  base64: string | undefined,
  url: string | undefined,
): Promise<Buffer> {
  const sizeResult = kind === "Image" ? "FailedOperation.LifePhotoSizeError" : "FailedOperation.LipSizeError";
  if (base64) {
    const maxChars = kind === "Image" ? limits.maxImageBase64Chars : limits.maxVideoBase64Chars;
    const bytes = decodeBase64Input(base64, `${kind}Base64`, maxChars);
    if (!bytes) throw new ResultFailure(sizeResult, `${kind}Base64 is larger than ${maxChars} characters.`);
    return bytes;
  }
  if (!url) {
    throw new EkycError("MISSING_PARAMETER", `One of ${kind}Base64 or ${kind}Url is required.`);
  }
  const maxBytes = kind === "Image" ? limits.maxImageUrlBytes : limits.maxVideoUrlBytes;
  return orDownloadResult(
    loadUrlInput(deps, url, `${kind}Url`, { maxBytes, timeoutMs: limits.downloadTimeoutMs }),
    sizeResult,
  );
}

/** `Optional` is a JSON string such as {"BestFrameNum":2}: 2-10 extra best frames. */
function parseBestFrameNum(optional: string | undefined): number {
  if (!optional) return 0;
  let parsed: unknown;
  try {
    parsed = JSON.parse(optional);
  } catch {
    throw new EkycError("INVALID_PARAMETER_VALUE", "Optional must be a JSON object string.");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new EkycError("INVALID_PARAMETER_VALUE", "Optional must be a JSON object string.");
  }
  const count = (parsed as { BestFrameNum?: unknown }).BestFrameNum;
  if (count === undefined) return 0;
  if (typeof count !== "number" || !Number.isInteger(count) || count < 2 || count > 10) {
    throw new EkycError("INVALID_PARAMETER_VALUE", "Optional.BestFrameNum must be an integer from 2 to 10.");
  }
  return count;
}
