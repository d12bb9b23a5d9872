import type { InternationalIDPassport, MrzReading } from "./types.ts";

/**
 * YYMMDD → YYYY-MM-DD. Birth dates take the latest century not in the future; expiry dates are 20YY
 * (passports are valid ≤ 10 years, so 19YY expiries are long gone). Unknown parts (`<`) → null.
 */
export function expandDate(
  yymmdd: string | null,
  kind: "birth" | "expiry",
  now: Date = new Date(),
): string | null {
  if (!yymmdd || !/^\d{6}$/.test(yymmdd)) return null;
  const yy = Number(yymmdd.slice(0, 2));
  let year = 2000 + yy;
  if (kind === "birth" && year > now.getUTCFullYear()) year -= 100;
  return `${year}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
}

/** Tencent's InternationalIDPassport struct from an MRZ reading (any format; the MRZ lines go in the codes). */
export function toInternationalIdPassport(reading: MrzReading, now?: Date): InternationalIDPassport | null {
  const f = reading.fields;
  if (!reading.found || !f) return null;
  const fullName = [f.surname, f.givenNames].filter((p) => p.length > 0).join(" ");
  return {
    LicenseNumber: f.documentNumber || null,
    FullName: fullName || null,
    Surname: f.surname || null,
    GivenName: f.givenNames || null,
    Birthday: expandDate(f.birthDate, "birth", now),
    Sex: f.sex === "M" || f.sex === "F" ? f.sex : null,
    DateOfExpiration: expandDate(f.expiryDate, "expiry", now),
    IssuingCountry: f.issuingState || null,
    NationalityCode: f.nationality || null,
    PassportCodeFirst: reading.lines[0] ?? null,
    PassportCodeSecond: reading.lines.slice(1).join("\n") || null,
  };
}
