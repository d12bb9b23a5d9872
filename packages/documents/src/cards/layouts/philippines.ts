import {
  type CardLine,
  findPattern,
  fuzzyLabelLine,
  labelDistance,
  lineAbove,
  valueForLabel,
  valueNearLabel,
} from "../lines.ts";
import { formatPhilippineNumber, type PhilippineNumberKind } from "../numbers/philippines.ts";
import { findPrintedDate, firstPrintedDate } from "../printed-dates.ts";
import type {
  PhilippinesDrivingLicense,
  PhilippinesSSSID,
  PhilippinesTinID,
  PhilippinesUMID,
  PhilippinesVoteID,
} from "../types.ts";
import { cleanName, finish, type ParsedCard } from "./result.ts";

/**
 * Philippine cards. All print labelled fields in English; names are `LAST, FIRST MIDDLE` or split into labelled
 * rows (UMID, LTO). Numbers have no published check digit, so `fieldsValid` checks structure only.
 */
const LABEL_WORD =
  /^(Name|Last\s*Name|First\s*Name|Middle\s*Name|Date\s*of\s*Birth|Birth\s*Date|Sex|Address|Nationality|Civil\s*Status|Citizenship|Precinct|VIN|TIN|SS\s*Number|CRN|Surname|Given\s*Name|License\s*No|Expiration\s*Date|Agency\s*Code|Date\s*of\s*[Il1]ssue)\b/i;
const notLabel = (v: string) => v.length > 0 && !LABEL_WORD.test(v);
/** Labels near the name rows, for telling a misread label (`GVENNAME`) from a name value. */
const NAME_ROW_LABELS = ["Surname", "Given Name", "Middle Name", "Last Name", "First Name", "Name", "Sex"];
const looksLikeLabel = (v: string) =>
  !notLabel(v) || NAME_ROW_LABELS.some((l) => labelDistance(v, l) !== null);
/** A name value: letters (and name punctuation) only, not a label. */
const nameValue = (v: string) => /^[A-Za-z][A-Za-z .'-]*[A-Za-z.]$/.test(v) && !looksLikeLabel(v);
/** `LAST, FIRST[, MIDDLE]` without digits (the LTO name row; the address row carries a house number). */
const COMMA_NAME = /^[A-Z][A-Z .'-]*,\s*[A-Z][A-Z .'-]*(?:,\s*[A-Z][A-Z .'-]*)?$/i;

function date(lines: readonly CardLine[], label: RegExp, order: "MDY" | "YMD"): string | null {
  const hit = valueForLabel(lines, label, { accept: (v) => findPrintedDate(v, order) !== null });
  return hit ? findPrintedDate(hit.value, order)!.iso : null;
}

/** Birth date by its label, else the first non-issue/expiry date printed (a blurred label reads as garbage). */
function birthDate(lines: readonly CardLine[], order: "MDY" | "YMD"): string | null {
  return date(lines, /Date\s*of\s*Birth|Birth\s*Date/i, order) ?? firstPrintedDate(lines, order)?.iso ?? null;
}

function number(
  lines: readonly CardLine[],
  kind: PhilippineNumberKind,
  label: RegExp | null,
  pattern: RegExp,
) {
  const labelled = label
    ? valueForLabel(lines, label, { accept: (v) => formatPhilippineNumber(kind, v.split(" ")[0]!) !== null })
    : null;
  if (labelled) return formatPhilippineNumber(kind, labelled.value.split(" ")[0]!);
  const loose = findPattern(lines, pattern);
  return loose ? formatPhilippineNumber(kind, loose.match[0]) : null;
}

function splitCommaName(text: string | null): { last: string | null; rest: string | null } {
  if (!text?.includes(",")) return { last: null, rest: cleanName(text) };
  const [last, rest] = text.split(/,\s*/, 2);
  return { last: cleanName(last), rest: cleanName(rest) };
}

export function parseVoterId(lines: readonly CardLine[]): ParsedCard {
  const vin = number(lines, "vin", /\bVIN\b/i, /\d{4}-?\d{4,5}[A-Z]-?[A-Z]\d{4}[A-Z]{2,3}\d{5}/);
  const nameText = valueForLabel(lines, /^Name\b/i, { accept: notLabel })?.value ?? null;
  const { last, rest } = splitCommaName(nameText);
  const birth = birthDate(lines, "MDY");
  const card: PhilippinesVoteID = {
    VIN: vin,
    FirstName: rest,
    LastName: last,
    Birthday: birth,
    CivilStatus: valueForLabel(lines, /Civil\s*Status/i, { accept: notLabel })?.value ?? null,
    Citizenship: valueForLabel(lines, /Citizenship/i, { accept: notLabel })?.value ?? null,
    Address: valueForLabel(lines, /^Address\b/i, { accept: notLabel })?.value ?? null,
    PrecinctNo: valueForLabel(lines, /Precinct\s*No\.?/i, { accept: notLabel })?.value ?? null,
  };
  const name = last && rest ? `${last}, ${rest}` : null;
  return finish(
    { PhilippinesVoteID: card },
    { PhilippinesVoteID: card },
    { name, number: vin, birthDate: birth },
    { vinStructure: vin !== null },
  );
}

export function parseDrivingLicense(lines: readonly CardLine[]): ParsedCard {
  const licenseNo = number(lines, "driversLicense", /License\s*No\.?/i, /\b[A-Z]\d{2}-\d{2}-\d{6}\b/);
  const nameText =
    valueForLabel(lines, /Last\s*Name.*First\s*Name/i, { right: false, accept: notLabel })?.value ??
    ltoNameRowByPosition(lines);
  const [last, first, middle] = nameText
    ? nameText.split(/,\s*/).map((p) => cleanName(p))
    : [null, null, null];
  const birth = birthDate(lines, "YMD");
  const expires = date(lines, /Expiration\s*Date/i, "YMD");
  const card: PhilippinesDrivingLicense = {
    Name: nameText,
    LastName: last ?? null,
    FirstName: first ?? null,
    MiddleName: middle ?? null,
    Nationality:
      valueForLabel(lines, /^Nationality\b/i, { accept: (v) => /^[A-Z]{3}\b/.test(v) })?.value.slice(0, 3) ??
      null,
    Sex: valueForLabel(lines, /^Sex\b/i, { accept: (v) => /^[MF]\b/.test(v) })?.value.slice(0, 1) ?? null,
    Address: valueForLabel(lines, /^Address\b/i, { accept: notLabel })?.value ?? null,
    LicenseNo: licenseNo,
    ExpiresDate: expires,
    AgencyCode:
      valueForLabel(lines, /Agency\s*Code/i, { accept: (v) => /^[A-Z]\d{2}$/.test(v) })?.value ??
      licenseNo?.slice(0, 3) ??
      null,
    Birthday: birth,
  };
  const name = last && first ? `${last}, ${first}` : null;
  return finish(
    { PhilippinesDrivingLicense: card },
    { PhilippinesDrivingLicense: card },
    { name, number: licenseNo, birthDate: birth },
    { licenseStructure: licenseNo !== null },
  );
}

/**
 * LTO name row when its small label is unreadable (screen moiré): the layout prints `LAST, FIRST, MIDDLE` as the
 * first row under the header, above every dated row (birth date, expiry) and the licence number. Only a line of
 * that comma shape above all of those is taken; anything else leaves the name null.
 */
export function ltoNameRowByPosition(lines: readonly CardLine[]): string | null {
  const dated = lines.filter(
    (l) => findPrintedDate(l.text, "YMD") !== null || /[A-Z]\d{2}-\d{2}-\d{6}/.test(l.text),
  );
  if (dated.length === 0) return null;
  const firstDated = Math.min(...dated.map((l) => l.y0));
  const row = lines
    .filter((l) => l.y1 <= firstDated && COMMA_NAME.test(l.text) && !/NAME/i.test(l.text) && notLabel(l.text))
    .sort((a, b) => a.y0 - b.y0)[0];
  return row?.text ?? null;
}

/**
 * One UMID name row (label above value). Exact label first; else a misread label (moiré) found fuzzily, whose
 * value is the name-like line under it.
 */
function umidNameRow(lines: readonly CardLine[], label: RegExp, words: string): string | null {
  const exact = valueForLabel(lines, label, { accept: notLabel })?.value;
  if (exact) return cleanName(exact);
  const misread = fuzzyLabelLine(lines, words);
  return misread
    ? cleanName(valueNearLabel(lines, misread, { right: false, accept: nameValue })?.value)
    : null;
}

/**
 * UMID surname when its label is unreadable: the layout prints the surname directly above the GIVEN NAME label,
 * so the name-like line right above that label (found exactly or fuzzily) is the surname. A surname the print
 * hides leaves nothing name-like there, and the field stays null.
 */
export function umidSurnameByPosition(lines: readonly CardLine[]): string | null {
  const givenLabel =
    lines.find((l) => /^Given\s*Name$/i.test(l.text.trim())) ?? fuzzyLabelLine(lines, "Given Name");
  if (!givenLabel) return null;
  return cleanName(lineAbove(lines, givenLabel, 1.8, nameValue)?.text);
}

export function parseTinId(lines: readonly CardLine[]): ParsedCard {
  const tin = number(lines, "tin", /^TIN\b/i, /\d{3}-\d{3}-\d{3}(?:-\d{3,5})?/);
  const name = cleanName(valueForLabel(lines, /^Name\b/i, { accept: notLabel })?.value);
  const birth = birthDate(lines, "MDY");
  const card: PhilippinesTinID = {
    LicenseNumber: tin,
    FullName: name,
    Address: valueForLabel(lines, /^Address\b/i, { accept: notLabel })?.value ?? null,
    Birthday: birth,
    IssueDate: date(lines, /Date\s*of\s*[Il1]ssue/i, "MDY"),
  };
  return finish(
    { PhilippinesTinID: card },
    { PhilippinesTinID: card },
    { name, number: tin, birthDate: birth },
    { tinStructure: tin !== null },
  );
}

export function parseSssId(lines: readonly CardLine[]): ParsedCard {
  const sss = number(lines, "sss", /SS\s*(?:Number|No\.?)/i, /\b\d{2}-\d{7}-\d\b/);
  const name = cleanName(valueForLabel(lines, /^Name\b/i, { accept: notLabel })?.value);
  const birth = birthDate(lines, "MDY");
  const card: PhilippinesSSSID = { LicenseNumber: sss, FullName: name, Birthday: birth };
  return finish(
    { PhilippinesSSSID: card },
    { PhilippinesSSSID: card },
    { name, number: sss, birthDate: birth },
    { sssStructure: sss !== null },
  );
}

export function parseUmid(lines: readonly CardLine[]): ParsedCard {
  const crn = number(lines, "crn", null, /CRN-?\s?\d{4}-?\d{7}-?\d/);
  const surname = umidNameRow(lines, /^Surname\b/i, "Surname") ?? umidSurnameByPosition(lines);
  const given = umidNameRow(lines, /^Given\s*Name\b/i, "Given Name");
  const middle = umidNameRow(lines, /^Middle\s*Name\b/i, "Middle Name");
  const birth = birthDate(lines, "YMD");
  const card: PhilippinesUMID = {
    Surname: surname,
    MiddleName: middle,
    GivenName: given,
    Sex: valueForLabel(lines, /^Sex\b/i, { accept: (v) => /^[MF]\b/.test(v) })?.value.slice(0, 1) ?? null,
    Birthday: birth,
    Address: valueForLabel(lines, /^Address\b/i, { accept: notLabel })?.value ?? null,
    CRN: crn,
  };
  const name = surname && given ? `${surname}, ${given}` : null;
  return finish(
    { PhilippinesUMID: card },
    { PhilippinesUMID: card },
    { name, number: crn, birthDate: birth },
    { crnStructure: crn !== null },
  );
}
