/**
 * One document OCR attempt (CardVerifyResult in the SDK flow, OCRResult in the web flow): the images the
 * user gave, what the engine read, what the user changed and whether the merchant's policy lets it pass.
 */
export type DocumentResultStatus =
  | "reading" // images stored, the engine is reading them
  | "read" // fields read; waiting for the user to confirm (and maybe edit)
  | "confirmed" // the user confirmed; final for this attempt
  | "failed"; // the images could not be read at all (see `failure`)

/** EditDetail on the wire: one field the user changed on the confirm screen. */
export interface DocumentEdit {
  readonly fieldName: string;
  readonly originalFieldValue: string | null;
  readonly revisedFieldValue: string | null;
}

export interface DocumentResult {
  /** RequestId of the OCR attempt. */
  readonly id: string;
  readonly sessionId: string;
  readonly status: DocumentResultStatus;
  /** The web-flow type name (HKIDCard, MLIDCard, …), also for SDK sessions. */
  readonly idCardType: string;
  readonly createdAt: number;
  readonly updatedAt: number;
  /** Read fields, NormalCardInfo container (after the user's edits once confirmed). */
  readonly normalCardInfo: Readonly<Record<string, unknown>> | null;
  /** Read fields, legacy CardInfo container. */
  readonly cardInfo: Readonly<Record<string, unknown>> | null;
  /** WarnCardInfos: every warning detected. */
  readonly warnings: readonly number[];
  /** The warnings that block under the merchant's policy (DisableCheckOcrWarnings / SelectedWarningCodes). */
  readonly blockingWarnings: readonly number[];
  /** The document's expiry date has passed (blocks unless AllowExpiredDocument). */
  readonly expired: boolean;
  /** Key fields read and every number/date rule holds. */
  readonly fieldsValid: boolean;
  readonly isPass: boolean;
  readonly isEdit: boolean;
  readonly editDetails: readonly DocumentEdit[];
  /** BlobStore keys: front, back, frontCut, backCut, head (see `documentEvidenceNames`). */
  readonly evidence: Readonly<Record<string, string>>;
  /** Back photos taken for this attempt (absent on records stored before it was counted). */
  readonly backCaptures?: number;
  /** Why reading failed (status "failed"), for logs and the console. */
  readonly failure: string | null;
}

export const documentEvidenceNames = {
  front: "front",
  back: "back",
  frontCut: "frontCut",
  backCut: "backCut",
  head: "head",
} as const;
