/**
 * Fits OCR'd MRZ lines to their layout width. CTC recognisers miscount long runs of identical characters,
 * and in an MRZ those are filler runs: growing or shrinking the longest `<` run is the likely repair. Any
 * wrong guess still has to get past the check digits, so this never creates validity on its own.
 */
export function fitLineLength(line: string, width: number): string {
  let text = line;
  while (text.length !== width) {
    const run = longestFillerRun(text);
    if (text.length < width) {
      if (run) text = `${text.slice(0, run.end)}<${text.slice(run.end)}`;
      else text = `${text}<`;
    } else if (run && run.end - run.start > 1) {
      text = text.slice(0, run.start) + text.slice(run.start + 1);
    } else {
      text = text.slice(0, width);
    }
  }
  return text;
}

/** Longest run of `<` (the later one on ties: trailing fillers are the commonest miscounted run). */
function longestFillerRun(text: string): { start: number; end: number } | null {
  let best: { start: number; end: number } | null = null;
  const pattern = /<{2,}/g;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const run = { start: m.index, end: m.index + m[0].length };
    if (!best || run.end - run.start >= best.end - best.start) best = run;
  }
  return best;
}

/** Layout width for a block of OCR'd lines: 3 lines → 30; 2 lines → 36 or 44, whichever is nearer. */
export function targetWidth(lines: readonly string[]): number | null {
  const mean = lines.reduce((n, l) => n + l.length, 0) / Math.max(1, lines.length);
  // Beyond a few characters off, the lines are not this layout (or not an MRZ read worth fitting).
  if (lines.length === 3) return mean >= 26 && mean <= 34 ? 30 : null;
  if (lines.length !== 2) return null;
  if (mean >= 32.5 && mean < 40) return 36;
  if (mean >= 40 && mean <= 48) return 44;
  return null;
}
