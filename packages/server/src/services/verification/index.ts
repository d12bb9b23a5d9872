export { type AttemptMode, AttemptStore } from "./attempt-store.ts";
export { type AttemptVerdict, attemptResult, livenessFailureCode, videoInputCode } from "./outcome.ts";
export { type ReflectActionWiring, reflectActions } from "./reflect-actions.ts";
export {
  type DetectReflectResponse,
  detectReflectLivenessAndCompareAction,
  generateReflectSequenceAction,
  type ReflectApiDeps,
} from "./reflect-api.ts";
export { checkReflection, type ReflectionCheck } from "./reflection-check.ts";
export { loadSessionReference, verifyVideo } from "./video-check.ts";
export {
  type AttemptOutcome,
  COMPARE_PASS_SIMILARITY,
  md5Hex,
  type StartedAttempt,
  type WebVerificationDeps,
  WebVerificationService,
  withToken,
} from "./web-verification.ts";
