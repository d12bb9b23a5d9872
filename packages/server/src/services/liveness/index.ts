export * from "./compare-face-liveness.ts";
export type { LivenessServiceDeps, PublishedFile } from "./deps.ts";
export { defaultLivenessLimits, type LivenessLimits } from "./limits.ts";
export * from "./liveness-compare.ts";
export type { LivenessCompareOutcome } from "./outcome.ts";
export { type LivenessPipelineInput, type LivenessPipelineResult, runLivenessCompare } from "./pipeline.ts";
export * from "./schemas.ts";
export * from "./video-liveness-compare.ts";
export * from "./wiring.ts";
