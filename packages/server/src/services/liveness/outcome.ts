import { type PureApiResultCode, pureApiResultCodes } from "@openekyc/core";

/**
 * A pure-API verdict that ends the pipeline early. It is not an API error: the action still answers
 * HTTP 200 with `Result` set to this code (Tencent returns FailedOperation.* inside a successful Response).
 */
export class ResultFailure extends Error {
  readonly result: PureApiResultCode;
  /** Best frame found before the failure, when there was one (returned as BestFrameBase64). */
  readonly bestFrameJpeg: Buffer | null;
  constructor(result: PureApiResultCode, detail?: string, bestFrameJpeg: Buffer | null = null) {
    super(detail ?? pureApiResultCodes[result].message);
    this.name = "ResultFailure";
    this.result = result;
    this.bestFrameJpeg = bestFrameJpeg;
  }
}

/** The shared outcome of every pure-API liveness + compare action. */
export interface LivenessCompareOutcome {
  readonly result: PureApiResultCode;
  /** The seeds' text for `result`. */
  readonly description: string;
  /** Calibrated similarity 0-100 (two decimals); 0 when no comparison was made. */
  readonly sim: number;
  readonly bestFrameJpeg: Buffer | null;
  /** Further best frames, best first (LivenessCompare `Optional.BestFrameNum`). */
  readonly extraFrameJpegs: readonly Buffer[];
  /** Why the result is what it is, for logs and the CLI (never sent on the wire). */
  readonly detail: string;
  readonly billed: boolean;
}

export function outcomeOf(
  result: PureApiResultCode,
  detail: string,
  fields: Partial<Pick<LivenessCompareOutcome, "sim" | "bestFrameJpeg" | "extraFrameJpegs">> = {},
): LivenessCompareOutcome {
  return {
    result,
    description: pureApiResultCodes[result].message,
    sim: fields.sim ?? 0,
    bestFrameJpeg: fields.bestFrameJpeg ?? null,
    extraFrameJpegs: fields.extraFrameJpegs ?? [],
    detail,
    billed: pureApiResultCodes[result].billed,
  };
}
