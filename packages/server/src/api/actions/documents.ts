import { type BlobStore, type DocumentResult, documentEvidenceNames } from "@openekyc/core";
import type { UploadService } from "../../services/uploads.ts";
import { blobBase64, blobFileInfo, type FileInfo } from "./results.ts";

/** Only attempts the user (or the engine) finished are part of a result; "reading"/"read" are still open. */
export function finalDocuments(documents: readonly DocumentResult[]): DocumentResult[] {
  return documents.filter((document) => document.status === "confirmed" || document.status === "failed");
}

/** OCRResult (reference §6.3) of the web flow. `cutReturn` = Config.IdCardCutReturn. */
export async function ocrResult(
  blobs: BlobStore,
  document: DocumentResult,
  cutReturn: boolean,
): Promise<Record<string, unknown>> {
  const image = async (name: string) => blobBase64(blobs, document.evidence, name);
  const front = await image(documentEvidenceNames.front);
  const frontCut = await image(documentEvidenceNames.frontCut);
  return {
    IsPass: document.isPass,
    CardImageBase64: cutReturn ? (frontCut ?? front) : front,
    CardInfo: document.cardInfo,
    NormalCardInfo: document.normalCardInfo,
    RequestId: document.id,
    CardCutImageBase64: frontCut,
    CardBackCutImageBase64: await image(documentEvidenceNames.backCut),
    WarnCardInfos: [...document.warnings],
    OriginalCardInfo: document.normalCardInfo ? JSON.stringify(document.normalCardInfo) : null,
    HeadImageBase64: await image(documentEvidenceNames.head),
    CardBackImageBase64: await image(documentEvidenceNames.back),
  };
}

/** CardVerifyResult (reference §6.4) of the SDK flow. */
export async function cardVerifyResult(
  blobs: BlobStore,
  uploads: UploadService,
  document: DocumentResult,
): Promise<Record<string, unknown>> {
  return {
    IsPass: document.isPass,
    IsEdit: document.isEdit,
    CardVideo: null,
    CardImage: await blobFileInfo(blobs, uploads, document.evidence, documentEvidenceNames.front),
    // The confirmed fields as a JSON file, written by the document step when the user confirmed.
    CardInfoOcrJson: await blobFileInfo(blobs, uploads, document.evidence, "ocrJson"),
    RequestId: document.id,
    CardInfo: document.cardInfo,
    NormalCardInfo: document.normalCardInfo,
    WarnCardInfos: [...document.warnings],
    EditDetails: document.editDetails.map((edit) => ({
      FieldName: edit.fieldName,
      OriginalFieldValue: edit.originalFieldValue,
      RevisedFieldValue: edit.revisedFieldValue,
    })),
  };
}

/** ProfileImage (reference §6.5): the portrait cut from the last document that passed; null without one. */
export async function profileImage(
  blobs: BlobStore,
  uploads: UploadService,
  documents: readonly DocumentResult[],
): Promise<FileInfo | null> {
  const passed = documents.filter((document) => document.status === "confirmed" && document.isPass).at(-1);
  return passed ? blobFileInfo(blobs, uploads, passed.evidence, documentEvidenceNames.head) : null;
}
