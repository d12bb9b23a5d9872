import { type CardLine, digitsOnly, labelDistance, readingOrder, valueNearLabel } from "../lines.ts";
import { formatPhilippineNumber } from "../numbers/philippines.ts";
import { findPrintedDate } from "../printed-dates.ts";
import { addressFromLines, generalCard } from "./general-card.ts";
import { earliestDate, labelLine, labelledValue, linesUnder } from "./labelled-rows.ts";
import { cleanName, finish, type ParsedCard } from "./result.ts";

/**
 * PhilID (Philippine Identification Card, PhilSys), front. Under the bilingual header the card prints the PhilSys
 * Card Number (16 digits in groups of four) and labelled rows, each label in Filipino and English above its value:
 * Apelyido/Last Name, Mga Pangalan/Given Names, Gitnang Apelyido/Middle Name, Petsa ng Kapanganakan/Date of Birth
 * (`JANUARY 01, 1990`) and Tirahan/Address (one or two lines); the photo is on the left. Sex, blood type, marital
 * status and place of birth are on the back, which is not read. The PCN has no published check digit: structure
 * only.
 */
const LABELS = {
  // `Apelyido` alone also starts the middle-name label when the recogniser cuts `Gitnang` off.
  last: { re: /Last\s*Name|^Apelyido(?!.*M[il]d)/i, words: "Apelyido/Last Name" },
  given: { re: /Given\s*Names?|Mga\s*Pangalan/i, words: "Mga Pangalan/Given Names" },
  middle: { re: /Middle\s*Name|Gitnang/i, words: "Gitnang Apelyido/Middle Name" },
  birth: { re: /Date\s*of\s*Birth|Kapanganakan/i, words: "Petsa ng Kapanganakan/Date of Birth" },
  address: { re: /Tirahan|Address/i, words: "Tirahan/Address" },
} as const;
const HEADER = /REPUBLI|PILIPINAS|PHILIPPINE|PAMBANSANG|PAGKAKAKILANLAN|IDENTIFICATION/i;

const isLabel = (text: string) =>
  Object.values(LABELS).some(({ re, words }) => re.test(text) || labelDistance(text, words) !== null);
/**
 * A name row value: capitals and name punctuation (the card prints values in capitals and labels in mixed case,
 * so a fragment of a label, `/Given`, is never taken for a name), not a label or the header.
 */
const nameValue = (v: string) => /^[A-Z][A-Z .'-]*[A-Z.]$/.test(v) && !isLabel(v) && !HEADER.test(v);

/** `JANUARY 01, 1990` as the recogniser returns it (`JANUARY01,1990`, `JANUARY 01. 1990`) put back in shape. */
const spacedYear = (text: string) => text.replace(/(?<=\d)\s*[,.]\s*(?=\d{4}\b)/, ", ");
const birthDate = (text: string) => findPrintedDate(spacedYear(text), "MDY");

function readPcn(lines: readonly CardLine[]): { pcn: string; line: CardLine } | null {
  for (const line of readingOrder(lines)) {
    const m = /(?<!\d)\d{4}[\s-]?\d{4}[\s-]?\d{4}[\s-]?\d{4}(?!\d)/.exec(
      line.text.replace(/[OQDILSBZG|]/g, (c) => digitsOnly(c)),
    );
    const pcn = m ? formatPhilippineNumber("pcn", m[0]) : null;
    if (pcn) return { pcn, line };
  }
  return null;
}

/** The value under a name label; the label line holds nothing else, so the rest of it is never the value. */
function nameRow(lines: readonly CardLine[], label: "last" | "given" | "middle"): string | null {
  const found = labelLine(lines, LABELS[label].re, LABELS[label].words);
  return found ? cleanName(valueNearLabel(lines, found, { right: false, accept: nameValue })?.value) : null;
}

/**
 * The three name rows by position, for labels moiré or blur made unreadable: the capitalised lines in the PCN's
 * column between the PCN and the birth date are, top to bottom, last, given and middle name. Only used when
 * exactly three are there; otherwise the rows cannot be told apart and stay null.
 */
function nameRowsByPosition(lines: readonly CardLine[], pcnLine: CardLine | null, dateLine: CardLine | null) {
  if (!pcnLine || !dateLine) return null;
  const rows = lines
    .filter((l) => l.y0 >= pcnLine.y1 && l.y1 <= dateLine.y0 && Math.abs(l.x0 - pcnLine.x0) < 0.04)
    .filter((l) => nameValue(l.text))
    .sort((a, b) => a.y0 - b.y0)
    .map((l) => cleanName(l.text));
  return rows.length === 3 ? { last: rows[0]!, given: rows[1]!, middle: rows[2]! } : null;
}

/**
 * The address lines under their label; with the label unreadable, the capitalised block under the birth date
 * (the address is the last row of the layout), leaving room for the lost label line.
 */
function address(lines: readonly CardLine[], dateLine: CardLine | null) {
  const label = labelLine(lines, LABELS.address.re, LABELS.address.words);
  const block = label
    ? linesUnder(lines, label, 3, isLabel)
    : dateLine
      ? linesUnder(lines, dateLine, 3, isLabel, 2.8).filter((l) => /^[A-Z0-9][A-Z0-9 ,.'#/-]*$/.test(l.text))
      : [];
  // No Country: the PhilID is also issued to citizens living abroad, and the address does not always say.
  return addressFromLines(block.map((l) => l.text));
}

export function parsePhilippinesId(lines: readonly CardLine[]): ParsedCard {
  const read = readPcn(lines);
  const pcn = read?.pcn ?? null;
  const labelled = labelledValue(lines, LABELS.birth.re, LABELS.birth.words, {
    right: false,
    accept: (v) => birthDate(v) !== null,
  });
  const dateLine = labelled?.line ?? lines.find((l) => birthDate(l.text) !== null) ?? null;
  const byPosition = nameRowsByPosition(lines, read?.line ?? null, dateLine);
  const last = nameRow(lines, "last") ?? byPosition?.last ?? null;
  const given = nameRow(lines, "given") ?? byPosition?.given ?? null;
  const middle = nameRow(lines, "middle") ?? byPosition?.middle ?? null;
  // The birth date is the only full date on the front.
  const birth =
    (labelled ? birthDate(labelled.value)?.iso : null) ??
    earliestDate(
      lines.map((l) => ({ ...l, text: spacedYear(l.text) })),
      "MDY",
    )?.iso ??
    null;
  const card = generalCard(
    {
      LicenseNumber: pcn,
      FullName: [given, middle, last].filter(Boolean).join(" ") || null,
      FirstName: given,
      LastName: last,
      Birthday: birth,
      IssuedCountry: "Philippines",
    },
    address(lines, dateLine),
  );
  const name = last && given ? `${last}, ${given}` : null;
  return finish(
    { GeneralCard: card },
    { GeneralCard: card },
    { name, number: pcn, birthDate: birth },
    { pcnStructure: pcn !== null },
  );
}
