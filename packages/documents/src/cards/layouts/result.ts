import type { CardInfo, NormalCardInfo } from "../types.ts";

/** What a layout parser gives back for one card side. */
export interface ParsedCard {
  normal: NormalCardInfo;
  legacy: CardInfo;
  /**
   * Named rule checks on the fields read (number check digit, birth date agreeing with the number, …).
   * `fieldsValid` is true when every check holds and the key fields were found.
   */
  checks: Record<string, boolean>;
  fieldsValid: boolean;
  /** The key fields used for scoring and for the pass decision: name, number, birth date (ISO). */
  key: { name: string | null; number: string | null; birthDate: string | null };
  /**
   * False for a side that prints no document number (the My Number card front: the individual number is on the
   * back only): the name and birth date are then the key fields, and a null number is not a miss.
   */
  numberPrinted?: false;
}

export function finish(
  normal: NormalCardInfo,
  legacy: CardInfo,
  key: ParsedCard["key"],
  checks: Record<string, boolean>,
  options: { numberPrinted?: false } = {},
): ParsedCard {
  const identified = options.numberPrinted === false ? key.birthDate !== null : key.number !== null;
  const fieldsValid = key.name !== null && identified && Object.values(checks).every(Boolean);
  return { normal, legacy, key, checks, fieldsValid, ...options };
}

/** Uppercase Latin name cleanup: OCR digits-for-letters inside names, stray punctuation, spacing. */
export function cleanName(text: string | null | undefined): string | null {
  if (!text) return null;
  const cleaned = text
    .replace(/0/g, "O")
    .replace(/[^A-Za-z ,.'@/-]/g, "")
    .replace(/\s+/g, " ")
    .replace(/^[\s,.-]+|[\s,.-]+$/g, "");
  return cleaned.length >= 2 ? cleaned : null;
}
