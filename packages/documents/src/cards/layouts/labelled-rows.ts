import {
  type CardLine,
  cleanValue,
  fuzzyLabelLine,
  type LabelledValue,
  labelDistance,
  valueForLabel,
  valueNearLabel,
} from "../lines.ts";
import { findPrintedDate, type PrintedDate } from "../printed-dates.ts";

/**
 * Helpers for the bilingual "label above value" rows of the licences and the PhilID (`Nama / Name`,
 * `Apelyido/Last Name`): the exact label first, then the label misread (blur, moiré) found fuzzily.
 */
type Order = "DMY" | "MDY" | "YMD";
const centreY = (l: CardLine) => (l.y0 + l.y1) / 2;
const height = (l: CardLine) => l.y1 - l.y0;

export interface RowOptions {
  accept: (value: string) => boolean;
  right?: boolean;
  below?: boolean;
  /** Other labels of the card a misread could equally be (`Date of Birth` for `Date of Issue`). */
  rivals?: readonly string[];
}

/**
 * The value of a labelled row: by `label` (regex), else by the misread label closest to `words` — unless that
 * line is as close to one of the `rivals` (`Date ot` could be either date label), which would be a guess.
 */
export function labelledValue(
  lines: readonly CardLine[],
  label: RegExp,
  words: string,
  options: RowOptions,
): LabelledValue | null {
  const exact = valueForLabel(lines, label, options);
  if (exact) return exact;
  const misread = fuzzyLabelLine(lines, words);
  if (!misread) return null;
  const distance = labelDistance(misread.text, words)!;
  const rival = options.rivals?.some(
    (r) => (labelDistance(misread.text, r) ?? Number.POSITIVE_INFINITY) <= distance,
  );
  return rival ? null : valueNearLabel(lines, misread, options);
}

/** The label line itself (exact, else fuzzy), for rows whose value spans several lines. */
export function labelLine(lines: readonly CardLine[], label: RegExp, words: string): CardLine | null {
  return lines.find((l) => label.test(l.text)) ?? fuzzyLabelLine(lines, words);
}

/**
 * The lines printed under `label` in its column (an address block): top to bottom while each starts within a
 * line height or two of the label's left edge and follows the previous one without a blank row; `stop` ends
 * the block at the next label. `maxGap` is the blank allowed before a line, in label heights.
 */
export function linesUnder(
  lines: readonly CardLine[],
  label: CardLine,
  max: number,
  stop: (text: string) => boolean,
  maxGap = 1.6,
): CardLine[] {
  const h = height(label);
  const column = lines
    .filter((o) => o !== label && centreY(o) > label.y1 && o.x1 > label.x0 - h && o.x0 < label.x0 + 3 * h)
    .sort((a, b) => a.y0 - b.y0);
  const block: CardLine[] = [];
  let bottom = label.y1;
  for (const line of column) {
    if (block.length >= max || line.y0 - bottom > maxGap * h || stop(cleanValue(line.text))) break;
    block.push(line);
    bottom = line.y1;
  }
  return block;
}

/**
 * The text of a row from `line` rightwards (a value the recogniser cut into several boxes). A box overlapping the
 * one before it (a glare re-read of the same words) is left out.
 */
export function rowFrom(lines: readonly CardLine[], line: CardLine): string {
  const h = height(line);
  const row = lines
    .filter((o) => o.x0 >= line.x0 - h / 2 && Math.abs(centreY(o) - centreY(line)) < h * 0.6)
    .sort((a, b) => a.x0 - b.x0);
  const kept: CardLine[] = [];
  for (const box of row) if (!kept.length || box.x0 >= kept.at(-1)!.x1 - h / 2) kept.push(box);
  return kept.map((o) => o.text).join(" ");
}

/** Every full date in `text`, left to right (a validity period `from - to`). */
export function datesIn(text: string, order: Order = "DMY"): PrintedDate[] {
  const found: PrintedDate[] = [];
  let rest = text;
  for (let date = findPrintedDate(rest, order); date; date = findPrintedDate(rest, order)) {
    found.push(date);
    // `raw` of a numeric date has its inner spaces removed; such a date is the last one we can place.
    const at = rest.indexOf(date.raw);
    if (at < 0) break;
    rest = rest.slice(at + date.raw.length);
  }
  return found;
}

/** A text-month date with the recogniser's 0-for-O inside the month put right (`190ctober1994`, `N0v`). */
export function monthLetters(text: string): string {
  return text.replace(/0(?=[a-z])|(?<=[A-Za-z])0(?=[A-Za-z])/g, "O");
}

/**
 * The earliest full date on the card, leaving out dates already read as something else (`others`: the issue and
 * expiry dates). On a licence the holder was born before the licence was issued and it expires after that, so when
 * the birth-date label or its value is unreadable, the earliest other date is the birth date.
 */
export function earliestDate(
  lines: readonly CardLine[],
  order: Order = "DMY",
  others: readonly (string | null)[] = [],
): PrintedDate | null {
  const dates = lines
    .flatMap((l) => datesIn(monthLetters(l.text), order))
    .filter((d) => !others.includes(d.iso))
    .sort((a, b) => a.iso.localeCompare(b.iso));
  return dates[0] ?? null;
}

/** Dates given in the order they must fall (birth, issue, expiry); null when fewer than two were read. */
export function datesInOrder(...dates: (string | null)[]): boolean | null {
  const read = dates.filter((d): d is string => d !== null);
  if (read.length < 2) return null;
  return read.every((d, i) => i === 0 || read[i - 1]! < d);
}
