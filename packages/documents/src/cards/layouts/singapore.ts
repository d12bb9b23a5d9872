import { type CardLine, readingOrder, valueForLabel } from "../lines.ts";
import { parseNric } from "../numbers/nric.ts";
import { findPrintedDate, firstPrintedDate } from "../printed-dates.ts";
import type { SingaporeIDCard } from "../types.ts";
import { cleanName, finish, type ParsedCard } from "./result.ts";

/**
 * Singapore NRIC (pink/blue) front: `IDENTITY CARD NO. S1234567D` at the top, then labelled rows Name, Race,
 * Date of birth + Sex, Country/Place of birth; photo on the left. Dates `DD-MM-YYYY`.
 */
const NUMBER = /\b([STFGM])\s?(\d{7})\s?([A-Z])\b/;
const LABEL = /^(Name|Race|Date\s*of\s*birth|Sex|Country\s*\/?\s*Place\s*of\s*birth|IDENTITY\s*CARD.*)$/i;

export function parseSingaporeId(lines: readonly CardLine[]): ParsedCard {
  let number: string | null = null;
  let numberValid = false;
  for (const line of lines) {
    const m = NUMBER.exec(line.text.toUpperCase().replace(/(?<=[STFGM]\s?\d{0,6})O/g, "0"));
    if (!m) continue;
    const candidate = `${m[1]}${m[2]}${m[3]}`;
    if (parseNric(candidate)) {
      number = candidate;
      numberValid = true;
      break;
    }
    number ??= candidate;
  }
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
