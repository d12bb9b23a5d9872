import { isoDate, isRealDate, todayIso } from "./numbers/dates.ts";

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

/** A date as printed (`raw`) and as ISO, when it is a real calendar date. */
export interface PrintedDate {
  raw: string;
  iso: string;
}

type Order = "DMY" | "MDY" | "YMD";

const NUMERIC = /(\d{1,4})\s?[-./]\s?(\d{1,2})\s?[-./]\s?(\d{2,4})/;
const TEXT_DMY = /(\d{1,2})\s*([A-Za-z]{3,9})\.?\s*(\d{4})/;
const TEXT_MDY = /([A-Za-z]{3,9})\.?\s*(\d{1,2}),?\s+(\d{4})/;

function monthFromName(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toUpperCase()) + 1;
}

/**
 * Finds a full date (4-digit year) in text. Numeric dates need the card's order: `DMY` (HK, MY, ID, SG),
 * `MDY` (PH voter/TIN/SSS), `YMD` (PH driving licence, UMID); text months are unambiguous.
 */
export function findPrintedDate(printed: string, order: Order = "DMY"): PrintedDate | null {
  // `Oct` read as `0ct` (`40ct.1991` for 4 Oct. 1991): "ct" alone is no month, so the zero before it is the O.
  const text = printed.replace(/0(?=ct)/gi, "O");
  const numeric = NUMERIC.exec(text);
  if (numeric) {
    const [a, b, c] = [numeric[1]!, numeric[2]!, numeric[3]!];
    let parts: [number, number, number] | null = null;
    if (a.length === 4) parts = [Number(a), Number(b), Number(c)];
    else if (c.length === 4)
      parts = order === "MDY" ? [Number(c), Number(a), Number(b)] : [Number(c), Number(b), Number(a)];
    if (parts && isRealDate(...parts)) return { raw: numeric[0].replace(/\s/g, ""), iso: isoDate(...parts) };
  }
  for (const [re, dayIndex, monthIndex] of [
    [TEXT_DMY, 1, 2],
    [TEXT_MDY, 2, 1],
  ] as const) {
    const m = re.exec(text);
    if (!m) continue;
    const month = monthFromName(m[monthIndex]!);
    const [year, day] = [Number(m[3]), Number(m[dayIndex])];
    if (month > 0 && isRealDate(year, month, day)) return { raw: m[0], iso: isoDate(year, month, day) };
  }
  return null;
}

/**
 * First full date in reading order among lines that are not labelled as another date (issue, expiry). The birth
 * date is the first full date printed on every supported front, so this is the fallback when its label is
 * misread (blur turns "Date of birth" into "Dute of birth").
 */
export function firstPrintedDate(
  lines: readonly { text: string; y0: number; x0: number }[],
  order: Order = "DMY",
): PrintedDate | null {
  const other = /Issu|Expir|Valid|Berlaku|Exp\b/i;
  const sorted = [...lines].sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
  for (const line of sorted) {
    if (other.test(line.text)) continue;
    const date = findPrintedDate(line.text, order);
    // A birth date is never in the future: an expiry date whose label was not on its line is skipped.
    if (date && date.iso <= todayIso()) return date;
  }
  return null;
}

/** ISO → `DD-MM-YYYY`, the form the HK, MY, ID and SG structs carry. */
export function toDmy(iso: string, separator = "-"): string {
  return `${iso.slice(8, 10)}${separator}${iso.slice(5, 7)}${separator}${iso.slice(0, 4)}`;
}
