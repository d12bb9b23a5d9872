/** ICAO 9303 part 3 §4.9 check digits: weights 7-3-1 over character values (0-9, A=10 … Z=35, < = 0). */

const WEIGHTS = [7, 3, 1] as const;

export function charValue(ch: string): number {
  const code = ch.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 90) return code - 55;
  if (ch === "<") return 0;
  // Not an MRZ character (e.g. Ñ): no valid value, so the digit cannot validate.
  return Number.NaN;
}

/** The check digit of `data`, or NaN when it contains a character outside the MRZ alphabet. */
export function computeCheckDigit(data: string): number {
  let sum = 0;
  for (let i = 0; i < data.length; i++) sum += charValue(data[i] as string) * (WEIGHTS[i % 3] as number);
  return sum % 10;
}

/**
 * Whether the printed check character matches. A `<` check character counts as 0 only when the field is
 * entirely filler (ICAO allows that for an empty optional/personal-number field).
 */
export function checkDigitMatches(data: string, printed: string): boolean {
  const expected = computeCheckDigit(data);
  if (Number.isNaN(expected)) return false;
  if (printed === "<") return /^<*$/.test(data) && expected === 0;
  return /^[0-9]$/.test(printed) && Number(printed) === expected;
}
