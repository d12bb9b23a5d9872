import { fitLineLength } from "../mrz/fit-lines.ts";
import { parseMrzLines } from "../mrz/parse.ts";
import type { MrzReading } from "../mrz/types.ts";
import { foldToMrz } from "../ocr/ctc.ts";
import type { CardLine } from "./lines.ts";

/**
 * The machine-readable zone printed on a card side, from the card's own OCR lines (no second read): the bottom
 * `count` rows made of MRZ characters only (after folding PP-OCR's look-alikes, `く` or `人` for `<`, and dropping
 * specks such as `°`), each fitted to the layout `width` and parsed with the MRZ reader's corrections. Fillers
 * the detector left out between two boxes of a row are put back from the gap and the character pitch. Null when
 * the side shows no such block. Whatever is wrong in a repaired line is for the check digits to catch.
 */
export function readCardMrz(lines: readonly CardLine[], width = 30, count = 3): MrzReading | null {
  const rows = physicalRows(lines)
    .map(mrzRowText)
    // Fillers read as such (not only restored from gaps) tell an MRZ row from a row of dates.
    .filter((r) => r !== null && r.text.length >= 12 && r.printedFillers >= 2)
    .map((r) => r!.text);
  if (rows.length < count) return null;
  const block = rows.slice(-count);
  const reading = parseMrzLines(block.map((l) => fitLineLength(l, width)));
  return reading.found ? reading : null;
}

/**
 * A row's boxes as one MRZ line: folded, specks dropped, left-out fillers between boxes restored. Null when a box
 * holds anything an MRZ cannot (lower case, Han characters other than the filler look-alikes): a label row.
 */
function mrzRowText(row: readonly CardLine[]): { text: string; printedFillers: number } | null {
  let text = "";
  let printedFillers = 0;
  let previous: { x1: number; pitch: number } | null = null;
  for (const box of row) {
    const raw = box.text.replace(/\s/g, "");
    if (/[a-z]/.test(raw)) return null;
    const folded = [...raw].map(foldFiller).join("");
    const part = folded.replace(SPECKS, "");
    if (/[^A-Z0-9<]/.test(part)) return null;
    if (!part) continue;
    printedFillers += (part.match(/</g) ?? []).length;
    const pitch = (box.x1 - box.x0) / part.length;
    if (previous) text += "<".repeat(Math.max(0, Math.round((box.x0 - previous.x1) / previous.pitch)));
    text += part;
    previous = { x1: box.x1, pitch };
  }
  return { text, printedFillers };
}

/** Noise the recogniser reads in filler runs of a grainy photo. */
const SPECKS = /[°?'`.,:;·~^_-]/g;

/**
 * A run of fillers is where the detector splits an MRZ line and where the Chinese dictionary finds look-alikes:
 * `人`/`入` for `<` besides the folds the MRZ reader knows (`く`, `‹`).
 */
function foldFiller(ch: string): string {
  return ch === "人" || ch === "入" ? "<" : foldToMrz(ch);
}

/** The boxes of each physical row (centres within half a line height), left to right, rows top to bottom. */
function physicalRows(lines: readonly CardLine[]): CardLine[][] {
  const rows: CardLine[][] = [];
  for (const line of [...lines].sort((a, b) => a.y0 + a.y1 - b.y0 - b.y1)) {
    const row = rows.at(-1);
    const first = row?.[0];
    const height = Math.min(line.y1 - line.y0, first ? first.y1 - first.y0 : 1);
    if (row && first && Math.abs(line.y0 + line.y1 - first.y0 - first.y1) / 2 < height / 2) row.push(line);
    else rows.push([line]);
  }
  return rows.map((row) => row.sort((a, b) => a.x0 - b.x0));
}

/** Whether every check digit of the reading holds (dates and country codes are judged by the caller). */
export function mrzCheckDigitsHold(reading: MrzReading): boolean {
  return reading.checks.length > 0 && reading.checks.every((c) => c.valid);
}

/** `YYMMDD` of an ISO date, as an MRZ prints it. */
export function mrzDate(iso: string): string {
  return iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10);
}
