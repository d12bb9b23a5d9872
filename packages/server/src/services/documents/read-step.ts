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
import type { CardBackRead, CardReader } from "./reader.ts";
import { backCutKey, backReadKey, type FrontReading, sideEvidence, unreadBack } from "./sides.ts";

export interface ReadStepDeps {
  readonly store: Store;
  readonly blobs: BlobStore;
  readonly clock: Clock;
  readonly reader: CardReader;
}

const today = (clock: Clock) => new Date(clock.now()).toISOString().slice(0, 10);

/**
 * Reads what is unread of one attempt — the front photo once, the back photo whenever a new one arrived — and
 * stores the combined result (status reading → read, or failed). Never throws: whatever goes wrong ends as a
 * "failed" attempt the page can show and retake.
 */
export async function readDocument(
  deps: ReadStepDeps,
  result: DocumentResult,
  policy: DocumentPolicy,
): Promise<void> {
  let next = await readOrFail(deps, result, policy);
  // A back photo may have arrived (or been retaken) while this read ran: keep what is stored now, and read
  // that back too before the attempt becomes "read". The update is a compare-and-set on the record just read,
  // so a back stored between the `get` and the update makes it fail, and the loop merges that back too.
  for (let tries = 0; tries < 4; tries++) {
    const stored = await deps.store.getDocumentResult(result.id);
    if (stored?.status !== "reading") return;
    const evidence = consistent({ ...stored.evidence, ...next.evidence, ...pickBack(stored) });
    // The back photos counted by uploads during this read belong to the stored record, not to the one read.
    const counted = stored.backCaptures === undefined ? {} : { backCaptures: stored.backCaptures };
    const merged = { ...next, evidence, ...counted };
    if (merged.status === "read" && unreadBack(merged, policy)) {
      next = await readOrFail(deps, { ...merged, status: "reading" }, policy);
      continue;
    }
    if (await deps.store.updateDocumentResult(merged, ["reading"], stored)) return;
  }
}

async function readOrFail(
  deps: ReadStepDeps,
  result: DocumentResult,
  policy: DocumentPolicy,
): Promise<DocumentResult> {
  try {
    return await readSides(deps, result, policy);
  } catch (error) {
    return {
      ...result,
      status: "failed",
      updatedAt: deps.clock.now(),
      failure: isEkycError(error) ? error.message : "The document could not be read.",
    };
  }
}

async function readSides(
  deps: ReadStepDeps,
  result: DocumentResult,
  policy: DocumentPolicy,
): Promise<DocumentResult> {
  const evidence: Record<string, string> = { ...result.evidence };
  const twoSided = policy.sides.includes("back");
  // The front is read once; an attempt stored before fronts kept their reading is read again.
  const front =
    result.normalCardInfo === null || (twoSided && !evidence[sideEvidence.frontRead])
      ? await readFront(deps, result, evidence, twoSided)
      : await storedJson<FrontReading>(deps.blobs, evidence[sideEvidence.frontRead], "front reading");
  const backKey = evidence[documentEvidenceNames.back];
  const back =
    twoSided && backKey
      ? evidence[sideEvidence.backRead] === backReadKey(backKey)
        ? await storedJson<CardBackRead>(deps.blobs, evidence[sideEvidence.backRead], "back reading")
        : await readBack(deps, result.idCardType, backKey, evidence)
      : null;
  const documents = await import("@openekyc/documents");
  const referenceDate = today(deps.clock);
  const type = result.idCardType;
  const combined =
    back?.back && documents.isIdCardType(type)
      ? documents.mergeCardBack(type, front, back.back, referenceDate)
      : front;
  const warnings = [...new Set([...front.warnings, ...(back?.warnings ?? [])])];
  const blocking = documents.blockingWarnings(warnings, {
    disableCheckOcrWarnings: policy.disableCheckOcrWarnings,
    selectedWarningCodes: policy.selectedWarningCodes,
  });
  const expired = isExpired(combined.normalCardInfo, referenceDate);
  const reasons = blockingReasons({
    fieldsValid: combined.fieldsValid,
    blockingWarnings: blocking,
    expired,
    allowExpiredDocument: policy.allowExpiredDocument,
  });
  return {
    ...result,
    status: "read",
    updatedAt: deps.clock.now(),
    normalCardInfo: combined.normalCardInfo,
    cardInfo: combined.cardInfo,
    warnings,
    blockingWarnings: blocking,
    expired,
    fieldsValid: combined.fieldsValid,
    isPass: reasons.length === 0,
    evidence: consistent(evidence),
  };
}

/** Reads the front; its cut and portrait go to the blob store, and for two-sided types its own reading too. */
async function readFront(
  deps: ReadStepDeps,
  result: DocumentResult,
  evidence: Record<string, string>,
  twoSided: boolean,
): Promise<FrontReading> {
  const photo = await deps.blobs.get(result.evidence[documentEvidenceNames.front] ?? "");
  if (!photo) throw new Error("the front photo is missing from the blob store");
  const read = await deps.reader(photo.data, result.idCardType);
  const prefix = (result.evidence.front ?? "").replace(/front$/, "");
  if (read.cutImage) {
    evidence[documentEvidenceNames.frontCut] = `${prefix}front-cut`;
    await deps.blobs.put(`${prefix}front-cut`, read.cutImage, "image/jpeg");
  }
  if (read.headImage) {
    evidence[documentEvidenceNames.head] = `${prefix}head`;
    await deps.blobs.put(`${prefix}head`, read.headImage, "image/jpeg");
  }
  const front: FrontReading = {
    normalCardInfo: read.normalCardInfo,
    cardInfo: read.cardInfo,
    checks: read.checks,
    fieldsValid: read.fieldsValid,
    warnings: read.warnings,
  };
  if (twoSided) {
    // Kept so a retaken back can be merged with the front again without reading the front twice.
    evidence[sideEvidence.frontRead] = `${prefix}front-read.json`;
    await putJson(deps.blobs, `${prefix}front-read.json`, front);
  }
  return front;
}

async function readBack(
  deps: ReadStepDeps,
  idCardType: string,
  backKey: string,
  evidence: Record<string, string>,
): Promise<CardBackRead> {
  const photo = await deps.blobs.get(backKey);
  if (!photo) throw new Error("the back photo is missing from the blob store");
  const read = await deps.reader.back(photo.data, idCardType);
  if (read.cutImage) {
    evidence[documentEvidenceNames.backCut] = backCutKey(backKey);
    await deps.blobs.put(backCutKey(backKey), read.cutImage, "image/jpeg");
  }
  const stored: CardBackRead = { back: read.back, warnings: read.warnings, cutImage: null };
  evidence[sideEvidence.backRead] = backReadKey(backKey);
  await putJson(deps.blobs, backReadKey(backKey), stored);
  return stored;
}

/** Drops a back's cut or reading that belongs to an earlier back photo than the one now stored. */
function consistent(evidence: Record<string, string>): Record<string, string> {
  const back = evidence[documentEvidenceNames.back];
  const out = { ...evidence };
  if (
    out[documentEvidenceNames.backCut] &&
    (!back || out[documentEvidenceNames.backCut] !== backCutKey(back))
  )
    delete out[documentEvidenceNames.backCut];
  if (out[sideEvidence.backRead] && (!back || out[sideEvidence.backRead] !== backReadKey(back)))
    delete out[sideEvidence.backRead];
  return out;
}

function pickBack(stored: DocumentResult): Record<string, string> {
  const back = stored.evidence[documentEvidenceNames.back];
  return back ? { [documentEvidenceNames.back]: back } : {};
}

async function putJson(blobs: BlobStore, key: string, value: unknown): Promise<void> {
  await blobs.put(key, new TextEncoder().encode(JSON.stringify(value)), "application/json");
}

async function storedJson<T>(blobs: BlobStore, key: string | undefined, what: string): Promise<T> {
  const blob = key ? await blobs.get(key) : null;
  if (!blob) throw new Error(`the ${what} is missing from the blob store`);
  return JSON.parse(new TextDecoder().decode(blob.data)) as T;
}
