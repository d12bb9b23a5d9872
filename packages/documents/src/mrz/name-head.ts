import type { OrientedBox } from "../ocr/geometry.ts";

/**
 * Second read of a name line that came out short. The recogniser reads a long MRZ line with a long filler
 * tail worse than a short piece of it (narrow letters next to each other, `PUBLIC` → `PUBLC`), and no check
 * digit covers the name. So the head of the line — the name, up to a little past where the filler tail
 * starts — is read on its own, and the tail is known to be fillers.
 */

/** Characters read past the estimated start of the filler tail, to be sure the head read reaches it. */
const HEAD_MARGIN_CHARS = 3;
/** White space added before the line's first character, in characters: detector boxes sit tight on the
 * left and a clipped first letter is lost (`PUBLIC` → `UBLIC`). */
const LEFT_MARGIN_CHARS = 1;
/** A head that would cover most of the line saves nothing over the full read. */
const MAX_HEAD_SHARE = 0.85;

/** Where the trailing run of fillers starts in `line` (its length when there is none). */
export function fillerTailStart(line: string): number {
  return line.replace(/<+$/, "").length;
}

/**
 * The box of the head of `row` (an MRZ line box `width` characters long, read as `read`): the characters
 * before the filler tail, the characters the read lost, and a margin. Null when the head is most of the line.
 */
export function nameHeadBox(row: OrientedBox, read: string, width: number): OrientedBox | null {
  const lost = Math.max(0, width - read.length);
  const chars = fillerTailStart(read) + lost + HEAD_MARGIN_CHARS;
  if (chars > MAX_HEAD_SHARE * width) return null;
  const pitch = row.width / width;
  const headWidth = (chars + LEFT_MARGIN_CHARS) * pitch;
  // Starts LEFT_MARGIN_CHARS before the line's left edge.
  const shift = (headWidth - row.width) / 2 - LEFT_MARGIN_CHARS * pitch;
  return {
    ...row,
    width: headWidth,
    cx: row.cx + shift * Math.cos(row.angle),
    cy: row.cy + shift * Math.sin(row.angle),
  };
}

/**
 * The full line from a head read: the head's characters up to its filler run, then fillers to `width`.
 * Only when the head proves itself better than the full read: it must reach the filler tail (end in `<`)
 * and hold more name characters than the full read — at most as many more as the full read lacked.
 * Otherwise null (the full read stands).
 */
export function composeNameLine(head: string, fullRead: string, width: number): string | null {
  if (!head.endsWith("<")) return null;
  const body = head.slice(0, fillerTailStart(head));
  const fullBody = fillerTailStart(fullRead);
  const lost = width - fullRead.length;
  if (body.length <= fullBody || body.length - fullBody > lost || body.length >= width) return null;
  return body.padEnd(width, "<");
}
