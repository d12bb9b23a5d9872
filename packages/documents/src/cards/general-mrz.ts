import { toInternationalIdPassport } from "../mrz/passport.ts";
import type { MrzImageReading } from "../mrz/read.ts";
import { generalCard } from "./layouts/general-card.ts";
import type { ParsedCard } from "./layouts/result.ts";

/**
 * "GeneralCard" means any identity document. When the photo shows a machine-readable zone (TD1, TD2, TD3, MRV-A,
 * MRV-B), the MRZ is the document's source of truth, as for InternationalIDPassport: the same reader, the same
 * check digits, the same cross-check of the MRZ name against the printed one. Its fields go into the GeneralCard
 * struct; the MRZ lines go into PassportCodeFirst / PassportCodeSecond the way InternationalIDPassport carries them
 * (reference §6.7: "the two MRZ lines"; a TD1's second and third lines share PassportCodeSecond, one per line).
 */
export function generalCardFromMrz(mrz: MrzImageReading, now: Date): ParsedCard | null {
  const passport = toInternationalIdPassport(mrz, now);
  const fields = mrz.fields;
  if (!passport || !fields) return null;
  const card = generalCard({
    LicenseNumber: passport.LicenseNumber,
    // Only the TD3 field ICAO 9303 names "personal number" is one; TD1/TD2 optional data is whatever the issuing
    // state puts there (often a second document number), so it is not reported as a personal number.
    PersonalNumber: mrz.format === "TD3" ? fields.personalNumber || null : null,
    PassportCodeFirst: passport.PassportCodeFirst,
    PassportCodeSecond: passport.PassportCodeSecond,
    ExpirationDate: passport.DateOfExpiration,
    IssuedCountry: passport.IssuingCountry,
    FullName: passport.FullName,
    FirstName: passport.GivenName,
    LastName: passport.Surname,
    Sex: passport.Sex,
    Birthday: passport.Birthday,
    Nationality: passport.NationalityCode,
  });
  const checks: Record<string, boolean> = { mrzCheckDigits: mrz.valid };
  // A printed name that does not carry the MRZ name is a sign of an altered page. Only where both stand on the
  // same side: a passport or visa page (TD3, TD2, MRV). A TD1 card prints its MRZ on the back and the name on the
  // front, so the back's other text never carries the name; a page with no text besides the MRZ cannot be compared.
  if (mrz.format !== "TD1" && mrz.nameCheck.status !== "unchecked")
    checks.mrzNameInViz = mrz.nameCheck.status === "match";
  const key = { name: card.FullName, number: card.LicenseNumber, birthDate: card.Birthday };
  const fieldsValid = key.name !== null && key.number !== null && Object.values(checks).every(Boolean);
  return { normal: { GeneralCard: card }, legacy: { GeneralCard: card }, key, checks, fieldsValid };
}
