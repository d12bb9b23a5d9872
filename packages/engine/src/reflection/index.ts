export { type ActionPhase, validateActionPhase } from "./action-phase.ts";
export {
  analyseReflection,
  type ReflectionFailure,
  type ReflectionScores,
  type ReflectionTimeline,
  type ReflectionVerdict,
  reflectionThresholds,
  restColour,
  timelineMatches,
} from "./analyse.ts";
export {
  type CaptureManifest,
  type CapturePackage,
  captureLimits,
  encodeCapturePackage,
  parseCapturePackage,
} from "./capture-package.ts";
export { type FaceBox, measureFrame, type ReflectionSample, type RgbFrame } from "./measure.ts";
export { hexToRgb, isSaturatedRed, type Rgb, rgbToHex, safePalette } from "./palette.ts";
export {
  assertSafeSequence,
  generateReflectSequence,
  maxChangesPerSecond,
  type ReflectColour,
  type ReflectSequence,
  sequenceDurationMs,
  sequenceFromWire,
  sequenceLimits,
  sequenceToWire,
  type WireSequence,
} from "./sequence.ts";
export { mulberry32, type SyntheticCapture, skinTones, synthesiseCapture } from "./synthetic.ts";
