import type { PageSteps } from "./api.ts";
import type { MessageKey } from "./i18n.ts";

/** The start copy for what this session does: liveness only must not promise a comparison with a photo. */
export function startBody(steps: PageSteps): MessageKey {
  if (!steps.Liveness) return "startBodyDocument";
  if (steps.Document)
    return steps.Compare === "photo" ? "startBodyDocumentPhoto" : "startBodyDocumentCompare";
  return steps.Compare === "photo" ? "startBodyCompare" : "startBodyLiveness";
}
