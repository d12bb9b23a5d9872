import { checkDigitMatches } from "./check-digit.ts";
import { type CheckSpec, type FieldKind, type Layout, readSpan, type Span } from "./formats.ts";
import type { MrzCorrection } from "./types.ts";

/** OCR-B look-alikes: a letter read where only a digit may stand, and back. */
const LETTER_TO_DIGIT: Record<string, string> = {
  O: "0",
  Q: "0",
  D: "0",
  I: "1",
  L: "1",
  Z: "2",
  S: "5",
  G: "6",
  B: "8",
};
const DIGIT_TO_LETTER: Record<string, string> = {
  "0": "O",
  "1": "I",
  "2": "Z",
  "5": "S",
  "6": "G",
  "8": "B",
};

/** Mutable MRZ text: one character array per line. */
export type Grid = string[][];

export function setChar(grid: Grid, line: number, position: number, to: string): void {
  const row = grid[line];
  if (row) row[position] = to;
}

const text = (grid: Grid): string[] => grid.map((row) => row.join(""));

export function spanText(grid: Grid, span: Span): string {
  return readSpan(text(grid), span);
}

export function checkPasses(grid: Grid, check: CheckSpec): boolean {
  const lines = text(grid);
  const data = check.data.map((span) => readSpan(lines, span)).join("");
  return checkDigitMatches(data, readSpan(lines, check.digit));
}

/**
 * Alphabetic fields (document code, states) that mix letters with digits: the digits are OCR look-alikes.
 * An all-digit code is left alone (some national cards print numeric codes) and only warned about.
 * Name fields (`lettersOnly`) never hold digits, so any digit there is a look-alike.
 */
export function correctAlphabeticField(
  grid: Grid,
  span: Span,
  field: string,
  lettersOnly = false,
): MrzCorrection[] {
  const value = spanText(grid, span);
  if (!/[0-9]/.test(value) || (!lettersOnly && !/[A-Z]/.test(value))) return [];
  const out: MrzCorrection[] = [];
  for (let i = span.start; i < span.end; i++) {
    const from = grid[span.line]?.[i] ?? "";
    const to = DIGIT_TO_LETTER[from];
    if (!to) continue;
    setChar(grid, span.line, i, to);
    out.push({ line: span.line, position: i, from, to, field, reason: "format" });
  }
  return out;
}

/** Positions a check digit covers for one field, plus the digit itself. */
function candidatePositions(check: CheckSpec): { line: number; position: number; isDigit: boolean }[] {
  const out: { line: number; position: number; isDigit: boolean }[] = [];
  for (const span of check.data)
    for (let i = span.start; i < span.end; i++) out.push({ line: span.line, position: i, isDigit: false });
  out.push({ line: check.digit.line, position: check.digit.start, isDigit: true });
  return out;
}

/**
 * Tries to make a failing field check digit pass with OCR look-alike substitutions only:
 * 1. numeric fields (dates) and the check character cannot hold letters: map every letter to its digit;
 * 2. otherwise exactly one single look-alike substitution must make the digit pass (several → the one the
 *    composite `confirm` digit also accepts; still ambiguous → no change).
 * Returns the substitutions applied, or [] (grid untouched) when nothing provably fixes the digit.
 */
export function correctFieldCheck(
  grid: Grid,
  check: CheckSpec,
  kind: FieldKind,
  allowSingle: boolean,
  confirm?: CheckSpec,
): MrzCorrection[] {
  const field = check.field ?? check.name;
  const positions = candidatePositions(check);
  const forced: MrzCorrection[] = [];
  for (const p of positions) {
    const from = grid[p.line]?.[p.position] ?? "";
    const mustBeDigit = p.isDigit ? from !== "<" : kind === "numeric";
    const to = mustBeDigit ? LETTER_TO_DIGIT[from] : undefined;
    if (to) forced.push({ line: p.line, position: p.position, from, to, field, reason: "check-digit" });
  }
  for (const c of forced) setChar(grid, c.line, c.position, c.to);
  if (checkPasses(grid, check)) return forced;
  if (!allowSingle) {
    for (const c of forced) setChar(grid, c.line, c.position, c.from);
    return [];
  }
  const passing: MrzCorrection[] = [];
  for (const p of positions) {
    const from = grid[p.line]?.[p.position] ?? "";
    const options: string[] = [];
    const asDigit = LETTER_TO_DIGIT[from];
    const asLetter = DIGIT_TO_LETTER[from];
    if (asDigit) options.push(asDigit);
    if (asLetter && !p.isDigit && kind === "alphanumeric") options.push(asLetter);
    for (const to of options) {
      setChar(grid, p.line, p.position, to);
      if (checkPasses(grid, check))
        passing.push({ line: p.line, position: p.position, from, to, field, reason: "check-digit" });
      setChar(grid, p.line, p.position, from);
    }
  }
  // Several look-alikes fit the field's digit: the composite digit, when there is one, may single one out.
  const confirmed =
    passing.length > 1 && confirm
      ? passing.filter((c) => {
          setChar(grid, c.line, c.position, c.to);
          const ok = checkPasses(grid, confirm);
          setChar(grid, c.line, c.position, c.from);
          return ok;
        })
      : passing;
  const [only] = confirmed;
  if (confirmed.length === 1 && only) {
    setChar(grid, only.line, only.position, only.to);
    return [...forced, only];
  }
  for (const c of forced) setChar(grid, c.line, c.position, c.from);
  return [];
}

/**
 * `<` in OCR-B is often read as `K`. In the name field a `K` standing alone between fillers, after the
 * last real name part, is a filler: names have no check digit, so this is flagged, never silent.
 */
export function correctNameFillers(grid: Grid, span: Span): MrzCorrection[] {
  const row = grid[span.line];
  if (!row) return [];
  const out: MrzCorrection[] = [];
  for (let i = span.start + 1; i < span.end; i++) {
    if (row[i] !== "K" || row[i - 1] !== "<") continue;
    const next = i + 1 < span.end ? row[i + 1] : "<";
    // Only inside the trailing filler: nothing but `<`/`K` may follow.
    const rest = row.slice(i + 1, span.end).join("");
    const inFillerRun = row[i - 2] === "<" || rest.includes("<<");
    if (next !== "<" || !/^[<K]*$/.test(rest) || !inFillerRun) continue;
    row[i] = "<";
    out.push({ line: span.line, position: i, from: "K", to: "<", field: "name", reason: "filler" });
  }
  return out;
}

export function fieldKind(layout: Layout, check: CheckSpec): FieldKind {
  return layout.fields.find((f) => f.name === check.field)?.kind ?? "free";
}
