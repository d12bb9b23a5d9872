import { createHash } from "node:crypto";
import {
  type AttemptResult,
  type BlobStore,
  evidenceNames,
  type SdkResultCode,
  type Session,
  sdkResultCodes,
} from "@openekyc/core";
import type { UploadService } from "../../services/uploads.ts";

/** VerificationDetail (reference §6.2) for one attempt. */
export function verificationDetail(attempt: AttemptResult): Record<string, unknown> {
  return {
    ErrorCode: attempt.errorCode,
    ErrorMsg: attempt.errorMsg,
    LivenessErrorCode: attempt.livenessErrorCode,
    LivenessErrorMsg: attempt.livenessErrorMsg,
    CompareErrorCode: attempt.compareErrorCode,
    CompareErrorMsg: attempt.compareErrorMsg,
    ReqTimestamp: attempt.reqTimestamp,
    Similarity: attempt.similarity,
    Seq: attempt.seq,
    LivenessInfoTag: [...attempt.livenessInfoTags],
  };
}

export type EvidenceName = keyof typeof evidenceNames;

type Evidence = Readonly<Record<string, string>> | undefined;

/** A blob named in an evidence map, or null when absent (or purged). */
export async function evidenceBlob(
  blobs: BlobStore,
  evidence: Evidence,
  name: string,
): Promise<Uint8Array | null> {
  const key = evidence?.[name];
  if (!key) return null;
  return (await blobs.get(key))?.data ?? null;
}

export async function evidenceBase64(
  blobs: BlobStore,
  attempt: AttemptResult | undefined,
  name: EvidenceName,
): Promise<string | null> {
  return blobBase64(blobs, attempt?.evidence, evidenceNames[name]);
}

export async function blobBase64(blobs: BlobStore, evidence: Evidence, name: string): Promise<string | null> {
  const data = await evidenceBlob(blobs, evidence, name);
  return data ? Buffer.from(data).toString("base64") : null;
}

export interface FileInfo {
  readonly Url: string;
  readonly MD5: string;
  readonly Size: number;
}

/** FileInfo (reference §6.6): a signed URL valid 10 minutes, MD5 and size; null when absent. */
export async function evidenceFileInfo(
  blobs: BlobStore,
  uploads: UploadService,
  attempt: AttemptResult | undefined,
  name: EvidenceName,
): Promise<FileInfo | null> {
  return blobFileInfo(blobs, uploads, attempt?.evidence, evidenceNames[name]);
}

export async function blobFileInfo(
  blobs: BlobStore,
  uploads: UploadService,
  evidence: Evidence,
  name: string,
): Promise<FileInfo | null> {
  const key = evidence?.[name];
  const data = await evidenceBlob(blobs, evidence, name);
  if (!key || !data) return null;
  return { Url: uploads.mediaUrl(key), MD5: createHash("md5").update(data).digest("hex"), Size: data.length };
}

/** Final result of a session in the SDK flows' string codes; "-999" until it has passed or failed. */
export function sdkResult(session: Session): { Result: string; Description: string } {
  // Cancelled, timed-out and unsupported sessions never completed the flow: "-999" as well.
  if (session.status !== "passed" && session.status !== "failed") {
    return { Result: "-999", Description: sdkResultCodes["-999"].message };
  }
  const code = String(session.resultCode ?? 1001);
  const known = (sdkResultCodes as Record<string, { message: string }>)[code as SdkResultCode];
  return { Result: code, Description: known?.message ?? session.resultMessage ?? "" };
}
