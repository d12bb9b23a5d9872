import { randomUUID } from "node:crypto";
import {
  type BlobStore,
  type DocumentResult,
  documentEvidenceNames,
  EkycError,
  type Store,
} from "@openekyc/core";

export interface BackUploadDeps {
  readonly store: Store;
  readonly blobs: BlobStore;
  readonly now: number;
  /** Back photos one attempt may take (the page sends one per front; more are retakes by an API client). */
  readonly maxBackCaptures: number;
}

/** Back photos an attempt holds; records written before the count existed had at most the one in evidence. */
export function backCaptures(result: DocumentResult): number {
  return result.backCaptures ?? (result.evidence[documentEvidenceNames.back] ? 1 : 0);
}

function tooManyBacks(limit: number): EkycError {
  return new EkycError(
    "INVALID_PARAMETER_VALUE",
    `This document attempt already has ${limit} back photos; start again with the front side.`,
  );
}

/**
 * Stores a back photo for the latest unconfirmed attempt and marks the attempt "reading" for it. Returns the
 * updated record and whether a new read must start (the front was already read; a front still being read takes
 * the back with it). Each back gets its own key, so a retake is read again and its reading is named after it.
 */
export async function attachBack(
  deps: BackUploadDeps,
  last: DocumentResult | undefined,
  prefix: string,
  image: { readonly data: Uint8Array; readonly contentType: string },
): Promise<{ readonly result: DocumentResult; readonly startRead: boolean }> {
  if (!last || last.status === "confirmed" || last.status === "failed") {
    throw new EkycError("INVALID_PARAMETER_VALUE", "Capture the front side first.");
  }
  // Checked before the photo is stored, so a client looping on retakes cannot fill the blob store.
  if (backCaptures(last) >= deps.maxBackCaptures) throw tooManyBacks(deps.maxBackCaptures);
  const key = `${prefix}back-${randomUUID().slice(0, 8)}`;
  await deps.blobs.put(key, image.data, image.contentType);
  // Compare-and-set on the record last seen; a read finishing (or another back) in between changes it: look again.
  let from: DocumentResult | null = last;
  for (let tries = 0; tries < 4 && from && (from.status === "read" || from.status === "reading"); tries++) {
    if (backCaptures(from) >= deps.maxBackCaptures) {
      await deps.blobs.delete(key);
      throw tooManyBacks(deps.maxBackCaptures);
    }
    const next: DocumentResult = {
      ...from,
      status: "reading",
      evidence: { ...from.evidence, [documentEvidenceNames.back]: key },
      backCaptures: backCaptures(from) + 1,
      updatedAt: deps.now,
    };
    if (await deps.store.updateDocumentResult(next, [from.status], from)) {
      return { result: next, startRead: from.status === "read" };
    }
    from = await deps.store.getDocumentResult(last.id);
  }
  await deps.blobs.delete(key);
  throw new EkycError("INVALID_PARAMETER_VALUE", "This document attempt can no longer change.");
}
