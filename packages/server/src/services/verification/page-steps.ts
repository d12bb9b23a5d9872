import type { Session } from "@openekyc/core";
import { documentPolicyOf } from "../documents/policy.ts";
import { merchantReferenceKey } from "../sessions.ts";

/** What the session will do, so the page's start copy promises only that (no "photo provided" without one). */
export interface PageSteps {
  /** A document step first (web CheckMode 1/4, SDK CheckMode 1). */
  readonly Document: boolean;
  /** A face liveness step (all but CheckMode 4). */
  readonly Liveness: boolean;
  /** What the live face is compared with: the merchant's photo, the document's portrait, or nothing. */
  readonly Compare: "photo" | "document" | null;
}

export function pageSteps(session: Session): PageSteps {
  const policy = documentPolicyOf(session);
  if (policy?.checkMode === 4) return { Document: true, Liveness: false, Compare: null };
  // The key tells the merchant's photo from a document portrait the document step set as the reference.
  const merchantPhoto =
    session.referenceImageKey === merchantReferenceKey(session.id) &&
    session.config.compareWithReference !== false;
  if (policy) return { Document: true, Liveness: true, Compare: merchantPhoto ? "photo" : "document" };
  return { Document: false, Liveness: true, Compare: merchantPhoto ? "photo" : null };
}
