export {
  isPageMessage,
  messageSource,
  type OcrMode,
  type PageMessage,
  type PageOptions,
  pageQuery,
  readPageQuery,
  sdkErrorCodes,
  sdkErrorMessages,
} from "./protocol.ts";
export {
  openVerification,
  readRedirectResult,
  type VerificationFailure,
  type VerificationHandle,
  type VerificationOptions,
  type VerificationSuccess,
} from "./verification.ts";
