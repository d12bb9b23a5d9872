import type { RgbImage } from "../ocr/image.ts";

/**
 * PP-OCRv4's recogniser (Chinese dictionary) often drops the spaces of Latin text: "DateofBirth", "TANROBERTO".
 * The image still shows them, so they are put back from the line's ink: the column profile of the line splits into
 * glyph blobs; when there is exactly one blob per recognised character the mapping is certain, and gaps much wider
 * than the typical letter gap are word spaces. Any doubt (touching glyphs, counts that disagree) keeps the text.
 */
export function restoreSpaces(
  image: RgbImage,
  text: string,
  box: { cx: number; cy: number; width: number; height: number; angle: number },
): string {
  const chars = [...text.replace(/\s+/g, "")];
  if (chars.length < 4 || Math.abs(box.angle) > 0.035 || !/[A-Za-z]/.test(text)) return text;
  const x0 = Math.max(0, Math.round(box.cx - box.width / 2));
  const x1 = Math.min(image.width - 1, Math.round(box.cx + box.width / 2));
  const y0 = Math.max(0, Math.round(box.cy - box.height * 0.42));
  const y1 = Math.min(image.height - 1, Math.round(box.cy + box.height * 0.42));
  if (x1 - x0 < 8 || y1 - y0 < 6) return text;
  const ink = columnInk(image, x0, x1, y0, y1);
  const blobs: { start: number; end: number }[] = [];
  for (let x = 0; x < ink.length; x++) {
    if (!ink[x]) continue;
    const last = blobs[blobs.length - 1];
    if (last && last.end === x - 1) last.end = x;
    else blobs.push({ start: x, end: x });
  }
  // Speckles narrower than 1 px at the box edge are noise, not glyphs.
  const glyphs = blobs.filter((b) => b.end - b.start >= 1 || (b.start > 1 && b.end < ink.length - 2));
  if (glyphs.length < 2) return text;
  const gaps = glyphs.slice(1).map((b, i) => b.start - glyphs[i]!.end - 1);
  const sorted = [...gaps].sort((a, b) => a - b);
  const typical = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const threshold = Math.max((y1 - y0) * 0.4, typical * 2 + 1);
  const wordGaps = gaps.map((g, i) => (g >= threshold ? i : -1)).filter((i) => i >= 0);
  const spacesInText = (text.match(/\s+/g) ?? []).length;
  if (wordGaps.length === 0 || wordGaps.length <= spacesInText) return text;
  if (glyphs.length === chars.length) return joinAt(chars, new Set(wordGaps.map((i) => i + 1)));
  // Glyphs touch (kerned "TA", "AV"): split proportionally to estimated glyph widths, and only when every word
  // boundary falls within a third of a character of a character boundary.
  const segments: { start: number; end: number }[] = [];
  let from = 0;
  for (const gi of [...wordGaps, glyphs.length - 1]) {
    segments.push({ start: glyphs[from]!.start, end: glyphs[gi]!.end });
    from = gi + 1;
  }
  const inkWidth = segments.reduce((sum, seg) => sum + seg.end - seg.start + 1, 0);
  const widths = chars.map(glyphWidth);
  const total = widths.reduce((a, b) => a + b, 0);
  const cumulative: number[] = [];
  for (const w of widths) cumulative.push((cumulative[cumulative.length - 1] ?? 0) + w);
  const splits = new Set<number>();
  let inkSoFar = 0;
  for (const seg of segments.slice(0, -1)) {
    inkSoFar += seg.end - seg.start + 1;
    const target = (inkSoFar / inkWidth) * total;
    let best = -1;
    let bestError = Number.POSITIVE_INFINITY;
    cumulative.forEach((c, i) => {
      if (Math.abs(c - target) < bestError) [best, bestError] = [i + 1, Math.abs(c - target)];
    });
    if (best <= 0 || best >= chars.length || bestError > (total / chars.length) * 0.33) return text;
    splits.add(best);
  }
  return joinAt(chars, splits);
}

function joinAt(chars: readonly string[], before: ReadonlySet<number>): string {
  let out = chars[0]!;
  for (let i = 1; i < chars.length; i++) {
    // Never open a space before closing punctuation or after an opening bracket.
    const joinable = /[,.:;)\]]/.test(chars[i]!) || /[([]/.test(chars[i - 1]!);
    out += (before.has(i) && !joinable ? " " : "") + chars[i];
  }
  return out;
}

/** Advance widths (em) of DejaVu-like sans faces: enough to place a word boundary among touching glyphs. */
function glyphWidth(ch: string): number {
  if (/[IJ]/.test(ch)) return 0.3;
  if (/[MW]/.test(ch)) return 0.92;
  if (/[A-Z]/.test(ch)) return 0.72;
  if (/[ijl]/.test(ch)) return 0.28;
  if (/[frt]/.test(ch)) return 0.4;
  if (/[mw]/.test(ch)) return 0.9;
  if (/[a-z]/.test(ch)) return 0.6;
  if (/[0-9]/.test(ch)) return 0.64;
  if (/[,.:;'|]/.test(ch)) return 0.32;
  return 0.4;
}

/** True per column where the crop has dark ink (Otsu threshold on the crop's luma). */
function columnInk(image: RgbImage, x0: number, x1: number, y0: number, y1: number): Uint8Array {
  const w = x1 - x0 + 1;
  const h = y1 - y0 + 1;
  const luma = new Uint8Array(w * h);
  const hist = new Float64Array(256);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = ((y0 + y) * image.width + x0 + x) * 3;
      const v = Math.round(0.299 * image.data[i]! + 0.587 * image.data[i + 1]! + 0.114 * image.data[i + 2]!);
      luma[y * w + x] = v;
      hist[v]!++;
    }
  }
  const threshold = otsu(hist, w * h);
  const ink = new Uint8Array(w);
  for (let x = 0; x < w; x++) {
    let dark = 0;
    for (let y = 0; y < h; y++) if (luma[y * w + x]! < threshold) dark++;
    ink[x] = dark >= 1 ? 1 : 0;
  }
  return ink;
}

function otsu(hist: Float64Array, total: number): number {
  let sum = 0;
  for (let i = 0; i < 256; i++) sum += i * hist[i]!;
  let sumB = 0;
  let weightB = 0;
  let best = 0;
  let threshold = 128;
  for (let t = 0; t < 256; t++) {
    weightB += hist[t]!;
    if (weightB === 0) continue;
    const weightF = total - weightB;
    if (weightF === 0) break;
    sumB += t * hist[t]!;
    const between = weightB * weightF * (sumB / weightB - (sum - sumB) / weightF) ** 2;
    if (between > best) {
      best = between;
      threshold = t + 0.5;
    }
  }
  return threshold;
}
