import { describe, expect, it } from "vitest";
import { isSaturatedRed, safePalette } from "./palette.ts";
import {
  assertSafeSequence,
  generateReflectSequence,
  maxChangesPerSecond,
  sequenceDurationMs,
  sequenceFromWire,
  sequenceToWire,
} from "./sequence.ts";

describe("reflection sequence", () => {
  it("is random, long enough, safe and short", () => {
    const a = generateReflectSequence();
    const b = generateReflectSequence();
    expect(a.id).not.toBe(b.id);
    expect(a.colours.map((c) => c.rgb)).not.toEqual(b.colours.map((c) => c.rgb));
    for (const sequence of [a, b]) {
      expect(sequence.colours.length).toBeGreaterThanOrEqual(8);
      expect(maxChangesPerSecond(sequence)).toBeLessThanOrEqual(3);
      expect(sequenceDurationMs(sequence)).toBeLessThanOrEqual(3000);
      for (let i = 1; i < sequence.colours.length; i++)
        expect(sequence.colours[i]!.rgb).not.toBe(sequence.colours[i - 1]!.rgb);
      expect(new Set(sequence.colours.map((c) => c.durationMs)).size).toBeGreaterThan(1);
    }
  });

  it("never uses a saturated red and refuses unsafe sequences", () => {
    expect(safePalette.some((c) => isSaturatedRed(c.rgb))).toBe(false);
    expect(isSaturatedRed([255, 0, 0])).toBe(true);
    const safe = generateReflectSequence();
    const red = {
      ...safe,
      colours: safe.colours.map((c, i) => (i === 3 ? { ...c, rgb: [250, 10, 10] as const } : c)),
    };
    expect(() => assertSafeSequence(red)).toThrow(/saturated red/);
    const fast = { ...safe, colours: safe.colours.map((c) => ({ ...c, durationMs: 200 })) };
    expect(() => assertSafeSequence(fast)).toThrow(/safe range/);
  });

  it("round-trips through the wire shape", () => {
    const sequence = generateReflectSequence();
    expect(sequenceFromWire(sequenceToWire(sequence))).toEqual(sequence);
  });
});
