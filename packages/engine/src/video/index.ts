export {
  type DecodedVideo,
  decodeVideo,
  defaultVideoDecodeLimits,
  type VideoDecodeLimits,
  type VideoFrame,
} from "./decode.ts";
export * from "./errors.ts";
export { ffmpegPath } from "./ffmpeg.ts";
export * from "./jpeg.ts";
export type { VideoProbe } from "./probe.ts";
