import { fitLineLength, targetWidth } from "../mrz/fit-lines.ts";
import { parseMrzLines } from "../mrz/parse.ts";
import type { MrzReading } from "../mrz/types.ts";
import { foldToMrz } from "../ocr/ctc.ts";
import type { CardLine } from "./lines.ts";

/**
 * The machine-readable zone printed on a card side, from the card's own OCR lines (no second read): lines made
 * of MRZ characters only (after folding PP-OCR's look-alikes such as `く` for `<`), long enough to be MRZ lines,
 * holding fillers, top to bottom, fitted to the layout width and parsed with the MRZ reader's corrections.
 * Null when the side shows no such block.
 */
export function readCardMrz(lines: readonly CardLine[]): MrzReading | null {
  const rows = physicalRows(lines)
    .map((row) => [...row.replace(/\s/g, "")].map(foldFiller).join(""))
    .filter((t) => /^[A-Z0-9<]{24,48}$/.test(t) && t.includes("<"));
  if (rows.length < 2) return null;
  // The zone is the last lines of the side: a TD1 block is three lines, TD2/TD3 two.
  const block = rows.length >= 3 ? rows.slice(-3) : rows;
  const width = targetWidth(block);
  if (width === null) return null;
  const reading = parseMrzLines(block.map((l) => fitLineLength(l, width)));
  return reading.found ? reading : null;
}

/**
 * A run of fillers is where the detector splits an MRZ line and where the Chinese dictionary finds look-alikes:
 * `人`/`入` for `<` besides the folds the MRZ reader knows (`く`, `‹`). Length errors of the run are repaired by
 * fitting the line to its width, and the check digits judge the result.
 */
function foldFiller(ch: string): string {
  return ch === "人" || ch === "入" ? "<" : foldToMrz(ch);
}

/** Line texts joined per physical row (boxes whose centres lie within half a line height), top to bottom. */
function physicalRows(lines: readonly CardLine[]): string[] {
  const rows: CardLine[][] = [];
  for (const line of [...lines].sort((a, b) => a.y0 + a.y1 - b.y0 - b.y1)) {
    const row = rows.at(-1);
    const first = row?.[0];
    const height = Math.min(line.y1 - line.y0, first ? first.y1 - first.y0 : 1);
    if (row && first && Math.abs(line.y0 + line.y1 - first.y0 - first.y1) / 2 < height / 2) row.push(line);
    else rows.push([line]);
  }
  return rows.map((row) =>
    row
      .sort((a, b) => a.x0 - b.x0)
      .map((l) => l.text)
      .join(""),
  );
}

/** Whether every check digit of the reading holds (dates and country codes are judged by the caller). */
export function mrzCheckDigitsHold(reading: MrzReading): boolean {
  return reading.checks.length > 0 && reading.checks.every((c) => c.valid);
}

/** `YYMMDD` of an ISO date, as an MRZ prints it. */
export function mrzDate(iso: string): string {
  return iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10);
}
