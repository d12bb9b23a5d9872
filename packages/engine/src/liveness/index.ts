export { type BestFrameChoice, chooseBestFrame, rankFrames } from "./best-frame.ts";
export { analyseFrames, type FrameFinding } from "./frames.ts";
export * from "./report.ts";
export * from "./tencent-results.ts";
export * from "./video-liveness.ts";
