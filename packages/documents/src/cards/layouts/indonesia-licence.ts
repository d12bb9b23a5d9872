import { type CardLine, cleanValue, digitsOnly } from "../lines.ts";
import { findPrintedDate } from "../printed-dates.ts";
import type { IndonesiaDrivingLicense } from "../types.ts";
import { datesIn, datesInOrder } from "./labelled-rows.ts";
import { cleanName, finish, type ParsedCard } from "./result.ts";

/**
 * Indonesian driving licence (SIM), front: "SURAT IZIN MENGEMUDI", the 12–14 digit SIM number, then the numbered
 * rows 1. name, 2. place, date of birth, 3. blood type - sex, 4. address (one or two lines), 5. occupation,
 * 6. issuing police; the expiry date under the portrait, the place and date of issue by the signature.
 *
 * The row numbers are small and PP-OCR reads them badly (`4.J`, `S` for 5, `8` for 1., `2、`, glued to the value
 * as `6POLDA`, or not at all), so rows are told by position and content, not by their numbers: the rows stand in
 * one column under the SIM number, the birth row is the one with a date, the name the row above it, the sex row
 * says PRIA/WANITA, the police row POLDA/POLRES.
 */
const SEX_ROW = /PRIA|WANITA|LAKI|PEREMPUAN/;
const POLICE_ROW = /POL(DA|RES|RI)|KORLANTAS/;
const HEADER = /SURAT|IZIN|MENGEMUDI|INDONESIA/;
const height = (l: CardLine) => l.y1 - l.y0;
const letters = (text: string) => text.toUpperCase().replace(/[^A-Z]/g, "");

/** The SIM number line: 12–14 digits (letters the recogniser confuses with digits allowed), hyphens, nothing else. */
function numberLine(lines: readonly CardLine[]): { line: CardLine; number: string } | null {
  const found = lines
    .filter((l) => /^[\dOQDILSBZG|\s.–-]+$/i.test(l.text) && (l.text.match(/\d/g) ?? []).length >= 9)
    .map((line) => ({ line, number: digitsOnly(line.text) }))
    .filter(({ number }) => number.length >= 11 && number.length <= 15)
    .sort((a, b) => a.line.y0 - b.line.y0);
  return found[0] ?? null;
}

/**
 * The row column under the SIM number, top to bottom, each line with the row number in front of it removed.
 * A line starting where the row numbers stand (the number's left edge; the values start about ¾ of the number's
 * height to the right) carries a row number as its first character, however it was read.
 */
function rowColumn(lines: readonly CardLine[], anchor: CardLine | null): { text: string; line: CardLine }[] {
  const h = anchor ? height(anchor) : 0;
  const column = anchor
    ? lines.filter((l) => l !== anchor && l.y0 > anchor.y1 - h / 2 && Math.abs(l.x0 - anchor.x0) < 1.5 * h)
    : lines.filter((l) => !HEADER.test(letters(l.text)));
  return [...column]
    .sort((a, b) => a.y0 - b.y0)
    .map((line) => {
      const marked = anchor ? line.x0 < anchor.x0 + 0.4 * h : /^[1-6][.,、]/.test(line.text);
      return { text: cleanValue(marked ? line.text.replace(/^\S[\s.,、:;·'`]*/, "") : line.text), line };
    })
    .filter(({ text }) => text.length > 1 && !HEADER.test(letters(text)));
}

const nameLike = (text: string) =>
  !/\d/.test(text) && /^[A-Z][A-Z .,'-]*[A-Z]$/.test(text) && !SEX_ROW.test(text) && !POLICE_ROW.test(text);

export function parseIndonesiaDrivingLicense(lines: readonly CardLine[]): ParsedCard {
  const sim = numberLine(lines);
  const column = rowColumn(lines, sim?.line ?? null);
  const rows = column.map((r) => r.text);
  const birthRow = rows.findIndex((t) => findPrintedDate(t) !== null);
  // The name is the row above the birth row; with the date unreadable, the first name-shaped row.
  const nameText = birthRow > 0 && nameLike(rows[birthRow - 1]!) ? rows[birthRow - 1] : rows.find(nameLike);
  const name = cleanName(nameText);
  const rowBirth = birthRow >= 0 ? findPrintedDate(rows[birthRow]!)!.iso : null;

  // Every date on the front, by where it stands: the birth row, the expiry under the portrait (left of the rows),
  // the issue date by the signature (right, after the place). Without positions, the order birth < issue < expiry.
  const dated = lines.flatMap((l) => datesIn(l.text).map((d) => ({ iso: d.iso, line: l })));
  const others = dated.filter((d) => d.iso !== rowBirth);
  // Birth row unreadable: the earliest date standing among the rows (a row cut into two boxes), else — only when
  // all three dates were read — the earliest of them (birth < issue < expiry). Never the issue or expiry date alone.
  const earliest = (ds: typeof dated) => [...ds].sort((a, b) => a.iso.localeCompare(b.iso))[0]?.iso ?? null;
  const bottom = Math.max(...column.map((r) => r.line.y1), 0);
  const inRows = dated.filter((d) => sim !== null && d.line.x1 > sim.line.x0 && d.line.y1 <= bottom);
  const distinct = new Set(dated.map((d) => d.iso)).size;
  const birth = rowBirth ?? earliest(inRows) ?? (distinct >= 3 ? earliest(dated) : null);
  const rest = others.filter((d) => d.iso !== birth);
  const leftOfRows = (d: (typeof dated)[number]) => sim !== null && d.line.x1 < sim.line.x0;
  const afterPlace = (d: (typeof dated)[number]) => /[A-Z]{3,}\s*[,.]/i.test(d.line.text);
  let expiry = rest.find(leftOfRows)?.iso ?? null;
  let issued = rest.find((d) => !leftOfRows(d) && afterPlace(d))?.iso ?? null;
  if (!expiry && !issued && rest.length === 2) {
    const [first, second] = rest.map((d) => d.iso).sort();
    [issued, expiry] = [first ?? null, second ?? null];
  } else if (!expiry && rest.length === 1 && !afterPlace(rest[0]!)) expiry = rest[0]!.iso;
  else if (expiry && !issued && rest.length === 2) issued = rest.find((d) => d.iso !== expiry)!.iso;
  else if (issued && !expiry && rest.length === 2) expiry = rest.find((d) => d.iso !== issued)!.iso;

  const sexRow = rows.findIndex((t) => SEX_ROW.test(letters(t)));
  const policeRow = rows.findIndex((t) => POLICE_ROW.test(letters(t)));
  // Address: between the sex row and the occupation row (the one right above the police row).
  const address =
    sexRow >= 0 && policeRow > sexRow + 2 ? rows.slice(sexRow + 1, policeRow - 1).join(", ") : null;

  const words = name?.split(" ") ?? [];
  // A one-word name (common in Indonesia) is a given name: no family name to report.
  const last = words.length > 1 ? words.at(-1)! : null;
  const card: IndonesiaDrivingLicense = {
    LastName: last,
    FirstName: words.length > 1 ? words.slice(0, -1).join(" ") : (name ?? null),
    LicenseNumber: sim?.number ?? null,
    Birthday: birth,
    Address: address,
    ExpirationDate: expiry,
    IssuedDate: issued,
    IssuedCountry: "Indonesia",
  };
  const checks: Record<string, boolean> = {
    numberStructure: sim !== null && sim.number.length >= 12 && sim.number.length <= 14,
  };
  const ordered = datesInOrder(birth, issued, expiry);
  if (ordered !== null) checks.datesInOrder = ordered;
  return finish(
    { IndonesiaDrivingLicense: card },
    { IndonesiaDrivingLicense: card },
    { name, number: sim?.number ?? null, birthDate: birth },
    checks,
  );
}
