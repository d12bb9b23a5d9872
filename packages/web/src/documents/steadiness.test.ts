import { describe, expect, it } from "vitest";
import { laplacianVariance, meanAbsDifference, SteadinessJudge, toGrey } from "./steadiness.ts";

const width = 64;
const height = 40;

/** A card-like test frame: dark text strokes on a light background, shifted by `dx`, optionally smeared. */
function frame(dx: number, blur = false): Uint8Array {
  const grey = new Uint8Array(width * height).fill(210);
  for (let y = 8; y < 32; y += 6)
    for (let x = 6 + dx; x < 58 + dx && x < width; x += 3) grey[y * width + x] = 30;
  if (!blur) return grey;
  const out = new Uint8Array(grey.length);
  for (let i = 0; i < grey.length; i++)
    out[i] = Math.round(((grey[i - 1] ?? 210) + grey[i]! + (grey[i + 1] ?? 210)) / 3);
  return out;
}

describe("auto-capture steadiness judge", () => {
  it("measures luma, motion and sharpness", () => {
    expect([...toGrey(new Uint8ClampedArray([255, 255, 255, 255, 0, 0, 0, 255]))]).toEqual([255, 0]);
    expect(meanAbsDifference(frame(0), frame(0))).toBe(0);
    expect(meanAbsDifference(frame(0), frame(2))).toBeGreaterThan(4);
    expect(laplacianVariance(frame(0), width, height)).toBeGreaterThan(
      laplacianVariance(frame(0, true), width, height),
    );
  });

  it("shoots only after the card stood still and sharp for several frames", () => {
    const judge = new SteadinessJudge();
    const verdicts = [frame(4), frame(2), ...Array.from({ length: 6 }, () => frame(0))].map((f) =>
      judge.push(f, width, height),
    );
    expect(verdicts.slice(0, 6)).toEqual(Array(6).fill("moving"));
    expect(verdicts.at(-1)).toBe("steady");
    judge.reset();
    const blurry = Array.from({ length: 3 }, () => judge.push(frame(0), width, height));
    expect(blurry).toEqual(["moving", "moving", "moving"]);
    const smeared = Array.from({ length: 6 }, () => judge.push(frame(0, true), width, height));
    // Still, but much softer than the sharp frames just seen: focus is hunting, keep waiting.
    expect(smeared.at(-1)).toBe("blurry");
  });
});
