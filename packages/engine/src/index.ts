export { defaultCalibration } from "./calibration/load.ts";
export {
  confidenceFromDistance,
  type FaceCalibration,
  farAtDistance,
  similarityFromDistance,
  thresholdsFor,
} from "./calibration/scores.ts";
export { compareEmbeddings, embeddingDistance } from "./compare.ts";
export { decodeImage, defaultDecodeLimits } from "./decode.ts";
export { FaceEngine, type FaceEngineOptions } from "./engine.ts";
export { progressBar } from "./evaluation/progress.ts";
export * from "./liveness/index.ts";
export * from "./motion/index.ts";
export { FaceEnginePool, type FaceEnginePoolOptions } from "./pool/pool.ts";
export type { WorkerMemory } from "./pool/protocol.ts";
export { judgeQuality, qualityLimits } from "./quality.ts";
export { qualityIssueSpellings } from "./quality-codes.ts";
export * from "./reflection/index.ts";
export type * from "./types.ts";
export * from "./video/index.ts";
