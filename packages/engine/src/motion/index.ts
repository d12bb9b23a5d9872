export * from "./detect.ts";
export * from "./events.ts";
export * from "./sequence.ts";
export { type FaceSignals, type MotionSample, signalsOf } from "./signals.ts";
