/**
 * Geometry and text helpers for layout parsers. A parser sees the recognised lines of one card side in
 * card-relative coordinates (0–1 on both axes) so the same rules work at any resolution.
 */
export interface CardLine {
  /** NFKC-normalised text with single spaces. */
  readonly text: string;
  readonly confidence: number;
  /** Left, top, right, bottom, relative to the card (0–1). */
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** Structural subset of the OCR engine's line, so parsers do not depend on the engine module. */
export interface RecognisedLine {
  readonly text: string;
  readonly confidence: number;
  readonly box: { readonly cx: number; readonly cy: number; readonly width: number; readonly height: number };
}

/** PP-OCR's Chinese dictionary emits full-width forms and `×` for X; fold them into plain text. */
export function normaliseText(text: string): string {
  return text.normalize("NFKC").replace(/×/g, "X").replace(/[“”]/g, '"').replace(/\s+/g, " ").trim();
}

/** Converts engine lines to card-relative lines; `frame` is the card's bounding box in image pixels. */
export function toCardLines(
  lines: readonly RecognisedLine[],
  frame: { x: number; y: number; width: number; height: number },
): CardLine[] {
  return lines
    .map((line) => {
      const { cx, cy, width, height } = line.box;
      return {
        text: normaliseText(line.text),
        confidence: line.confidence,
        x0: (cx - width / 2 - frame.x) / frame.width,
        y0: (cy - height / 2 - frame.y) / frame.height,
        x1: (cx + width / 2 - frame.x) / frame.width,
        y1: (cy + height / 2 - frame.y) / frame.height,
      };
    })
    .filter((l) => l.text.length > 0);
}

/** The bounding box of all text, used as the card frame when no card outline was found. */
export function textFrame(lines: readonly RecognisedLine[]): {
  x: number;
  y: number;
  width: number;
  height: number;
} {
  let [x0, y0, x1, y1] = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, 0, 0];
  for (const { box } of lines) {
    x0 = Math.min(x0, box.cx - box.width / 2);
    y0 = Math.min(y0, box.cy - box.height / 2);
    x1 = Math.max(x1, box.cx + box.width / 2);
    y1 = Math.max(y1, box.cy + box.height / 2);
  }
  if (x1 <= x0 || y1 <= y0) return { x: 0, y: 0, width: 1, height: 1 };
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

const centreY = (l: CardLine) => (l.y0 + l.y1) / 2;
const lineHeight = (l: CardLine) => l.y1 - l.y0;

/** Lines sorted top to bottom, then left to right within a row. */
export function readingOrder(lines: readonly CardLine[]): CardLine[] {
  return [...lines].sort((a, b) => {
    const tolerance = Math.min(lineHeight(a), lineHeight(b)) / 2;
    return Math.abs(centreY(a) - centreY(b)) > tolerance ? centreY(a) - centreY(b) : a.x0 - b.x0;
  });
}

export interface LabelledValue {
  readonly value: string;
  readonly line: CardLine;
}

/**
 * Value printed next to or under a label. Looks in order: the label line's own text after the label (`Name: X`),
 * the nearest line to its right on the same row, then the nearest line below that starts near the label's left
 * edge. `accept` filters candidate values (e.g. a date pattern).
 */
export function valueForLabel(
  lines: readonly CardLine[],
  label: RegExp,
  options: { accept?: (value: string) => boolean; below?: boolean; right?: boolean } = {},
): LabelledValue | null {
  const accept = options.accept ?? ((v: string) => v.length > 0);
  for (const line of lines) {
    const match = label.exec(line.text);
    if (!match) continue;
    const rest = cleanValue(line.text.slice(match.index + match[0].length));
    if (rest && accept(rest)) return { value: rest, line };
    const near = valueNearLabel(lines, line, options);
    if (near) return near;
  }
  return null;
}

/** The right-hand / below search of `valueForLabel` for a label line already found (by regex or fuzzily). */
export function valueNearLabel(
  lines: readonly CardLine[],
  line: CardLine,
  options: { accept?: (value: string) => boolean; below?: boolean; right?: boolean } = {},
): LabelledValue | null {
  const accept = options.accept ?? ((v: string) => v.length > 0);
  const h = lineHeight(line);
  if (options.right !== false) {
    const right = lines
      .filter((o) => o !== line && o.x0 >= line.x1 - h && Math.abs(centreY(o) - centreY(line)) < h * 0.6)
      .sort((a, b) => a.x0 - b.x0)
      .map((o) => ({ value: cleanValue(o.text), line: o }))
      .find((c) => accept(c.value));
    if (right) return right;
  }
  if (options.below !== false) {
    const below = lines
      .filter((o) => o !== line && o.y0 > centreY(line) && o.y0 - line.y1 < h * 2.2)
      .filter((o) => o.x1 > line.x0 - h && o.x0 < line.x0 + 6 * h)
      .sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0)
      .map((o) => ({ value: cleanValue(o.text), line: o }))
      .find((c) => accept(c.value));
    if (below) return below;
  }
  return null;
}

/** Levenshtein distance (small strings only: labels). */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * A line that is the whole label `words` misread (moiré or blur drops or swaps a few letters of small print:
 * `GVENNAME`, `MIODLENA`). Compares letters only, uppercase, against the label or a prefix of it at least 6
 * letters long (the end of a label is what gets cut), allowing one edit per 4 letters. Lines holding more than
 * the label (a value after it) are not matched here: the exact regex path handles those.
 */
export function fuzzyLabelLine(lines: readonly CardLine[], words: string): CardLine | null {
  let best: { line: CardLine; distance: number } | null = null;
  for (const line of lines) {
    const distance = labelDistance(line.text, words);
    if (distance !== null && (!best || distance < best.distance)) best = { line, distance };
  }
  return best?.line ?? null;
}

/** Edit distance of `text` to the label `words` as `fuzzyLabelLine` measures it, or null when too far. */
export function labelDistance(text: string, words: string): number | null {
  if (/\d/.test(text)) return null;
  const target = words.toUpperCase().replace(/[^A-Z]/g, "");
  const letters = text.toUpperCase().replace(/[^A-Z]/g, "");
  if (letters.length < Math.min(6, target.length) || letters.length > target.length + 2) return null;
  const prefix = target.slice(0, Math.max(letters.length, Math.min(6, target.length)));
  const distance = Math.min(editDistance(letters, target), editDistance(letters, prefix));
  return distance <= Math.floor(letters.length / 4) ? distance : null;
}

/** The nearest line above `line` in the same column (left edges within two line heights), if any is within
 * `maxGap` line heights; `accept` filters candidates. */
export function lineAbove(
  lines: readonly CardLine[],
  line: CardLine,
  maxGap: number,
  accept: (text: string) => boolean,
): CardLine | null {
  const h = lineHeight(line);
  return (
    lines
      .filter((o) => o !== line && o.y1 <= centreY(line) && line.y0 - o.y1 < h * maxGap)
      .filter((o) => Math.abs(o.x0 - line.x0) < 2 * h)
      .sort((a, b) => b.y1 - a.y1)
      .find((o) => accept(cleanValue(o.text))) ?? null
  );
}

/** Strips separators that sit between a label and its value. */
export function cleanValue(text: string): string {
  return text.replace(/^[\s:：.;,/|-]+/, "").trim();
}

/** First match of `pattern` in any line (reading order); returns the capture or whole match. */
export function findPattern(
  lines: readonly CardLine[],
  pattern: RegExp,
): { match: RegExpExecArray; line: CardLine } | null {
  for (const line of readingOrder(lines)) {
    const match = pattern.exec(line.text);
    if (match) return { match, line };
  }
  return null;
}

/** Lines whose centre lies in the card-relative rectangle. */
export function linesIn(
  lines: readonly CardLine[],
  x0: number,
  y0: number,
  x1: number,
  y1: number,
): CardLine[] {
  return lines.filter((l) => {
    const cx = (l.x0 + l.x1) / 2;
    const cy = centreY(l);
    return cx >= x0 && cx <= x1 && cy >= y0 && cy <= y1;
  });
}

/** OCR digit confusions inside a field known to be numeric. */
export function digitsOnly(text: string): string {
  return text
    .toUpperCase()
    .replace(/[OQD]/g, "0")
    .replace(/[IL|]/g, "1")
    .replace(/Z/g, "2")
    .replace(/S/g, "5")
    .replace(/B/g, "8")
    .replace(/G/g, "6")
    .replace(/[^0-9]/g, "");
}

/**
 * A Latin label matched with any spacing between its letters: the spacing pass may split a word where the
 * recogniser left a wide gap (`Las tname`) or join two (`DateofBirth`).
 */
export function spacedLabel(label: string): RegExp {
  const letters = [...label.replace(/\s+/g, "")].map((ch) => ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(letters.join("\\s*"), "i");
}
