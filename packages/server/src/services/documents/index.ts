export { ocrJsonEvidence } from "./confirm-step.ts";
export { type DocumentPolicy, documentPolicyOf } from "./policy.ts";
export { type CardRead, type CardReader, engineCardReader, ReadQueue } from "./reader.ts";
export {
  type ConfirmOutcome,
  DocumentService,
  type DocumentServiceOptions,
  type DocumentSide,
  type DocumentStep,
} from "./service.ts";
export { cardStruct, type DocumentView } from "./views.ts";
export { createWorkerCardReader } from "./worker-reader.ts";
