import { states } from "mrz";
import { computeCheckDigit } from "./check-digit.ts";
import {
  checkPasses,
  correctAlphabeticField,
  correctFieldCheck,
  correctNameFillers,
  fieldKind,
  type Grid,
  spanText,
} from "./correct.ts";
import { type CheckSpec, detectFormat, type Layout, type MrzFieldName, type Span } from "./formats.ts";
import type { MrzCheck, MrzCorrection, MrzFields, MrzReading, MrzWarning } from "./types.ts";

export interface ParseOptions {
  /** Apply the provable OCR corrections (default true). Text typed by a person should pass false. */
  readonly correct?: boolean;
  /** When given, an expiry date before it adds a DOCUMENT_EXPIRED warning. */
  readonly now?: Date;
}

/** Parses and validates MRZ lines (TD1, TD2, TD3, MRV-A, MRV-B, French national ID). */
export function parseMrzLines(input: readonly string[], options: ParseOptions = {}): MrzReading {
  const rawLines = input.map((l) => l.replace(/\s+/g, "").toUpperCase()).filter((l) => l.length > 0);
  const layout = detectFormat(rawLines);
  if (!layout) {
    return {
      found: false,
      format: null,
      lines: rawLines,
      rawLines,
      fields: null,
      checks: [],
      valid: false,
      corrections: [],
      warnings: [],
      error: {
        code: "MRZ_FORMAT_UNKNOWN",
        message: `The lines (${rawLines.map((l) => l.length).join("/") || "none"} characters) fit no MRZ layout.`,
      },
    };
  }
  const grid: Grid = rawLines.map((l) => [...l]);
  const warnings: MrzWarning[] = [];
  const corrections: MrzCorrection[] = [];
  const correct = options.correct ?? true;

  if (rawLines.some((l) => /[^A-Z0-9<]/.test(l))) {
    warnings.push({ code: "NON_MRZ_CHARACTER", message: "The MRZ holds characters outside A-Z, 0-9 and <." });
  }
  if (correct) {
    for (const field of layout.fields) {
      if (field.kind === "alphabetic" || field.kind === "name") {
        corrections.push(...correctAlphabeticField(grid, field.span, field.name, field.kind === "name"));
      }
    }
    const name = layout.fields.find((f) => f.name === "name");
    if (name) corrections.push(...correctNameFillers(grid, name.span));
  }

  const checks = effectiveChecks(layout, grid);
  const composite = checks.find((c) => c.name === "composite");
  const checkCorrections: MrzCorrection[] = [];
  if (correct) {
    for (const check of checks) {
      if (check.name === "composite" || checkPasses(grid, check)) continue;
      // Free single substitutions need a second, independent digit (the composite) to confirm them.
      checkCorrections.push(
        ...correctFieldCheck(grid, check, fieldKind(layout, check), composite !== undefined, composite),
      );
    }
    if (composite && !checkPasses(grid, composite)) {
      const compositeFix = correctFieldCheck(grid, composite, "free", false);
      if (compositeFix.length === 0 && checkCorrections.length > 0) {
        // The composite disagrees with the corrected fields: undo them, the read stays as it was.
        for (const c of [...checkCorrections].reverse()) setGrid(grid, c, c.from);
        checkCorrections.length = 0;
      }
      checkCorrections.push(...compositeFix);
    }
  }
  corrections.push(...checkCorrections);
  const nameField = layout.fields.find((f) => f.name === "name");
  if (nameField && hasFillerNoise(spanText(grid, nameField.span))) {
    warnings.push({
      code: "NAME_FILLER_NOISE",
      message: "Characters follow the name's filler run; names have no check digit, verify them.",
    });
  }
  if (corrections.some((c) => c.reason === "filler")) {
    warnings.push({
      code: "FILLER_CORRECTED",
      message: "A K inside the name's filler run was read as <; names have no check digit, verify them.",
    });
  }

  const verdicts: MrzCheck[] = checks.map((check) => verdict(grid, check));
  for (const v of verdicts.filter((c) => !c.valid)) {
    warnings.push({
      code: "CHECK_DIGIT_FAILED",
      message: `The ${v.name.replace("_", " ")} check digit fails.`,
    });
  }
  const lines = grid.map((row) => row.join(""));
  const fields = extractFields(layout, grid, checks);
  const datesValid = validateFields(fields, layout, warnings, options.now);
  const valid = verdicts.every((v) => v.valid) && datesValid && !lines.some((l) => /[^A-Z0-9<]/.test(l));
  return {
    found: true,
    format: layout.format,
    lines,
    rawLines,
    fields,
    checks: verdicts,
    valid,
    corrections,
    warnings,
  };
}

function setGrid(grid: Grid, c: MrzCorrection, value: string) {
  const row = grid[c.line];
  if (row) row[c.position] = value;
}

/**
 * TD1/TD2 document numbers longer than 9 characters: the check position holds `<` and the number continues
 * in the optional data, followed by its check digit (ICAO 9303-5 §4.2.2 note j).
 */
function effectiveChecks(layout: Layout, grid: Grid): CheckSpec[] {
  return layout.checks.map((check) => {
    if (check.name !== "document_number" || (layout.format !== "TD1" && layout.format !== "TD2"))
      return check;
    if (spanText(grid, check.digit) !== "<") return check;
    const optional = layout.fields.find((f) => f.name === "optionalData1");
    if (!optional) return check;
    const rest = spanText(grid, optional.span);
    const extension = /^[A-Z0-9]+/.exec(rest)?.[0] ?? "";
    if (extension.length < 2) return check;
    const line = optional.span.line;
    const start = optional.span.start;
    const digit: Span = { line, start: start + extension.length - 1, end: start + extension.length };
    const extensionSpan: Span = { line, start, end: start + extension.length - 1 };
    const main = check.data[0] as Span;
    const plain: CheckSpec = { ...check, data: [main, extensionSpan], digit };
    const withFiller: CheckSpec = { ...check, data: [main, check.digit, extensionSpan], digit };
    return checkPasses(grid, plain) || !checkPasses(grid, withFiller) ? plain : withFiller;
  });
}

function verdict(grid: Grid, check: CheckSpec): MrzCheck {
  const data = check.data.map((span) => spanText(grid, span)).join("");
  const expected = computeCheckDigit(data);
  return {
    name: check.name,
    valid: checkPasses(grid, check),
    printed: spanText(grid, check.digit),
    expected: Number.isNaN(expected) ? "?" : String(expected),
  };
}

const stripFiller = (value: string) => value.replace(/<+$/, "").replace(/^<+/, "");

function extractFields(layout: Layout, grid: Grid, checks: readonly CheckSpec[]): MrzFields {
  const get = (name: MrzFieldName): string | null => {
    const field = layout.fields.find((f) => f.name === name);
    return field ? spanText(grid, field.span) : null;
  };
  const docCheck = checks.find((c) => c.name === "document_number");
  const documentNumber = docCheck
    ? docCheck.data
        .map((s) => spanText(grid, s))
        .join("")
        .replace(/</g, "")
    : "";
  const [surname, givenNames] = splitName(get("name") ?? "");
  const givenFr = get("givenNamesFr");
  const optional = (name: MrzFieldName) => {
    const v = get(name);
    return v === null ? null : stripFiller(v);
  };
  return {
    documentCode: (get("documentCode") ?? "").replace(/</g, ""),
    issuingState: (get("issuingState") ?? "").replace(/</g, ""),
    documentNumber,
    surname,
    givenNames: givenFr !== null ? splitName(`<<${givenFr}`)[1] : givenNames,
    nationality: optional("nationality"),
    birthDate: get("birthDate") ?? "",
    sex: get("sex") ?? "",
    expiryDate: get("expiryDate"),
    personalNumber: optional("personalNumber"),
    optionalData1: optional("optionalData1"),
    optionalData2: optional("optionalData2"),
  };
}

/**
 * A name field ends in fillers, and inside a name at most two `<` stand together (ICAO 9303-3 §4.6: `<<`
 * separates the primary from the secondary identifier, `<` the parts). Characters after a run of three or
 * more `<` are OCR noise in the filler tail (`<` misread as `K`, `R`, ...), not a name part.
 */
export function hasFillerNoise(nameField: string): boolean {
  return /<{3,}[^<]/.test(nameField);
}

/** Primary identifier before the first `<<`, secondary after; single `<` separate name parts. */
export function splitName(field: string): [string, string] {
  const trimmed = field.replace(/<+$/, "");
  const cut = trimmed.indexOf("<<");
  const clean = (s: string) => s.replace(/<+/g, " ").trim();
  if (cut < 0) return [clean(trimmed), ""];
  return [clean(trimmed.slice(0, cut)), clean(trimmed.slice(cut + 2))];
}

function validateFields(fields: MrzFields, layout: Layout, warnings: MrzWarning[], now?: Date): boolean {
  let ok = true;
  for (const [label, value] of [
    ["birth", fields.birthDate],
    ["expiry", fields.expiryDate],
  ] as const) {
    if (value === null || isPlausibleDate(value)) continue;
    ok = false;
    warnings.push({ code: "INVALID_DATE", message: `The ${label} date ${value} is not a calendar date.` });
  }
  if (!/^[MFX<]$/.test(fields.sex)) {
    warnings.push({ code: "INVALID_SEX", message: `The sex field holds ${JSON.stringify(fields.sex)}.` });
  }
  for (const [label, value] of [
    ["issuing state", fields.issuingState],
    ["nationality", fields.nationality],
  ] as const) {
    if (value === null) continue;
    if (/^[A-Z]{1,3}$/.test(value)) {
      if (!isKnownState(value)) {
        // Every issued document carries a registered code, and no check digit covers these fields: an unknown
        // code is a misread (or a forgery), so the reading is not valid — as the mrz package also rules.
        ok = false;
        warnings.push({
          code: "UNKNOWN_COUNTRY_CODE",
          message: `The ${label} code ${value} is not an ICAO 9303 code.`,
        });
      }
      continue;
    }
    warnings.push({
      code: "INVALID_COUNTRY_CODE",
      message: `The ${label} code ${JSON.stringify(value)} is not alphabetic.`,
    });
  }
  if (
    now &&
    fields.expiryDate &&
    /^\d{6}$/.test(fields.expiryDate) &&
    layout.format !== "FRENCH_NATIONAL_ID"
  ) {
    const expiry = Date.UTC(
      2000 + Number(fields.expiryDate.slice(0, 2)),
      Number(fields.expiryDate.slice(2, 4)) - 1,
      Number(fields.expiryDate.slice(4, 6)),
    );
    if (expiry < now.getTime())
      warnings.push({ code: "DOCUMENT_EXPIRED", message: "The document has expired." });
  }
  return ok;
}

/** YYMMDD with `<` allowed for unknown parts (ICAO 9303-3 §4.6); the year's century is unknown. */
function isPlausibleDate(value: string): boolean {
  if (!/^[0-9<]{6}$/.test(value)) return false;
  const month = value.slice(2, 4);
  const day = value.slice(4, 6);
  if (month !== "<<" && (Number.isNaN(Number(month)) || Number(month) < 1 || Number(month) > 12))
    return false;
  if (day !== "<<" && (Number.isNaN(Number(day)) || Number(day) < 1 || Number(day) > 31)) return false;
  if (month === "<<" || day === "<<" || value.slice(0, 2).includes("<")) return true;
  const yy = Number(value.slice(0, 2));
  // Feb 29 exists in either century when yy is divisible by 4 (00 → 2000 is leap).
  const days = new Date(Date.UTC(yy % 4 === 0 ? 2000 : 2001, Number(month), 0)).getUTCDate();
  return Number(day) <= days;
}

/** ICAO 9303-3 codes (as the `mrz` package lists them) plus UTO, ICAO's fictional specimen state. */
function isKnownState(code: string): boolean {
  return code === "UTO" || code in states;
}
