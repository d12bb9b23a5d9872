/** MRZ layouts (ICAO 9303 parts 4-7, plus the French national ID card's 2×36 national layout). */

export type MrzFormat = "TD1" | "TD2" | "TD3" | "MRV-A" | "MRV-B" | "FRENCH_NATIONAL_ID";

/** Position of a run of characters: line index, start, exclusive end. */
export interface Span {
  readonly line: number;
  readonly start: number;
  readonly end: number;
}

/** How a field's characters may legitimately look; drives which OCR confusions the corrector considers. */
export type FieldKind = "numeric" | "alphanumeric" | "alphabetic" | "name" | "sex" | "free";

export interface FieldSpec {
  readonly name: MrzFieldName;
  readonly span: Span;
  readonly kind: FieldKind;
}

export type MrzFieldName =
  | "documentCode"
  | "issuingState"
  | "documentNumber"
  | "optionalData1"
  | "birthDate"
  | "sex"
  | "expiryDate"
  | "nationality"
  | "optionalData2"
  | "personalNumber"
  | "name"
  | "givenNamesFr"
  | "administrativeCode";

export type CheckName = "document_number" | "birth_date" | "expiry_date" | "personal_number" | "composite";

export interface CheckSpec {
  readonly name: CheckName;
  /** Data the digit covers, concatenated in order. */
  readonly data: readonly Span[];
  readonly digit: Span;
  /** Field protected by this digit (composite digits protect no single field and never drive corrections). */
  readonly field?: MrzFieldName;
}

export interface Layout {
  readonly format: MrzFormat;
  readonly lineLength: number;
  readonly lineCount: number;
  readonly fields: readonly FieldSpec[];
  readonly checks: readonly CheckSpec[];
}

const s = (line: number, start: number, end: number): Span => ({ line, start, end });
const f = (name: MrzFieldName, line: number, start: number, end: number, kind: FieldKind): FieldSpec => ({
  name,
  span: s(line, start, end),
  kind,
});

const TD1: Layout = {
  format: "TD1",
  lineLength: 30,
  lineCount: 3,
  fields: [
    f("documentCode", 0, 0, 2, "alphabetic"),
    f("issuingState", 0, 2, 5, "alphabetic"),
    f("documentNumber", 0, 5, 14, "alphanumeric"),
    f("optionalData1", 0, 15, 30, "free"),
    f("birthDate", 1, 0, 6, "numeric"),
    f("sex", 1, 7, 8, "sex"),
    f("expiryDate", 1, 8, 14, "numeric"),
    f("nationality", 1, 15, 18, "alphabetic"),
    f("optionalData2", 1, 18, 29, "free"),
    f("name", 2, 0, 30, "name"),
  ],
  checks: [
    { name: "document_number", data: [s(0, 5, 14)], digit: s(0, 14, 15), field: "documentNumber" },
    { name: "birth_date", data: [s(1, 0, 6)], digit: s(1, 6, 7), field: "birthDate" },
    { name: "expiry_date", data: [s(1, 8, 14)], digit: s(1, 14, 15), field: "expiryDate" },
    { name: "composite", data: [s(0, 5, 30), s(1, 0, 7), s(1, 8, 15), s(1, 18, 29)], digit: s(1, 29, 30) },
  ],
};

/** TD2 and TD3 share line 2 up to the expiry check digit; they differ in width and the optional part. */
function twoLine(format: "TD2" | "TD3" | "MRV-A" | "MRV-B", width: 36 | 44): Layout {
  const visa = format === "MRV-A" || format === "MRV-B";
  const fields: FieldSpec[] = [
    f("documentCode", 0, 0, 2, "alphabetic"),
    f("issuingState", 0, 2, 5, "alphabetic"),
    f("name", 0, 5, width, "name"),
    f("documentNumber", 1, 0, 9, "alphanumeric"),
    f("nationality", 1, 10, 13, "alphabetic"),
    f("birthDate", 1, 13, 19, "numeric"),
    f("sex", 1, 20, 21, "sex"),
    f("expiryDate", 1, 21, 27, "numeric"),
  ];
  const checks: CheckSpec[] = [
    { name: "document_number", data: [s(1, 0, 9)], digit: s(1, 9, 10), field: "documentNumber" },
    { name: "birth_date", data: [s(1, 13, 19)], digit: s(1, 19, 20), field: "birthDate" },
    { name: "expiry_date", data: [s(1, 21, 27)], digit: s(1, 27, 28), field: "expiryDate" },
  ];
  if (visa) {
    fields.push(f("optionalData1", 1, 28, width, "free"));
  } else if (format === "TD3") {
    fields.push(f("personalNumber", 1, 28, 42, "alphanumeric"));
    checks.push({
      name: "personal_number",
      data: [s(1, 28, 42)],
      digit: s(1, 42, 43),
      field: "personalNumber",
    });
    checks.push({ name: "composite", data: [s(1, 0, 10), s(1, 13, 20), s(1, 21, 43)], digit: s(1, 43, 44) });
  } else {
    fields.push(f("optionalData1", 1, 28, 35, "free"));
    checks.push({ name: "composite", data: [s(1, 0, 10), s(1, 13, 20), s(1, 21, 35)], digit: s(1, 35, 36) });
  }
  return { format, lineLength: width, lineCount: 2, fields, checks };
}

/** French national ID (1988-2021 card): national layout, documented by ANTS; not ICAO. */
const FRENCH_ID: Layout = {
  format: "FRENCH_NATIONAL_ID",
  lineLength: 36,
  lineCount: 2,
  fields: [
    f("documentCode", 0, 0, 2, "alphabetic"),
    f("issuingState", 0, 2, 5, "alphabetic"),
    f("name", 0, 5, 30, "name"),
    f("administrativeCode", 0, 30, 36, "free"),
    f("documentNumber", 1, 0, 12, "alphanumeric"),
    f("givenNamesFr", 1, 13, 27, "name"),
    f("birthDate", 1, 27, 33, "numeric"),
    f("sex", 1, 34, 35, "sex"),
  ],
  checks: [
    { name: "document_number", data: [s(1, 0, 12)], digit: s(1, 12, 13), field: "documentNumber" },
    { name: "birth_date", data: [s(1, 27, 33)], digit: s(1, 33, 34), field: "birthDate" },
    { name: "composite", data: [s(0, 0, 36), s(1, 0, 35)], digit: s(1, 35, 36) },
  ],
};

export const LAYOUTS: Record<MrzFormat, Layout> = {
  TD1,
  TD2: twoLine("TD2", 36),
  TD3: twoLine("TD3", 44),
  "MRV-A": twoLine("MRV-A", 44),
  "MRV-B": twoLine("MRV-B", 36),
  FRENCH_NATIONAL_ID: FRENCH_ID,
};

/** Picks the layout from line count, width and document code; null when the lines fit none. */
export function detectFormat(lines: readonly string[]): Layout | null {
  const widths = new Set(lines.map((l) => l.length));
  if (widths.size !== 1) return null;
  const width = lines[0]?.length ?? 0;
  const first = lines[0] ?? "";
  if (lines.length === 3 && width === 30) return LAYOUTS.TD1;
  if (lines.length !== 2) return null;
  const visa = first.startsWith("V");
  if (width === 44) return visa ? LAYOUTS["MRV-A"] : LAYOUTS.TD3;
  if (width === 36) {
    if (visa) return LAYOUTS["MRV-B"];
    if (first.startsWith("IDFRA")) return LAYOUTS.FRENCH_NATIONAL_ID;
    return LAYOUTS.TD2;
  }
  return null;
}

export function readSpan(lines: readonly string[], span: Span): string {
  return (lines[span.line] ?? "").slice(span.start, span.end);
}
