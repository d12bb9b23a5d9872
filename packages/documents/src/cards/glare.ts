/**
 * Re-reading text under a specular highlight. A glare spot adds white light with an opacity that falls off from
 * its centre: observed = a·255 + (1−a)·print. Outside the very centre (a < 1) the print is still there at a
 * fraction (1−a) of its contrast, too faint for the recogniser. Local contrast normalisation divides that fraction
 * back out: the local background B gives (1−a) = (255 − B) / (255 − card background), and the print is restored
 * as card background − (B − observed) / (1−a). Where a reaches 1 nothing is left to restore and the text stays
 * unread; the merge below only ever extends or adds lines the re-read actually recognised.
 */
import { toGrey } from "../crop/raster.ts";
import type { RgbImage } from "../ocr/image.ts";
import type { CardLine } from "./lines.ts";

/** Card-relative rectangle (0–1). */
export interface Region {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** Background lift (B − card background, luma levels) from which a pixel counts as under the glare. */
const LIFT_MIN = 8;
/** Smallest contrast fraction (1−a) divided out: caps the gain at 1/0.04 = 25× (JPEG noise grows with it). */
const MIN_CONTRAST = 0.04;
/** Max-filter radius for the local background (wider than a bold stroke at card-crop resolution). */
const BACKGROUND_RADIUS = 7;

function maxFilter(src: Float32Array, w: number, h: number, r: number): Float32Array {
  const tmp = new Float32Array(src.length);
  const out = new Float32Array(src.length);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      let m = 0;
      for (let k = Math.max(0, x - r); k <= Math.min(w - 1, x + r); k++) m = Math.max(m, src[y * w + k]!);
      tmp[y * w + x] = m;
    }
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      let m = 0;
      for (let k = Math.max(0, y - r); k <= Math.min(h - 1, y + r); k++) m = Math.max(m, tmp[k * w + x]!);
      out[y * w + x] = m;
    }
  return out;
}

function median(values: Float32Array): number {
  const sorted = Float32Array.from(values).sort();
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/**
 * The card with the glare-lifted area contrast-normalised (grey there, untouched elsewhere), and the card-relative
 * bounding box of that area; null when no part of the card is lifted above its background.
 */
export function flattenGlare(card: RgbImage): { image: RgbImage; region: Region } | null {
  const { width: w, height: h } = card;
  const grey = toGrey(card);
  const background = maxFilter(grey.data, w, h, BACKGROUND_RADIUS);
  const cardBackground = median(background);
  const headroom = Math.max(1, 255 - cardBackground);
  const data = Uint8Array.from(card.data);
  let [x0, y0, x1, y1] = [w, h, -1, -1];
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      const b = background[i]!;
      if (b - cardBackground < LIFT_MIN) continue;
      const contrast = Math.max(MIN_CONTRAST, (255 - b) / headroom);
      const restored = cardBackground - (b - grey.data[i]!) / contrast;
      const v = Math.max(0, Math.min(255, Math.round(restored)));
      data.fill(v, i * 3, i * 3 + 3);
      [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
    }
  if (x1 < 0) return null;
  return {
    image: { data, width: w, height: h },
    region: { x0: x0 / w, y0: y0 / h, x1: (x1 + 1) / w, y1: (y1 + 1) / h },
  };
}

const compact = (text: string) => text.toUpperCase().replace(/[^A-Z0-9]/g, "");
const overlaps = (a: Region, b: Region) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
const sameRow = (a: CardLine, b: CardLine) => {
  const h = Math.min(a.y1 - a.y0, b.y1 - b.y0);
  return Math.abs((a.y0 + a.y1) / 2 - (b.y0 + b.y1) / 2) < h * 0.5 && a.x0 < b.x1 && b.x0 < a.x1;
};

/**
 * Lines of the first read, corrected by the re-read of the flattened glare area. Conservative: an original line
 * touching the area is replaced only by a re-read line on the same row whose text extends it (`KUMA` → `KUMAR`,
 * `1990` → `1990/01/19`); a re-read line in the area that overlaps no original line is added (print the glare
 * had hidden from the detector). Every other original line is kept as it was.
 */
export function mergeGlareLines(
  original: readonly CardLine[],
  reread: readonly CardLine[],
  region: Region,
): CardLine[] {
  const inRegion = reread.filter((l) => overlaps(l, region));
  const merged = original.map((line) => {
    if (!overlaps(line, region)) return line;
    const base = compact(line.text);
    const longer = inRegion
      .filter((r) => sameRow(r, line))
      .filter((r) => {
        const text = compact(r.text);
        return text.length > base.length && text.startsWith(base);
      })
      .sort((a, b) => b.text.length - a.text.length)[0];
    return longer ?? line;
  });
  const added = inRegion.filter((r) => !original.some((o) => sameRow(o, r)));
  return [...merged, ...added];
}
