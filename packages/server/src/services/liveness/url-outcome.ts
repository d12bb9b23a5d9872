import type { PureApiResultCode } from "@openekyc/core";
import { isFetchError } from "../../fetch/fetch-error.ts";
import { ResultFailure } from "./outcome.ts";

/**
 * Downloads that fail end the action with a pure-API result (DownLoadError, DownLoadTimeoutError, or the
 * size code of the input); malformed URLs and MD5 mismatches stay API errors (InvalidParameterValue).
 */
export async function orDownloadResult<T>(work: Promise<T>, sizeResult: PureApiResultCode): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (!isFetchError(error) || error.code === "INVALID_PARAMETER_VALUE") throw error;
    if (error.reason === "timeout")
      throw new ResultFailure("FailedOperation.DownLoadTimeoutError", error.message);
    if (error.reason === "too_large") throw new ResultFailure(sizeResult, error.message);
    throw new ResultFailure("FailedOperation.DownLoadError", error.message);
  }
}
