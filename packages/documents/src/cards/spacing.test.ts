import sharp from "sharp";
import { describe, expect, it } from "vitest";
import type { RgbImage } from "../ocr/image.ts";
import { restoreSpaces } from "./spacing.ts";

async function renderLine(text: string): Promise<RgbImage> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="520" height="60"><rect width="520" height="60" fill="#e9f0e4"/><text x="10" y="42" font-family="DejaVu Sans" font-size="30" font-weight="bold" fill="#1a1a1a">${text}</text></svg>`;
  const { data, info } = await sharp(Buffer.from(svg))
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data), width: info.width, height: info.height };
}
const box = { cx: 260, cy: 31, width: 510, height: 36, angle: 0 };

describe("restoreSpaces", () => {
  it("puts back word spaces the recogniser dropped, also between touching glyphs", async () => {
    expect(restoreSpaces(await renderLine("TAN ROBERTO"), "TANROBERTO", box)).toBe("TAN ROBERTO");
    expect(restoreSpaces(await renderLine("Date of Birth"), "DateofBirth", box)).toBe("Date of Birth");
  });
  it("never spaces before punctuation and keeps text with no visible gap", async () => {
    expect(restoreSpaces(await renderLine("WONG, MEI LING"), "WONG,MEILING", box)).toBe("WONG, MEI LING");
    expect(restoreSpaces(await renderLine("MALAYSIA"), "MALAYSIA", box)).toBe("MALAYSIA");
  });
  it("leaves tilted boxes and short strings alone", async () => {
    const image = await renderLine("TAN ROBERTO");
    expect(restoreSpaces(image, "TANROBERTO", { ...box, angle: 0.2 })).toBe("TANROBERTO");
    expect(restoreSpaces(image, "TAN", box)).toBe("TAN");
  });
});
