import type { DocumentResult } from "@openekyc/core";
import { editableText } from "./edits.ts";
import type { DocumentPolicy } from "./policy.ts";
import { blockingReasons } from "./policy.ts";

/** What the page and the SDK see of one document attempt: no images, no internal checks. */
export interface DocumentView {
  readonly id: string;
  readonly status: DocumentResult["status"];
  readonly idCardType: string;
  readonly sides: { readonly front: boolean; readonly back: boolean };
  /** The read (or, once confirmed, the confirmed) fields of the document struct, in struct order. */
  readonly fields: Readonly<Record<string, string | null>>;
  readonly warnings: readonly number[];
  readonly blockingWarnings: readonly number[];
  readonly expired: boolean;
  readonly fieldsValid: boolean;
  /** Whether the attempt passes as read; final once confirmed. */
  readonly isPass: boolean;
  readonly reasons: readonly ("unreadable" | "warnings" | "expired")[];
  readonly isEdit: boolean;
  readonly failure: string | null;
}

/**
 * The first (only) struct of a NormalCardInfo container (e.g. NormalCardInfo.HKIDCard) as the page's text fields;
 * a nested Address (GeneralCard) shows as its FormattedAddress, which is also what the page may edit.
 */
export function cardStruct(
  container: Readonly<Record<string, unknown>> | null,
): Record<string, string | null> {
  const struct = Object.values(container ?? {})[0];
  if (!struct || typeof struct !== "object") return {};
  return Object.fromEntries(
    Object.entries(struct as Record<string, unknown>).map(([key, value]) => [
      key,
      editableText(value) ?? null,
    ]),
  );
}

export function documentView(result: DocumentResult, policy: DocumentPolicy): DocumentView {
  const reasons =
    result.status === "read" || result.status === "confirmed"
      ? blockingReasons({ ...result, allowExpiredDocument: policy.allowExpiredDocument })
      : [];
  return {
    id: result.id,
    status: result.status,
    idCardType: result.idCardType,
    sides: { front: Boolean(result.evidence.front), back: Boolean(result.evidence.back) },
    fields: cardStruct(result.normalCardInfo),
    warnings: result.warnings,
    blockingWarnings: result.blockingWarnings,
    expired: result.expired,
    fieldsValid: result.fieldsValid,
    isPass: result.isPass,
    reasons,
    isEdit: result.isEdit,
    failure: result.failure,
  };
}
