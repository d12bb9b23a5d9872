import { EkycError, type ErrorCode } from "@openekyc/core";

/** Why a URL input was not fetched. */
export type FetchFailureReason =
  | "bad_url"
  | "blocked_address"
  | "dns"
  | "http_status"
  | "too_many_redirects"
  | "too_large"
  | "timeout"
  | "network"
  | "md5_mismatch";

const codeOf: Record<FetchFailureReason, ErrorCode> = {
  bad_url: "INVALID_PARAMETER_VALUE",
  md5_mismatch: "INVALID_PARAMETER_VALUE",
  timeout: "DOWNLOAD_TIMEOUT",
  blocked_address: "DOWNLOAD_ERROR",
  dns: "DOWNLOAD_ERROR",
  http_status: "DOWNLOAD_ERROR",
  too_many_redirects: "DOWNLOAD_ERROR",
  too_large: "DOWNLOAD_ERROR",
  network: "DOWNLOAD_ERROR",
};

/** A refused or failed URL download; `reason` lets callers map it to a more specific result code. */
export class FetchError extends EkycError {
  readonly reason: FetchFailureReason;
  constructor(reason: FetchFailureReason, message: string, cause?: unknown) {
    super(codeOf[reason], message, cause === undefined ? undefined : { cause });
    this.name = "FetchError";
    this.reason = reason;
  }
}

export function isFetchError(value: unknown): value is FetchError {
  return value instanceof FetchError;
}
