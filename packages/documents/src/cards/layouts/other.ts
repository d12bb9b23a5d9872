import { type CardLine, digitsOnly, findPattern, valueForLabel } from "../lines.ts";
import { isValidMyNumber } from "../numbers/east-asia.ts";
import type { JapanIDCard } from "../types.ts";
import { finish, type ParsedCard } from "./result.ts";

/**
 * Cards with thinner public layout knowledge here: label-anchored reading of the fields their fronts print, the
 * number checked where a rule is public (My Number). Not measured: no synthetic layout exists for them. (The
 * Indonesian SIM, once here, has its own layout file: indonesia-licence.ts.)
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
