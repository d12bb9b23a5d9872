import type { OrientedBox } from "../ocr/geometry.ts";
import { fitLineLength, targetWidth } from "./fit-lines.ts";
import { detectFormat } from "./formats.ts";
import { parseMrzLines } from "./parse.ts";
import type { MrzReading } from "./types.ts";

/** A recognised text row that may be an MRZ line. */
export interface RowRead {
  readonly box: OrientedBox;
  /** MRZ-alphabet decoding. */
  readonly mrz: string;
  /** Full-dictionary decoding. */
  readonly text: string;
  readonly confidence: number;
}

export interface MrzBlock {
  readonly rows: RowRead[];
  readonly reading: MrzReading;
  /** Higher is better: a valid read beats any invalid one, then more passing check digits. */
  readonly score: number;
  /** Characters added or removed to fit the lines to the layout width. */
  readonly adjustment: number;
  /** The name line (which no check digit covers) was fitted: a character may be lost without a check
   * digit noticing, so it is worth another read. */
  readonly nameLineFitted: boolean;
  /** Index in `rows` of the name line (null for layouts without a `name` field). */
  readonly nameLine: number | null;
  /** Layout width the lines were fitted to. */
  readonly width: number;
}

/** An MRZ line is long, made of A-Z 0-9 < only, and has fillers or many digits. */
export function looksLikeMrz(row: RowRead): boolean {
  const mrz = row.mrz;
  if (mrz.length < 20 || mrz.length > 50) return false;
  const compact = row.text.replace(/\s+/g, "");
  // Most of what the full dictionary read must also be MRZ characters (rules out VIZ prose).
  if (compact.length > 0 && mrz.length / compact.length < 0.7) return false;
  const fillers = (mrz.match(/</g) ?? []).length;
  const digits = (mrz.match(/[0-9]/g) ?? []).length;
  return fillers >= 2 || digits >= 8;
}

/** Position across the text direction, to order rows top to bottom on a tilted page. */
function across(box: OrientedBox, angle: number): number {
  return -box.cx * Math.sin(angle) + box.cy * Math.cos(angle);
}

/** Reads kept per physical line when combining alternatives (the best-looking first). */
const MAX_READS_PER_LINE = 4;

/**
 * Groups row reads that lie on one physical line (centres within half a line height across the text
 * direction): a second pass reads the same line again from a wider or padded box, and those reads are
 * alternatives for one MRZ line, not further lines. Lines come top to bottom.
 */
export function groupByLine(rows: readonly RowRead[], angle: number): RowRead[][] {
  const sorted = [...rows].sort((a, b) => across(a.box, angle) - across(b.box, angle));
  const lines: RowRead[][] = [];
  for (const row of sorted) {
    const line = lines[lines.length - 1];
    const first = line?.[0];
    if (line && first && across(row.box, angle) - across(first.box, angle) < 0.5 * first.box.height) {
      line.push(row);
    } else lines.push([row]);
  }
  // Reads closest to an MRZ line length first: those need the least fitting.
  for (const line of lines)
    line.sort((a, b) => lengthMiss(a.mrz) - lengthMiss(b.mrz) || b.confidence - a.confidence);
  return lines.map((line) => line.slice(0, MAX_READS_PER_LINE));
}

/** Characters away from the nearest MRZ line length (30, 36, 44). */
function lengthMiss(text: string): number {
  return Math.min(...[30, 36, 44].map((w) => Math.abs(text.length - w)));
}

/** Every choice of one read per line. */
function combinations(lines: readonly RowRead[][]): RowRead[][] {
  let out: RowRead[][] = [[]];
  for (const line of lines) out = out.flatMap((prefix) => line.map((read) => [...prefix, read]));
  return out;
}

/**
 * Picks the MRZ: among runs of 2 or 3 consecutive MRZ-like lines with regular spacing, and among the
 * alternative reads of each line, the combination whose fitted lines parse best (valid first, then most
 * passing check digits, then the fewest fitted characters, then the lowest on the page).
 */
export function chooseBlock(rows: readonly RowRead[]): MrzBlock | null {
  const candidates = rows.filter(looksLikeMrz);
  if (candidates.length < 2) return null;
  const angle = median(candidates.map((r) => r.box.angle));
  const lines = groupByLine(candidates, angle);
  let best: MrzBlock | null = null;
  for (const count of [3, 2]) {
    for (let i = 0; i + count <= lines.length; i++) {
      for (const block of combinations(lines.slice(i, i + count))) {
        if (!regular(block, angle)) continue;
        const candidate = scoreBlock(block, count, i);
        if (candidate && (!best || candidate.score > best.score)) best = candidate;
      }
    }
  }
  return best;
}

/**
 * Two reads of one MRZ from different images (the page and the second-pass crop): line by line, either
 * pass's read is an alternative, so a check-bearing line read cleanly in one pass and the name line read
 * cleanly in the other can make up one block. Null when the blocks are not the same layout.
 */
export function mergeBlocks(a: MrzBlock, b: MrzBlock): MrzBlock | null {
  if (a.rows.length !== b.rows.length || a.width !== b.width) return null;
  // The second read takes the first's geometry (a copy, so that each read keeps its own box identity).
  const rows = a.rows.flatMap((row, i) => {
    const other = b.rows[i];
    return other ? [row, { ...other, box: { ...row.box } }] : [row];
  });
  return chooseBlock(rows);
}

function scoreBlock(block: RowRead[], count: number, position: number): MrzBlock | null {
  const raw = block.map((r) => r.mrz);
  const width = targetWidth(raw);
  if (width === null) return null;
  const fitted = raw.map((l) => fitLineLength(l, width));
  const reading = parseMrzLines(fitted);
  if (!reading.found) return null;
  const adjustment = raw.reduce((n, l) => n + Math.abs(l.length - width), 0);
  const withRaw: MrzReading = {
    ...reading,
    rawLines: raw,
    warnings:
      adjustment > 0
        ? [
            ...reading.warnings,
            { code: "LINE_LENGTH_ADJUSTED", message: `Lines were fitted to ${width} characters.` },
          ]
        : reading.warnings,
  };
  const passing = reading.checks.filter((c) => c.valid).length;
  // No check digit covers the name: among alternative reads of the name line, one with noise in its filler
  // tail is the worse read (a penalty below one check digit's worth, so it never outweighs a check).
  const noisyName = reading.warnings.some((w) => w.code === "NAME_FILLER_NOISE");
  const confidence = block.reduce((n, r) => n + r.confidence, 0) / block.length;
  const score =
    (reading.valid ? 1000 : 0) +
    passing * 20 -
    reading.corrections.length * 2 -
    adjustment * 3 -
    (noisyName ? 15 : 0) +
    (count === 3 ? 1 : 0) +
    confidence +
    position * 0.01;
  const nameLine = detectFormat(fitted)?.fields.find((f) => f.name === "name")?.span.line;
  const nameLineFitted = nameLine !== undefined && raw[nameLine]?.length !== width;
  return {
    rows: block,
    reading: withRaw,
    score,
    adjustment,
    nameLineFitted,
    nameLine: nameLine ?? null,
    width,
  };
}

/** Consecutive rows of similar length and height, each within ~3 line heights of the next. */
function regular(block: readonly RowRead[], angle: number): boolean {
  const widths = block.map((r) => r.box.width);
  if (Math.max(...widths) > 1.35 * Math.min(...widths)) return false;
  for (let k = 1; k < block.length; k++) {
    const a = block[k - 1] as RowRead;
    const b = block[k] as RowRead;
    const h = (a.box.height + b.box.height) / 2;
    const step = across(b.box, angle) - across(a.box, angle);
    if (step < 0.6 * h || step > 3.2 * h) return false;
  }
  return true;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
