import { mrzCheckDigitsHold, mrzDate, readCardMrz } from "../card-mrz.ts";
import { labelPattern } from "../cjk-labels.ts";
import { type CardLine, digitsOnly, readingOrder, valueForLabel, valueNearLabel } from "../lines.ts";
import { isWellFormedMacaoId, macaoValidityYears } from "../numbers/east-asia.ts";
import { ageOn } from "../numbers/hkid/symbols.ts";
import { findPrintedDate } from "../printed-dates.ts";
import type { MacaoIDCard } from "../types.ts";
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
const NO_EXPIRY = /^[-—–_]{4,}$/;

function readNumber(lines: readonly CardLine[]): string | null {
  for (const line of readingOrder(lines)) {
    const m = NUMBER.exec(line.text.replace(/\s/g, ""));
    if (m) return `${m[1]![0]}${digitsOnly(m[1]!.slice(1))}(${digitsOnly(m[2]!)})`;
  }
  return null;
}

/** The Latin part of the value printed under a name label (the Chinese part may share its line). */
function latinUnder(lines: readonly CardLine[], label: RegExp): string | null {
  const labelLine = lines.find((l) => label.test(l.text));
  if (!labelLine) return null;
  const latin = (v: string) =>
    v
      .replace(/[^A-Z' -]/g, " ")
      .replace(/\s+/g, " ")
      .trim();
  const found = valueNearLabel(lines, labelLine, {
    right: false,
    accept: (v) => latin(v).replace(/\s/g, "").length >= 2 && !/[a-z]/.test(v),
  });
  if (!found) return null;
  // The Chinese name and the Latin one may be separate boxes on the row: take every Latin box of it.
  const row = lines.filter(
    (l) => Math.abs(l.y0 + l.y1 - found.line.y0 - found.line.y1) < (found.line.y1 - found.line.y0) * 0.8,
  );
  const text = readingOrder(row)
    .map((l) => latin(l.text))
    .filter(Boolean)
    .join(" ");
  return text || null;
}

function dateAfter(lines: readonly CardLine[], label: RegExp): string | null {
  // A dash-only value ("------": no expiry) is emptied by the separator clean-up: recognise its raw line.
  const hit = valueForLabel(lines, label, { accept: (v) => findPrintedDate(v) !== null || v === "" });
  if (!hit) return null;
  if (hit.value === "") return NO_EXPIRY.test(hit.line.text.replace(/\s/g, "")) ? "------" : null;
  return findPrintedDate(hit.value)?.raw ?? null;
}

const dmyToIso = (dmy: string | null) =>
  dmy && DMY.test(dmy) ? `${dmy.slice(6)}-${dmy.slice(3, 5)}-${dmy.slice(0, 2)}` : null;

export function parseMacaoId(lines: readonly CardLine[], referenceDate: string): ParsedCard {
  const number = readNumber(lines);
  const lastName = latinUnder(lines, /^姓(?![名])\s*(Apelido)?/i);
  const firstName = latinUnder(lines, /^名\s*(Nome)?/i);
  const birth = dateAfter(lines, /出生日期|Data\s?de\s?nasc/i);
  // 簽 is not in the recogniser's dictionary: it comes back as 签 or as a look-alike (策); the Portuguese half
  // of the label identifies the line as well.
  const issued = dateAfter(lines, /[發发]\s?日\s?期|Data\s?de\s?emiss/i);
  const expiry = dateAfter(lines, /有效期|V[aá]lido/i);
  const sex =
    valueForLabel(lines, labelPattern("性別"), { accept: (v) => /^(Sexo)?\s?[MF]\b/i.test(v) })?.value.match(
      /\b[MF]\b/,
    )?.[0] ?? null;
  const mrz = readCardMrz(lines);
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
    if (lastName && firstName) checks.mrzNameMatches = f.surname === lastName && f.givenNames === firstName;
  }
  const card: MacaoIDCard = {
    FirstName: firstName,
    LastName: lastName,
    Birthday: birth,
    ExpirationDate: expiry === "------" ? null : expiry,
    LicenseNumber: number,
    Sex: sex,
    Age: birthIso && birthIso <= referenceDate ? String(ageOn(birthIso, referenceDate)) : null,
    IssuedCountry: "Macao",
    Field1: mrz?.lines[0] ?? null,
    Field2: mrz?.lines[1] ?? null,
  };
  const name = lastName && firstName ? `${lastName}, ${firstName}` : null;
  return finish({ MacaoIDCard: card }, { MacaoIDCard: card }, { name, number, birthDate: birthIso }, checks);
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
