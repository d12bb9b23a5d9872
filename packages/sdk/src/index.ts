export { browserSdkEntry } from "./browser/entries.ts";
export {
  openVerification,
  readRedirectResult,
  sdkErrorCodes,
  type VerificationFailure,
  type VerificationHandle,
  type VerificationOptions,
  type VerificationSuccess,
} from "./browser/index.ts";
export {
  FaceIdApiError,
  FaceIdServerClient,
  type ServerClientOptions,
  tc3Authorization,
} from "./server-client.ts";
