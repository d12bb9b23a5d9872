import { type DocumentResult, documentEvidenceNames } from "@openekyc/core";
import type { DocumentPolicy } from "./policy.ts";

/**
 * Evidence of two-sided documents besides the photos and cuts: each side's own reading as JSON, so that a
 * retaken back is read and merged with the front again without reading the front twice.
 */
export const sideEvidence = {
  frontRead: "frontRead",
  backRead: "backRead",
} as const;

/** The front's reading as stored for the merge with a back. */
export interface FrontReading {
  readonly normalCardInfo: Record<string, unknown>;
  readonly cardInfo: Record<string, unknown>;
  readonly checks: Readonly<Record<string, boolean>>;
  readonly fieldsValid: boolean;
  readonly warnings: readonly number[];
}

/** Each back photo has its own key, and its reading and cut are named after it: a retake never looks read. */
export const backReadKey = (backKey: string) => `${backKey}-read.json`;
export const backCutKey = (backKey: string) => `${backKey}-cut`;

/** A back photo is stored that has not been read yet (a two-sided type's attempt). */
export function unreadBack(result: DocumentResult, policy: DocumentPolicy): boolean {
  const back = result.evidence[documentEvidenceNames.back];
  return (
    policy.sides.includes("back") &&
    back !== undefined &&
    result.evidence[sideEvidence.backRead] !== backReadKey(back)
  );
}
