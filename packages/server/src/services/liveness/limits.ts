import type { VideoDecodeLimits } from "@openekyc/engine";

/** Sizes from the reference: ImageBase64 ≤ 3 MB and VideoBase64 ≤ 8 MB (of Base64 text). */
export interface LivenessLimits {
  readonly maxImageBase64Chars: number;
  readonly maxVideoBase64Chars: number;
  /** Largest image/video fetched from a URL, bytes (the Base64 caps expressed as raw bytes). */
  readonly maxImageUrlBytes: number;
  readonly maxVideoUrlBytes: number;
  /** Download time limit per URL (reference: ≤ 4 s). */
  readonly downloadTimeoutMs: number;
  /** Tencent's pass mark: Sim 70 ↔ FAR 0.1%. */
  readonly passSimilarity: number;
  readonly video: Partial<VideoDecodeLimits>;
}

const MB = 1024 * 1024;

export const defaultLivenessLimits: LivenessLimits = {
  maxImageBase64Chars: 3 * MB,
  maxVideoBase64Chars: 8 * MB,
  maxImageUrlBytes: Math.floor((3 * MB * 3) / 4),
  maxVideoUrlBytes: Math.floor((8 * MB * 3) / 4),
  downloadTimeoutMs: 4000,
  passSimilarity: 70,
  video: { maxDurationSeconds: 20, maxFrames: 120, maxFps: 12 },
};
