import type { MrzFields } from "../../mrz/types.ts";
import { mrzCheckDigitsHold, mrzDate, readCardMrz } from "../card-mrz.ts";
import { labelSource } from "../cjk-labels.ts";
import { type CardLine, digitsOnly, readingOrder } from "../lines.ts";
import { birthDateFromTwoDigitYear, isoDate, isRealDate } from "../numbers/dates.ts";
import { isWellFormedMacaoId, macaoValidityYears } from "../numbers/east-asia.ts";
import { ageOn } from "../numbers/hkid/symbols.ts";
import type { MacaoIDCard } from "../types.ts";
import { readMacaoDates, readMacaoNames, readMacaoSex } from "./macao-fields.ts";
import { finish, type ParsedCard } from "./result.ts";

/**
 * Macao resident identity card (BIR, 澳門居民身份證), front of the contactless card (2013 design, re-issued 2023).
 * Chinese/Portuguese labels; since 2013 the surname and the given names are printed in two separate fields (no
 * longer `LAST, FIRST`), each in Chinese and Latin letters; 出生日期 Data de nascimento, 性別 Sexo (M or F),
 * 簽發日期 Data de emissão, 有效期至 Válido até (`------` for a card without expiry), the number `1234567(8)`;
 * photo on the left. Administrative Regulation 41/2023 adds an ICAO machine-readable zone to the front; where it
 * is read, its fields are cross-checked with the printed ones and its first two lines go to Field1/Field2.
 */
const NUMBER = /([157][0-9OIlSBZG]{6})\s?[(（]\s?([0-9OIlSB])\s?[)）]/;
const DMY = /^\d{2}-\d{2}-\d{4}$/;
const squash = (name: string) => name.replace(/[^A-Z]/g, "");

function readNumber(lines: readonly CardLine[]): string | null {
  for (const line of readingOrder(lines)) {
    const m = NUMBER.exec(line.text.replace(/\s/g, ""));
    if (m) return `${m[1]![0]}${digitsOnly(m[1]!.slice(1))}(${digitsOnly(m[2]!)})`;
  }
  return null;
}

const dmyToIso = (dmy: string | null) =>
  dmy && DMY.test(dmy) ? `${dmy.slice(6)}-${dmy.slice(3, 5)}-${dmy.slice(0, 2)}` : null;

export function parseMacaoId(lines: readonly CardLine[], referenceDate: string): ParsedCard {
  const number = readNumber(lines);
  const { last: printedLast, first: printedFirst } = readMacaoNames(lines);
  const { birth, issued, expiry } = readMacaoDates(lines);
  const sex = readMacaoSex(lines, new RegExp(`${labelSource("性別")}|Sexo`, "i"));
  const mrz = readCardMrz(lines);
  // The recogniser drops word spaces of the Latin names ("KAHOU"): the MRZ's separators put them back when
  // the letters are the same.
  const spaced = (printed: string | null, fromMrz: string | undefined) =>
    printed && fromMrz && squash(printed) === squash(fromMrz) ? fromMrz : printed;
  const lastName = spaced(printedLast, mrz?.fields?.surname);
  const firstName = spaced(printedFirst, mrz?.fields?.givenNames);
  const birthIso = dmyToIso(birth);
  const issueIso = dmyToIso(issued);
  const expiryIso = dmyToIso(expiry);
  const permanent = lines.some((l) => /永久性/.test(l.text) && !/非永久性/.test(l.text));

  const checks: Record<string, boolean> = {
    numberStructure: number !== null && isWellFormedMacaoId(number),
  };
  if (birthIso) checks.birthDateNotInFuture = birthIso <= referenceDate;
  if (permanent && birthIso && issueIso && expiry) {
    const years = macaoValidityYears(ageOn(birthIso, issueIso));
    checks.validityMatchesAge =
      years === null ? expiry === "------" : expiryIso !== null && validFor(issueIso, expiryIso, years);
  }
  if (mrz?.fields) {
    const f = mrz.fields;
    checks.mrzCheckDigits = mrzCheckDigitsHold(mrz);
    if (number) checks.mrzNumberMatches = f.documentNumber === number.replace(/[()]/g, "");
    if (birthIso) checks.mrzBirthDateMatches = f.birthDate === mrzDate(birthIso);
    if (sex) checks.mrzSexMatches = f.sex === sex;
    if (expiry)
      checks.mrzExpiryMatches = expiryIso
        ? f.expiryDate === mrzDate(expiryIso)
        : /^<*$/.test(f.expiryDate ?? "");
    // Names carry no check digit and OCR-B fillers get miscounted ("LAO<WENG<SI"): compared letters only.
    if (lastName && firstName)
      checks.mrzNameMatches = squash(f.surname + f.givenNames) === squash(lastName + firstName);
  }
  // Where the print was not read (moiré takes the small letters), a zone whose check digits hold stands in; the
  // cross-check of such a field is then not made (there is only one reading of it).
  const zone = mrz?.fields && mrzCheckDigitsHold(mrz) ? fromZone(mrz.fields, referenceDate) : null;
  const birthday = birth ?? zone?.birth ?? null;
  const birthdayIso = dmyToIso(birthday);
  const expires = expiry ?? zone?.expiry ?? null;
  const card: MacaoIDCard = {
    FirstName: firstName ?? zone?.first ?? null,
    LastName: lastName ?? zone?.last ?? null,
    Birthday: birthday,
    ExpirationDate: expires === "------" ? null : expires,
    LicenseNumber: number,
    Sex: sex ?? zone?.sex ?? null,
    Age: birthdayIso && birthdayIso <= referenceDate ? String(ageOn(birthdayIso, referenceDate)) : null,
    IssuedCountry: "Macao",
    Field1: mrz?.lines[0] ?? null,
    Field2: mrz?.lines[1] ?? null,
  };
  const name = card.LastName && card.FirstName ? `${card.LastName}, ${card.FirstName}` : null;
  return finish(
    { MacaoIDCard: card },
    { MacaoIDCard: card },
    { name, number, birthDate: birthdayIso },
    checks,
  );
}

/**
 * The card's term in years from issue to expiry. The exact end-day convention (same day, or the day before) is
 * not published, so both are accepted.
 */
function validFor(issueIso: string, expiryIso: string, years: number): boolean {
  const [y, m, d] = issueIso.split("-").map(Number) as [number, number, number];
  const iso = (date: Date) => date.toISOString().slice(0, 10);
  const sameDay = new Date(Date.UTC(y + years, m - 1, d));
  const dayBefore = new Date(Date.UTC(y + years, m - 1, d - 1));
  return expiryIso === iso(sameDay) || expiryIso === iso(dayBefore);
}

/** Printed-field stand-ins from a valid zone: names, sex, birth date (century: not after the reference date),
 * expiry (`------` for a filler field: no expiry), dates as the card prints them (`DD-MM-YYYY`). */
function fromZone(f: MrzFields, referenceDate: string) {
  const dmy = (iso: string | null) => (iso ? `${iso.slice(8)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}` : null);
  const parts = (yymmdd: string) =>
    [2, 4, 6].map((end) => Number(yymmdd.slice(end - 2, end))) as [number, number, number];
  const birth = /^\d{6}$/.test(f.birthDate)
    ? birthDateFromTwoDigitYear(...parts(f.birthDate), referenceDate)
    : null;
  const [ey, em, ed] = /^\d{6}$/.test(f.expiryDate ?? "") ? parts(f.expiryDate!) : [0, 0, 0];
  const expiry = /^<+$/.test(f.expiryDate ?? "")
    ? "------"
    : isRealDate(2000 + ey, em, ed)
      ? dmy(isoDate(2000 + ey, em, ed))
      : null;
  return {
    last: f.surname || null,
    first: f.givenNames || null,
    sex: /^[MF]$/.test(f.sex) ? f.sex : null,
    birth: dmy(birth),
    expiry,
  };
}
