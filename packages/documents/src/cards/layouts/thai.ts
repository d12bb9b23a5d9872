import { type CardLine, digitsOnly, readingOrder, spacedLabel, valueForLabel } from "../lines.ts";
import { formatThaiId, isValidThaiId } from "../numbers/thai.ts";
import { findPrintedDate, firstPrintedDate } from "../printed-dates.ts";
import type { NormalThailandIDCard, ThailandIDCard } from "../types.ts";
import { cleanName, finish, type ParsedCard } from "./result.ts";

/**
 * Thai national ID card (smart card), front. Identification number `1 2345 67890 12 3` at the top; Thai name, then
 * English `Name Mr. First` and `Last name Family`; `Date of Birth 12 Jan. 1985`; issue and expiry dates at the
 * bottom with English labels under Thai-era dates. Thai-script fields need a Thai recogniser, which the PP-OCR
 * Chinese model is not, so they stay null.
 */
/** The 13-digit identification number printed anywhere on the card, preferring one whose check digit holds. */
export function readThaiIdNumber(lines: readonly CardLine[]): string | null {
  let fallback: string | null = null;
  for (const line of readingOrder(lines)) {
    const m = /(\d[\d\s-]{11,20}\d)/.exec(line.text.replace(/[OISB]/g, (c) => digitsOnly(c)));
    if (!m) continue;
    const digits = digitsOnly(m[1]!);
    if (digits.length !== 13) continue;
    if (isValidThaiId(digits)) return formatThaiId(digits);
    fallback ??= formatThaiId(digits);
  }
  return fallback;
}

function dateNear(lines: readonly CardLine[], label: RegExp): { raw: string; iso: string } | null {
  const same = valueForLabel(lines, label, { below: false, accept: (v) => findPrintedDate(v) !== null });
  if (same) return findPrintedDate(same.value);
  // Bottom dates are printed above their label.
  const labelLine = lines.find((l) => label.test(l.text));
  if (!labelLine) return null;
  const h = labelLine.y1 - labelLine.y0;
  const above = lines
    .filter((l) => l.y1 <= labelLine.y0 + h * 0.3 && labelLine.y0 - l.y1 < h * 2.5)
    .filter((l) => l.x1 > labelLine.x0 - h * 2 && l.x0 < labelLine.x1 + h * 2)
    .map((l) => findPrintedDate(l.text))
    .find((d) => d !== null);
  return above ?? null;
}

export function parseThaiId(lines: readonly CardLine[]): ParsedCard {
  const number = readThaiIdNumber(lines);
  const firstRaw = valueForLabel(lines, /^Name(?=\s|:|Mr|Mrs|Miss|Ms)/i, { below: false })?.value ?? null;
  const first = cleanName(firstRaw?.replace(/^(Mrs|Mr|Miss|Ms)\.?\s*/i, ""));
  const title = firstRaw?.match(/^(Mrs|Mr|Miss|Ms)\.?/i)?.[0] ?? null;
  const last = cleanName(valueForLabel(lines, spacedLabel("Last name"), { below: false })?.value);
  const birth =
    dateNear(lines, spacedLabel("Date of Birth")) ?? firstPrintedDate(lines.filter((l) => l.y0 < 0.75));
  const issue = dateNear(lines, /Date\s*of\s*[Il1]ssue/i);
  const expiry = dateNear(lines, spacedLabel("Date of Expiry"));
  const fullName = [title, first, last].filter(Boolean).join(" ") || null;
  const checks: Record<string, boolean> = { numberCheckDigit: number !== null && isValidThaiId(number) };
  const legacy: ThailandIDCard = {
    LastName: last,
    FirstName: first,
    LicenseNumber: number,
    DateOfBirth: birth?.iso ?? null,
    DateOfExpiry: expiry?.iso ?? null,
    DateOfIssue: issue?.iso ?? null,
    IssuedCountry: "Thailand",
  };
  const normal: NormalThailandIDCard = {
    LicenseNumber: number,
    FullName: fullName,
    LastName: last,
    FirstName: first,
    Birthday: birth?.iso ?? null,
    FormattedAddress: null,
    ExpirationDate: expiry?.iso ?? null,
    IssuedDate: issue?.iso ?? null,
    RegistrationNumber: null,
    Religion: null,
    ThaiBirthday: null,
    ThaiExpirationDate: null,
    ThaiIssueDate: null,
  };
  const name = first && last ? `${first} ${last}` : null;
  return finish(
    { ThailandIDCard: normal },
    { ThailandIDCard: legacy },
    { name, number, birthDate: birth?.iso ?? null },
    checks,
  );
}
