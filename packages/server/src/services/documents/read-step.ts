import {
  type BlobStore,
  type Clock,
  type DocumentResult,
  documentEvidenceNames,
  isEkycError,
  type Store,
} from "@openekyc/core";
import { isExpired } from "./expiry.ts";
import { blockingReasons, type DocumentPolicy } from "./policy.ts";
import type { CardReader } from "./reader.ts";

export interface ReadStepDeps {
  readonly store: Store;
  readonly blobs: BlobStore;
  readonly clock: Clock;
  readonly reader: CardReader;
}

const today = (clock: Clock) => new Date(clock.now()).toISOString().slice(0, 10);

/**
 * Reads the front photo of one attempt and stores what was read (status reading → read, or failed). Never
 * throws: whatever goes wrong ends as a "failed" attempt the page can show and retake.
 */
export async function readDocument(
  deps: ReadStepDeps,
  result: DocumentResult,
  policy: DocumentPolicy,
): Promise<void> {
  let next: DocumentResult;
  try {
    const front = await deps.blobs.get(result.evidence[documentEvidenceNames.front] ?? "");
    if (!front) throw new Error("the front photo is missing from the blob store");
    const read = await deps.reader(front.data, result.idCardType);
    const prefix = (result.evidence.front ?? "").replace(/front$/, "");
    const evidence: Record<string, string> = {};
    if (read.cutImage) {
      evidence[documentEvidenceNames.frontCut] = `${prefix}front-cut`;
      await deps.blobs.put(`${prefix}front-cut`, read.cutImage, "image/jpeg");
    }
    if (read.headImage) {
      evidence[documentEvidenceNames.head] = `${prefix}head`;
      await deps.blobs.put(`${prefix}head`, read.headImage, "image/jpeg");
    }
    const { blockingWarnings } = await import("@openekyc/documents");
    const blocking = blockingWarnings(read.warnings, {
      disableCheckOcrWarnings: policy.disableCheckOcrWarnings,
      selectedWarningCodes: policy.selectedWarningCodes,
    });
    const expired = isExpired(read.normalCardInfo, today(deps.clock));
    const reasons = blockingReasons({
      fieldsValid: read.fieldsValid,
      blockingWarnings: blocking,
      expired,
      allowExpiredDocument: policy.allowExpiredDocument,
    });
    next = {
      ...result,
      status: "read",
      updatedAt: deps.clock.now(),
      normalCardInfo: read.normalCardInfo,
      cardInfo: read.cardInfo,
      warnings: [...read.warnings],
      blockingWarnings: blocking,
      expired,
      fieldsValid: read.fieldsValid,
      isPass: reasons.length === 0,
      evidence: { ...result.evidence, ...evidence },
    };
  } catch (error) {
    next = {
      ...result,
      status: "failed",
      updatedAt: deps.clock.now(),
      failure: isEkycError(error) ? error.message : "The document could not be read.",
    };
  }
  // The back photo may have arrived meanwhile: keep what is stored now, add what the read produced.
  for (let tries = 0; tries < 3; tries++) {
    const stored = await deps.store.getDocumentResult(result.id);
    if (stored?.status !== "reading") return;
    const merged = { ...next, evidence: { ...stored.evidence, ...next.evidence, ...pickBack(stored) } };
    if (await deps.store.updateDocumentResult(merged, ["reading"])) return;
  }
}

function pickBack(stored: DocumentResult): Record<string, string> {
  const back = stored.evidence[documentEvidenceNames.back];
  return back ? { [documentEvidenceNames.back]: back } : {};
}
