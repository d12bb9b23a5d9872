import { type CardLine, digitsOnly, findPattern, valueForLabel } from "../lines.ts";
import { isValidMyNumber } from "../numbers/east-asia.ts";
import { findPrintedDate } from "../printed-dates.ts";
import type { IndonesiaDrivingLicense, JapanIDCard } from "../types.ts";
import { cleanName, finish, type ParsedCard } from "./result.ts";

/**
 * Cards with thinner public layout knowledge here: label-anchored reading of the fields their fronts print, the
 * number checked where a rule is public (My Number) and structure only elsewhere (SIM). Not measured: no
 * synthetic layout exists for them.
 */
const cjkDate = (text: string | undefined): string | null => {
  const m = text?.match(/(\d{4})\s?年\s?(\d{1,2})\s?月\s?(\d{1,2})\s?日/);
  return m ? `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}` : null;
};

export function parseJapanId(lines: readonly CardLine[]): ParsedCard {
  const numberText = findPattern(lines, /\b(\d{4}\s?\d{4}\s?\d{4})\b/)?.match[1];
  const number = numberText ? digitsOnly(numberText) : null;
  const name = valueForLabel(lines, /氏\s?名/, { below: false })?.value ?? null;
  const birth =
    cjkDate(valueForLabel(lines, /生年月日/, { below: false })?.value) ??
    cjkDate(lines.find((l) => /生/.test(l.text))?.text);
  const card: JapanIDCard = {
    FullName: name,
    LicenseNumber: number,
    Age: null,
    Birthday: birth,
    ExpirationDate: cjkDate(valueForLabel(lines, /有効期限|まで有効/, { below: false })?.value),
    FormattedAddress: valueForLabel(lines, /住\s?所/, { below: false })?.value ?? null,
  };
  const checks: Record<string, boolean> = number ? { myNumberCheckDigit: isValidMyNumber(number) } : {};
  return finish({ JapanIDCard: card }, { JapanIDCard: card }, { name, number, birthDate: birth }, checks);
}

export function parseIndonesiaDrivingLicense(lines: readonly CardLine[]): ParsedCard {
  const numberLine = lines.find((l) => /^\d[\d\s-]{11,17}$/.test(l.text));
  const number = numberLine ? digitsOnly(numberLine.text) : null;
  const name = cleanName(valueForLabel(lines, /^1\.?\s?(Nama)?/i, { below: false })?.value);
  const birthText = valueForLabel(lines, /^2\.?\s?/, { below: false })?.value ?? "";
  const birth = findPrintedDate(birthText)?.iso ?? null;
  const [last, ...rest] = (name ?? "").split(" ").reverse();
  const card: IndonesiaDrivingLicense = {
    LastName: name ? (last ?? null) : null,
    FirstName: name ? rest.reverse().join(" ") || null : null,
    LicenseNumber: number,
    Birthday: birth,
    Address: valueForLabel(lines, /^4\.?\s?/, { below: false })?.value ?? null,
    ExpirationDate: null,
    IssuedDate: null,
    IssuedCountry: "Indonesia",
  };
  return finish(
    { IndonesiaDrivingLicense: card },
    { IndonesiaDrivingLicense: card },
    { name, number, birthDate: birth },
    {
      numberStructure: number !== null && number.length >= 12 && number.length <= 14,
    },
  );
}
