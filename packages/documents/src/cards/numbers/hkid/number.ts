/**
 * Hong Kong identity card number: 1–2 letter prefix, 6 digits, check digit (0–9 or A), printed as `A123456(3)`.
 * Check digit: values A=10…Z=35, a missing second prefix letter counts 36, weights 9…2, check = 11 − sum mod 11
 * (10 → "A", 11 → "0").
 */
export type HkidParseError = "INVALID_FORMAT" | "INVALID_CHECK_DIGIT";

export interface HkidNumber {
  prefix: string;
  numerals: string;
  checkDigit: string;
  withoutCheckDigit: string;
  withoutParentheses: string;
  complete: string;
  masked: string;
}

export type HkidParseResult = { ok: true; value: HkidNumber } | { ok: false; error: HkidParseError };

const BODY = /^([A-Z]{1,2})([0-9]{6})$/;
const FULL = /^([A-Z]{1,2})([0-9]{6})(?:\(([0-9A])\)|([0-9A]))?$/;

function charValue(ch: string): number {
  return ch === " " ? 36 : Number.parseInt(ch, 36);
}

/** Check digit for a body such as `A123456` or `AB123456`; null if the body is malformed. */
export function hkidCheckDigit(body: string): string | null {
  const normalised = body.trim().toUpperCase();
  if (!BODY.test(normalised)) return null;
  const padded = normalised.length === 7 ? ` ${normalised}` : normalised;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += charValue(padded[i]!) * (9 - i);
  const check = 11 - (sum % 11);
  return check === 11 ? "0" : check === 10 ? "A" : String(check);
}

/** Validates a body (no check digit in it) against a separately given check digit. */
export function isValidHkidCheckDigit(body: string, checkDigit: string): boolean {
  const expected = hkidCheckDigit(body);
  return expected !== null && expected === checkDigit.trim().toUpperCase();
}

/** Parses a number with or without its check digit; when the check digit is missing it is computed. */
export function parseHkidNumber(input: string): HkidParseResult {
  const text = input.trim().toUpperCase();
  const match = FULL.exec(text);
  if (!match) return { ok: false, error: "INVALID_FORMAT" };
  const [, prefix, numerals, bracketed, bare] = match as unknown as [
    string,
    string,
    string,
    string?,
    string?,
  ];
  const body = prefix + numerals;
  const expected = hkidCheckDigit(body)!;
  const given = bracketed ?? bare;
  if (given !== undefined && given !== expected) return { ok: false, error: "INVALID_CHECK_DIGIT" };
  return {
    ok: true,
    value: {
      prefix,
      numerals,
      checkDigit: expected,
      withoutCheckDigit: body,
      withoutParentheses: body + expected,
      complete: `${body}(${expected})`,
      masked: `${"*".repeat(prefix.length + 3)}${numerals.slice(3)}(*)`,
    },
  };
}

/** True when the text is a complete number (check digit present, bracketed or not) whose check digit holds. */
export function isValidHkidNumber(input: string): boolean {
  const text = input.trim().toUpperCase();
  const match = FULL.exec(text);
  if (!match || (match[3] ?? match[4]) === undefined) return false;
  return parseHkidNumber(text).ok;
}
