import { EkycError, type Session } from "@openekyc/core";

/** ApplySdkVerificationToken.IdCardType → the document type the engine reads (web-flow names). */
export const sdkToWebType: Readonly<Record<string, string>> = {
  HK: "HKIDCard",
  ML: "MLIDCard",
  MLIDPassport: "InternationalIDPassport",
};

/**
 * Types whose back side is captured and read too: the back carries fields of the struct (Mainland: Authority,
 * ValidDate) or repeats what the front says so the two can be cross-checked (MyKad: the number; HMTPermit: the
 * holder's name and Hong Kong / Macao identity card number). TaiWanIDCard is front-only: its back (parents,
 * spouse, military service, birthplace, address, a barcode) carries no TaiWanIDCard field and repeats nothing
 * the OCR can compare with the front, so asking for it would verify nothing.
 */
const twoSidedTypes: ReadonlySet<string> = new Set(["MainlandIDCard", "MLIDCard", "HMTPermit"]);

/** What the document step of one session must do, from the validated Apply… request it was created by. */
export interface DocumentPolicy {
  readonly idCardType: string;
  /** Web CheckMode (1 OCR + liveness + compare, 4 OCR only); SDK CheckMode 1 is the same as web 1. */
  readonly checkMode: 1 | 4;
  readonly sides: readonly ("front" | "back")[];
  readonly disableCheckOcrWarnings: boolean;
  /** Comma string (web) or int array (SDK); empty = all codes block. */
  readonly selectedWarningCodes: string | readonly number[];
  readonly allowExpiredDocument: boolean;
  readonly allowEdit: boolean;
  /** IdCardCutReturn: return the cropped image as CardImageBase64. */
  readonly cutReturn: boolean;
}

function bool(value: unknown, fallback: boolean): boolean {
  return typeof value === "boolean" ? value : fallback;
}

/** The document policy of a session, or null when its flow has no document step. */
export function documentPolicyOf(session: Session): DocumentPolicy | null {
  const config = session.config;
  const checkMode = Number(config.CheckMode);
  const web = session.kind === "web-intl";
  if (web ? checkMode !== 1 && checkMode !== 4 : session.kind !== "sdk-ekyc" || checkMode !== 1) return null;
  const raw = String((web ? (config.IDCardType ?? config.IdCardType) : config.IdCardType) ?? "");
  const idCardType = web ? raw : (sdkToWebType[raw] ?? raw);
  const selected = config.SelectedWarningCodes;
  return {
    idCardType,
    checkMode: checkMode === 4 ? 4 : 1,
    sides: twoSidedTypes.has(idCardType) ? ["front", "back"] : ["front"],
    disableCheckOcrWarnings: bool(config.DisableCheckOcrWarnings, false),
    selectedWarningCodes: Array.isArray(selected) ? (selected as number[]) : String(selected ?? ""),
    allowExpiredDocument: bool(config.AllowExpiredDocument, true),
    allowEdit: !bool(config.DisableChangeOcrResult, false),
    cutReturn: bool(config.IdCardCutReturn, false),
  };
}

export function requireDocumentPolicy(session: Session): DocumentPolicy {
  const policy = documentPolicyOf(session);
  if (!policy) {
    throw new EkycError(
      "UNSUPPORTED_OPERATION",
      "This verification has no document step (CheckMode 1 or 4 only).",
    );
  }
  return policy;
}

/** Why a read document does not pass, in the order the user should fix them; empty when it passes. */
export function blockingReasons(input: {
  readonly fieldsValid: boolean;
  readonly blockingWarnings: readonly number[];
  readonly expired: boolean;
  readonly allowExpiredDocument: boolean;
}): ("unreadable" | "warnings" | "expired")[] {
  const reasons: ("unreadable" | "warnings" | "expired")[] = [];
  if (!input.fieldsValid) reasons.push("unreadable");
  if (input.blockingWarnings.length > 0) reasons.push("warnings");
  if (input.expired && !input.allowExpiredDocument) reasons.push("expired");
  return reasons;
}
