import { type CardLine, readingOrder, valueForLabel } from "../lines.ts";
import { nricCheckLetter, parseNric } from "../numbers/nric.ts";
import { findPrintedDate, firstPrintedDate } from "../printed-dates.ts";
import type { SingaporeIDCard } from "../types.ts";
import { cleanName, finish, type ParsedCard } from "./result.ts";

/**
 * Singapore NRIC (pink/blue) front: `IDENTITY CARD NO. S1234567D` at the top, then labelled rows Name, Race,
 * Date of birth + Sex, Country/Place of birth; photo on the left. Dates `DD-MM-YYYY`.
 */
const NUMBER = /\b([STFGM])\s?(\d{7})\s?([A-Z0-9])(?![A-Z0-9])/;
/** Letters the recogniser returns as a digit in small print. */
const LETTER_AS_DIGIT: Record<string, string> = {
  "0": "DOQ",
  "1": "IJL",
  "2": "Z",
  "5": "S",
  "6": "G",
  "8": "B",
};

/**
 * The check letter as printed. The letter position never holds a digit, so a digit there is a misread letter: it
 * is taken as the letter the digits call for when that letter is one the digit is confused with (`J` → `1`).
 */
function checkLetter(series: string, digits: string, read: string): string {
  if (!/\d/.test(read)) return read;
  const expected = nricCheckLetter(series, digits);
  return expected && LETTER_AS_DIGIT[read]?.includes(expected) ? expected : read;
}
const LABEL = /^(Name|Race|Date\s*of\s*birth|Sex|Country\s*\/?\s*Place\s*of\s*birth|IDENTITY\s*CARD.*)$/i;

/** The NRIC/FIN printed on the card, preferring one whose check letter holds; `valid` says whether it does. */
export function readNric(lines: readonly CardLine[]): { number: string | null; valid: boolean } {
  let number: string | null = null;
  for (const line of lines) {
    const m = NUMBER.exec(line.text.toUpperCase().replace(/(?<=[STFGM]\s?\d{0,6})O/g, "0"));
    if (!m) continue;
    const candidate = `${m[1]}${m[2]}${checkLetter(m[1]!, m[2]!, m[3]!)}`;
    if (parseNric(candidate)) return { number: candidate, valid: true };
    number ??= candidate;
  }
  return { number, valid: false };
}

export function parseSingaporeId(lines: readonly CardLine[]): ParsedCard {
  const { number, valid: numberValid } = readNric(lines);
  const notLabel = (v: string) => v.length > 1 && !LABEL.test(v);
  const name =
    cleanName(valueForLabel(lines, /^Name\b/i, { accept: notLabel })?.value) ??
    // Label unreadable (moiré, blur): the name is the first all-capitals line under the card number.
    cleanName(
      readingOrder(lines).find(
        (l) =>
          l.y0 > 0.18 && /^[A-Z][A-Z ,'@/-]{3,}$/.test(l.text) && !/REPUBLIC|SINGAPORE|IDENTITY/.test(l.text),
      )?.text,
    );
  const race = valueForLabel(lines, /^Race\b/i, { accept: notLabel })?.value ?? null;
  const birthText = valueForLabel(lines, /Date\s*of\s*birth/i, {
    accept: (v) => findPrintedDate(v) !== null,
  })?.value;
  const birth = (birthText ? findPrintedDate(birthText) : null) ?? firstPrintedDate(lines);
  const sex =
    valueForLabel(lines, /^Sex\b/i, { accept: (v) => /^[MF]\b/.test(v) })?.value.slice(0, 1) ?? null;
  const country =
    valueForLabel(lines, /Country\s*\/?\s*Place\s*of\s*birth/i, { accept: notLabel })?.value ?? null;
  const checks: Record<string, boolean> = { numberCheckLetter: numberValid };
  const card: SingaporeIDCard = {
    ChName: null,
    ChineseName: null,
    EnName: name,
    FullName: name,
    ID: number,
    LicenseNumber: number,
    Sex: sex,
    CountryOfBirth: country,
    Nationality: country,
    Birthday: birth?.iso ?? null,
    Address: null,
    Race: race,
    NRICCode: number,
    PostCode: null,
    DateOfExpiration: null,
    DateOfIssue: null,
  };
  return finish(
    { SingaporeIDCard: card },
    { SingaporeIDCard: card },
    { name, number, birthDate: birth?.iso ?? null },
    checks,
  );
}
