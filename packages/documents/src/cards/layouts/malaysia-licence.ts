import {
  type CardLine,
  digitsOnly,
  labelDistance,
  lineAbove,
  readingOrder,
  valueNearLabel,
} from "../lines.ts";
import { type MyKadNumber, parseMyKadNumber } from "../numbers/mykad.ts";
import { addressFromLines, generalCard } from "./general-card.ts";
import { datesIn, datesInOrder, labelLine, labelledValue, linesUnder, rowFrom } from "./labelled-rows.ts";
import { cleanName, finish, type ParsedCard } from "./result.ts";

/**
 * Malaysian driving licence (Lesen Memandu), front. Labels in Malay and English above their values: Nama/Name,
 * No. Pengenalan/Identity No. (the holder's MyKad number, which is also what identifies the licence: the card
 * prints no other number), Warganegara/Nationality, Kelas/Class, Tempoh/Validity (`from - to`, day first) and
 * Alamat/Address; photo on the left. No birth date or sex is printed: both come from the MyKad number. The
 * classes have no field in GeneralCard and are not returned.
 */
const LABELS = {
  name: { re: /Nama\s*\/?\s*Name|^Nama\b|^Name\b/i, words: "Nama/Name" },
  number: { re: /Pengenalan|Identity\s*No/i, words: "No. Pengenalan/Identity No." },
  nationality: { re: /Warganegara|Nationality/i, words: "Warganegara/Nationality" },
  class: { re: /Kelas|Class/i, words: "Kelas/Class" },
  validity: { re: /Tempoh|Validity/i, words: "Tempoh/Validity" },
  address: { re: /Alamat|Address/i, words: "Alamat/Address" },
} as const;
const HEADER = /LESEN|MEMANDU|DRIVING|LICEN[CS]E|MALAYSIA DRIVING/i;

const isLabel = (text: string) =>
  Object.values(LABELS).some(({ re, words }) => re.test(text) || labelDistance(text, words) !== null);
/** Values are printed in capitals, labels in mixed case: a fragment of a label (`ame`) is never a name. */
const nameValue = (v: string) => /^[A-Z][A-Z .,'@/-]*[A-Z.]$/.test(v) && !isLabel(v) && !HEADER.test(v);
const NUMBER = /(?<!\d)(\d{6})\s?-?\s?(\d{2})\s?-?\s?(\d{4})(?!\d)/;

function identityNumber(
  lines: readonly CardLine[],
  referenceDate: string,
): { number: MyKadNumber; line: CardLine } | null {
  const parse = (v: string) => {
    const m = NUMBER.exec(v.replace(/[OQDILSBZG|]/g, (c) => digitsOnly(c)));
    return m ? parseMyKadNumber(`${m[1]}${m[2]}${m[3]}`, referenceDate) : null;
  };
  const labelled = labelledValue(lines, LABELS.number.re, LABELS.number.words, {
    right: false,
    accept: (v) => parse(v) !== null,
  });
  if (labelled) return { number: parse(labelled.value)!, line: labelled.line };
  for (const line of lines) {
    const number = parse(line.text);
    if (number) return { number, line };
  }
  return null;
}

/** A row's value, under its label line (the label line holds nothing else). */
function valueUnder(lines: readonly CardLine[], label: keyof typeof LABELS, accept: (v: string) => boolean) {
  const found = labelLine(lines, LABELS[label].re, LABELS[label].words);
  return found ? (valueNearLabel(lines, found, { right: false, accept })?.value ?? null) : null;
}

/** The name when its label is unreadable: the row right above the identity number's label, in its column. */
function nameAboveNumber(lines: readonly CardLine[], numberLine: CardLine | null): string | null {
  if (!numberLine) return null;
  return lineAbove(lines, numberLine, 4, nameValue)?.text ?? null;
}

function validity(lines: readonly CardLine[]) {
  const hit = labelledValue(lines, LABELS.validity.re, LABELS.validity.words, {
    right: false,
    accept: (v) => datesIn(v).length > 0,
  });
  // Label unreadable: the validity row is the only dated row of the front.
  const line = hit?.line ?? readingOrder(lines).find((l) => datesIn(l.text).length > 0) ?? null;
  // The two dates may come back as two boxes on one row.
  const dates = line ? datesIn(rowFrom(lines, line)) : [];
  return { from: dates[0]?.iso ?? null, to: dates[1]?.iso ?? null, line };
}

/**
 * The address lines under their label; with the label unreadable, the capitalised block under the validity row
 * (the address is the last row of the layout), leaving room for the lost label line.
 */
function address(lines: readonly CardLine[], validityLine: CardLine | null) {
  const label = labelLine(lines, LABELS.address.re, LABELS.address.words);
  const under = label
    ? linesUnder(lines, label, 5, isLabel)
    : validityLine
      ? linesUnder(lines, validityLine, 5, isLabel, 2.8).filter((l) =>
          /^[A-Z0-9][A-Z0-9 ,.'/-]*$/.test(l.text),
        )
      : [];
  // The postcode line starts with the 5-digit postcode and its town (`50450 KUALA LUMPUR`): printed, not guessed.
  // Inside those five digits a letter is a misread digit (`8010O`).
  const block = under.map((l) =>
    l.text.replace(/^(?=(?:[^\d\s]*\d){3})[\dOQDILSBZG]{5}(?=\s*[A-Z]{2})/, (code) => digitsOnly(code)),
  );
  const postal = block.map((l) => /^(\d{5})\s*([A-Z][A-Z .'-]+)$/.exec(l)).findLast((m) => m !== null);
  return addressFromLines(block, postal ? { PostalCode: postal[1]!, City: postal[2]! } : {});
}

export function parseMalaysiaDrivingLicense(lines: readonly CardLine[], referenceDate: string): ParsedCard {
  const read = identityNumber(lines, referenceDate);
  const holder = read?.number ?? null;
  const number = holder?.formatted ?? null;
  const name = cleanName(valueUnder(lines, "name", nameValue) ?? nameAboveNumber(lines, read?.line ?? null));
  const nationality = valueUnder(lines, "nationality", (v) => /^[A-Z][A-Z ]+$/.test(v) && !isLabel(v));
  const { from, to, line: validityLine } = validity(lines);
  const card = generalCard(
    {
      LicenseNumber: number,
      PersonalNumber: number,
      FullName: name,
      Sex: holder?.sex ?? null,
      Birthday: holder?.birthDate ?? null,
      Nationality: nationality,
      IssuedDate: from,
      ExpirationDate: to,
      IssuedCountry: "Malaysia",
    },
    address(lines, validityLine),
  );
  const checks: Record<string, boolean> = { numberStructure: holder !== null };
  const ordered = datesInOrder(holder?.birthDate ?? null, from, to);
  if (ordered !== null) checks.datesInOrder = ordered;
  return finish(
    { GeneralCard: card },
    { GeneralCard: card },
    { name, number, birthDate: holder?.birthDate ?? null },
    checks,
  );
}
