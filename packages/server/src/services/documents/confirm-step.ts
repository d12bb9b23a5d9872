import { type BlobStore, type Clock, type DocumentResult, documentEvidenceNames } from "@openekyc/core";
import type { AppliedEdits } from "./edits.ts";
import { isExpired } from "./expiry.ts";
import { blockingReasons, type DocumentPolicy } from "./policy.ts";
import { cardStruct } from "./views.ts";

/** Evidence name of the CardInfoOcrJson file (SDK flow): the confirmed fields as JSON. */
export const ocrJsonEvidence = "ocrJson";

/**
 * The confirmed attempt: edits applied, expiry judged on both what was read and what the user typed (so an
 * edit can never make an expired document pass), IsPass decided, the OCR JSON file written.
 */
export async function finalizeDocument(
  deps: { readonly blobs: BlobStore; readonly clock: Clock; readonly prefix: string },
  result: DocumentResult,
  applied: AppliedEdits,
  policy: DocumentPolicy,
  /** CheckMode 1 without the merchant's photo: the card portrait is the reference, so it must be there. */
  needsPortrait: boolean,
): Promise<DocumentResult> {
  const today = new Date(deps.clock.now()).toISOString().slice(0, 10);
  const expired = result.expired || isExpired(applied.normalCardInfo, today);
  const reasons = blockingReasons({
    fieldsValid:
      result.fieldsValid && (!needsPortrait || Boolean(result.evidence[documentEvidenceNames.head])),
    blockingWarnings: result.blockingWarnings,
    expired,
    allowExpiredDocument: policy.allowExpiredDocument,
  });
  const ocrJsonKey = `${deps.prefix}ocr.json`;
  const json = JSON.stringify(cardStruct(applied.normalCardInfo));
  await deps.blobs.put(ocrJsonKey, new TextEncoder().encode(json), "application/json");
  return {
    ...result,
    status: "confirmed",
    updatedAt: deps.clock.now(),
    normalCardInfo: applied.normalCardInfo,
    expired,
    isPass: reasons.length === 0,
    isEdit: applied.editDetails.length > 0,
    editDetails: applied.editDetails,
    evidence: { ...result.evidence, [ocrJsonEvidence]: ocrJsonKey, ...keepFront(result) },
  };
}

function keepFront(result: DocumentResult): Record<string, string> {
  const front = result.evidence[documentEvidenceNames.front];
  return front ? { [documentEvidenceNames.front]: front } : {};
}
