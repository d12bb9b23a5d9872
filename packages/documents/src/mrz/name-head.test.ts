import { describe, expect, it } from "vitest";
import type { OrientedBox } from "../ocr/geometry.ts";
import { composeNameLine, fillerTailStart, nameHeadBox } from "./name-head.ts";

describe("fillerTailStart", () => {
  it("finds where the trailing fillers begin", () => {
    expect(fillerTailStart("PUBLC<<JON<<<<<")).toBe(10);
    expect(fillerTailStart("P<GBRUNITED<KINGDOM")).toBe(19);
    expect(fillerTailStart("<<<<")).toBe(0);
  });
});

describe("nameHeadBox", () => {
  const line: OrientedBox = { cx: 400, cy: 100, width: 600, height: 30, angle: 0 };

  it("covers the name, the lost characters and a margin, from one character before the line's left edge", () => {
    // 30 characters over 600 px: 20 px each. Read 27 characters, the name part 8 long: 8 + 3 lost + 3.
    const box = nameHeadBox(line, `PUBC<<ON${"<".repeat(19)}`, 30);
    expect(box).not.toBeNull();
    expect(box?.width).toBeCloseTo(15 * 20, 6);
    expect((box?.cx ?? 0) - (box?.width ?? 0) / 2).toBeCloseTo(100 - 20, 6);
    expect(box?.cy).toBe(100);
    expect(box?.height).toBe(30);
  });

  it("follows a tilted line", () => {
    const angle = (10 * Math.PI) / 180;
    const box = nameHeadBox({ ...line, angle }, `AB<<CD${"<".repeat(22)}`, 30) as OrientedBox;
    const leftX = box.cx - (box.width / 2) * Math.cos(angle);
    const leftY = box.cy - (box.width / 2) * Math.sin(angle);
    expect(leftX).toBeCloseTo(400 - 320 * Math.cos(angle), 6);
    expect(leftY).toBeCloseTo(100 - 320 * Math.sin(angle), 6);
  });

  it("gives up when the head would be most of the line", () => {
    expect(nameHeadBox(line, "P<GBRUNITED<KINGDOM<TWENTY<SIX", 30)).toBeNull();
  });
});

describe("composeNameLine", () => {
  const fullRead = `PUBC<<ON${"<".repeat(19)}`; // 27 of 30 characters

  it("takes a head read that recovers lost characters and fills the tail", () => {
    expect(composeNameLine("PUBLIC<<JON<<<", fullRead, 30)).toBe(`PUBLIC<<JON${"<".repeat(19)}`);
  });

  it("keeps the full read when the head read is no longer, never reached the fillers, or gained too much", () => {
    expect(composeNameLine("PUBCO<<N<<<", fullRead, 30)).toBeNull();
    expect(composeNameLine("PUBLIC<<JON", fullRead, 30)).toBeNull();
    expect(composeNameLine("PUBLIC<<JONATHAN<<", fullRead, 30)).toBeNull();
  });

  it("does nothing for a full read that lost no character", () => {
    expect(composeNameLine("PUBLIC<<JON<<<", `PUBLIC<<JON${"<".repeat(19)}`, 30)).toBeNull();
  });
});
