import { describe, expect, it } from "vitest";
import { analyseReflection } from "./analyse.ts";
import { measureFrame } from "./measure.ts";
import { generateReflectSequence, type ReflectSequence } from "./sequence.ts";
import { mulberry32, type SyntheticCaptureOptions, skinTones, synthesiseCapture } from "./synthetic.ts";

function seeded(seed: number): ReflectSequence {
  const random = mulberry32(seed);
  return generateReflectSequence({ randomInt: (max) => Math.floor(random() * max) });
}

function run(seed: number, options: Partial<SyntheticCaptureOptions>) {
  const sequence = seeded(seed);
  const capture = synthesiseCapture({ sequence, seed, width: 96, height: 72, ...options });
  const samples = capture.frames.map((f) => measureFrame(f.frame, capture.faceBox, f.t));
  return analyseReflection(sequence, capture.timeline, samples);
}

const seeds = [1, 2, 3, 4];

describe("reflection analysis on synthetic physics", () => {
  it("passes a real face, light and dark skin, dim and bright rooms", () => {
    for (const seed of seeds)
      for (const [tone, strength] of [
        ["light", 0.04],
        ["dark", 0.025],
      ] as const) {
        const verdict = run(seed, { skinAlbedo: skinTones[tone], reflectionStrength: strength });
        expect(verdict, `${tone} seed ${seed}`).toMatchObject({ passed: true, code: 0 });
        expect(verdict.scores!.lagMs).toBeGreaterThanOrEqual(0);
        expect(verdict.scores!.lagMs).toBeLessThan(150);
        expect(verdict.scores!.amplitude).toBeGreaterThan(0);
      }
  });

  it("fails a print (no response) with 1401", () => {
    for (const seed of seeds)
      expect(run(seed, { respondTo: "none" })).toMatchObject({ passed: false, code: 1401 });
  });

  it("fails a replay of another sequence (1002 when its colour changes are clear, else 1401)", () => {
    const codes = new Set<number>();
    for (const seed of seeds) {
      const verdict = run(seed, { respondTo: seeded(seed + 1000) });
      expect(verdict.passed).toBe(false);
      expect(verdict.scores!.peakCorrelation).toBeLessThan(0.55);
      codes.add(verdict.code);
    }
    expect([...codes].every((code) => code === 1002 || code === 1401)).toBe(true);
  });

  it("fails the right sequence 300 ms late with 1002", () => {
    for (const seed of seeds) {
      const verdict = run(seed, { extraDelayMs: 300 });
      expect(verdict).toMatchObject({ passed: false, code: 1002, failure: "late" });
      expect(verdict.scores!.lagMs).toBeGreaterThan(250);
    }
  });

  it("refuses a timeline that does not follow the sequence", () => {
    const sequence = seeded(9);
    const capture = synthesiseCapture({ sequence, seed: 9, width: 64, height: 48 });
    const samples = capture.frames.map((f) => measureFrame(f.frame, capture.faceBox, f.t));
    const stretched = {
      ...capture.timeline,
      colours: capture.timeline.colours.map((c) => ({ ...c, t: c.t * 1.5 })),
    };
    expect(analyseReflection(sequence, stretched, samples)).toMatchObject({
      code: 1401,
      failure: "timeline",
    });
    expect(analyseReflection(sequence, capture.timeline, samples.slice(0, 10))).toMatchObject({ code: 1107 });
  });
});
