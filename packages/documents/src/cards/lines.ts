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
  }
  return null;
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
