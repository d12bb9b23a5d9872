import { type CardLine, digitsOnly, valueForLabel } from "../lines.ts";
import { findPrintedDate } from "../printed-dates.ts";
import type { IndonesiaDrivingLicense } from "../types.ts";
import { cleanName, finish, type ParsedCard } from "./result.ts";

/**
 * Indonesian driving licence (SIM): label-anchored reading of the fields its front prints, the number checked for
 * structure only. Not measured: no synthetic layout exists for it.
 */
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
