import { describe, expect, it } from "vitest";
import type { RgbImage } from "../ocr/image.ts";
import { flattenGlare, mergeGlareLines, type Region } from "./glare.ts";
import type { CardLine } from "./lines.ts";

/** 200×100 card, background 230, a dark 30 bar (a text stroke) across x 40–180, y 45–55. */
function card(glareFromX: number | null): RgbImage {
  const [w, h] = [200, 100];
  const data = new Uint8Array(w * h * 3);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const print = x >= 40 && x < 180 && y >= 45 && y < 55 ? 30 : 230;
      // A highlight of opacity 0.97 over the right part: 3 % of the print's contrast survives.
      const v = glareFromX !== null && x >= glareFromX ? Math.round(0.97 * 255 + 0.03 * print) : print;
      data.fill(v, (y * w + x) * 3, (y * w + x) * 3 + 3);
    }
  return { data, width: w, height: h };
}
const at = (img: RgbImage, x: number, y: number) => img.data[(y * img.width + x) * 3]!;

describe("flattenGlare", () => {
  it("restores the faint print under a highlight and leaves the rest untouched", () => {
    const photo = card(150);
    expect(at(photo, 165, 50)).toBeGreaterThan(240); // unreadable as captured
    const flat = flattenGlare(photo);
    expect(flat).not.toBeNull();
    expect(at(flat!.image, 165, 50)).toBeLessThan(128); // stroke dark again
    expect(at(flat!.image, 165, 20)).toBeGreaterThan(200); // background stays light
    expect(at(flat!.image, 60, 50)).toBe(30); // outside the glare: the original pixels
    expect(flat!.region.x0).toBeGreaterThan(0.65);
    expect(flat!.region.x1).toBe(1);
  });

  it("finds nothing to restore on a card without a highlight", () => {
    expect(flattenGlare(card(null))).toBeNull();
  });
});

const line = (text: string, x0: number, y0: number, x1: number, y1: number): CardLine => ({
  text,
  confidence: 0.9,
  x0,
  y0,
  x1,
  y1,
});
const GLARE: Region = { x0: 0.5, y0: 0.25, x1: 0.9, y1: 0.7 };

describe("mergeGlareLines", () => {
  it("replaces a line only by a same-row re-read that extends it, and adds re-read print nothing covered", () => {
    const original = [
      line("Name: JOSE R. KUMA", 0.33, 0.32, 0.65, 0.37),
      line("SS Number 51-4187315-8", 0.33, 0.19, 0.83, 0.24),
      line("PHL", 0.29, 0.38, 0.35, 0.42),
    ];
    const reread = [
      line("Name: JOSE R. KUMAR", 0.33, 0.32, 0.67, 0.37),
      line("SS Number 51-4187315-3", 0.33, 0.19, 0.83, 0.24), // differs, not an extension: ignored
      line("1990/01/19", 0.57, 0.45, 0.73, 0.5), // nothing was read there before: added
      line("GHOST", 0.05, 0.8, 0.2, 0.85), // outside the glare region: ignored
    ];
    const merged = mergeGlareLines(original, reread, GLARE).map((l) => l.text);
    expect(merged).toEqual(["Name: JOSE R. KUMAR", "SS Number 51-4187315-8", "PHL", "1990/01/19"]);
  });

  it("keeps the first read when the re-read is shorter or different", () => {
    const original = [line("Date of Birth: 09/13/1956", 0.33, 0.42, 0.6, 0.46)];
    const reread = [line("Date of Birth: 09/13/195", 0.33, 0.42, 0.6, 0.46)];
    expect(mergeGlareLines(original, reread, GLARE)).toEqual(original);
  });
});
