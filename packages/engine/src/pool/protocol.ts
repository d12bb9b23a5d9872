import type { DetectOptions, EmbedOptions, QualityOptions, RgbImage } from "../types.ts";

/** Calls a pool worker answers; each carries an id so replies can be matched out of order. */
export type WorkerRequest =
  | { id: number; method: "detect"; image: RgbImage; options?: DetectOptions }
  | { id: number; method: "assessQuality"; image: RgbImage; options?: QualityOptions }
  | { id: number; method: "embed"; image: RgbImage; options?: EmbedOptions }
  | { id: number; method: "antiSpoof"; image: RgbImage }
  | { id: number; method: "compare"; image: RgbImage; other: RgbImage }
  | { id: number; method: "memory" };

export interface WorkerFailure {
  name: string;
  message: string;
  /** EkycError code, when the failure was an expected one. */
  code?: string;
}

export type WorkerReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: WorkerFailure };

export interface WorkerMemory {
  rss: number;
  heapUsed: number;
  external: number;
  /** Bytes held by tfjs tensors (wasm heap). */
  tensorBytes: number;
  tensorCount: number;
}
