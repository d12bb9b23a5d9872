import type { OrientedBox } from "../ocr/geometry.ts";
import { fitLineLength, targetWidth } from "./fit-lines.ts";
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

/**
 * Picks the MRZ: among runs of 2 or 3 consecutive MRZ-like rows with regular spacing, the one whose
 * fitted lines parse best (valid first, then most passing check digits, then the lowest on the page).
 */
export function chooseBlock(rows: readonly RowRead[]): MrzBlock | null {
  const candidates = rows.filter(looksLikeMrz);
  if (candidates.length < 2) return null;
  const angle = median(candidates.map((r) => r.box.angle));
  const sorted = [...candidates].sort((a, b) => across(a.box, angle) - across(b.box, angle));
  let best: MrzBlock | null = null;
  for (const count of [3, 2]) {
    for (let i = 0; i + count <= sorted.length; i++) {
      const block = sorted.slice(i, i + count);
      if (!regular(block, angle)) continue;
      const raw = block.map((r) => r.mrz);
      const width = targetWidth(raw);
      if (width === null) continue;
      const fitted = raw.map((l) => fitLineLength(l, width));
      const reading = parseMrzLines(fitted);
      if (!reading.found) continue;
      const adjustment = raw.reduce((n, l) => n + Math.abs(l.length - width), 0);
      const adjusted = adjustment > 0;
      const withRaw: MrzReading = {
        ...reading,
        rawLines: raw,
        warnings: adjusted
          ? [
              ...reading.warnings,
              { code: "LINE_LENGTH_ADJUSTED", message: `Lines were fitted to ${width} characters.` },
            ]
          : reading.warnings,
      };
      const passing = reading.checks.filter((c) => c.valid).length;
      const score =
        (reading.valid ? 1000 : 0) +
        passing * 20 -
        reading.corrections.length * 2 -
        adjustment * 3 +
        (count === 3 ? 1 : 0) +
        i * 0.01;
      if (!best || score > best.score) best = { rows: block, reading: withRaw, score, adjustment };
    }
  }
  return best;
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
