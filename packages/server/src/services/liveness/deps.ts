import type { UrlInputSource } from "./inputs.ts";
import type { LivenessPipelineDeps } from "./pipeline.ts";

/** A stored best frame as Tencent's FileInfo. */
export interface PublishedFile {
  readonly Url: string;
  readonly MD5: string;
  readonly Size: number;
}

/** Everything the pure-API liveness actions need, per request (URL resolution is per app). */
export interface LivenessServiceDeps extends LivenessPipelineDeps, UrlInputSource {
  /** Stores a best-frame JPEG and returns a temporary URL to it (VideoLivenessCompare `BestFrame`). */
  readonly publishBestFrame?: (jpeg: Buffer) => Promise<PublishedFile>;
}
