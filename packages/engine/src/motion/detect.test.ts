import { describe, expect, it } from "vitest";
import { detectMotions } from "./detect.ts";
import type { MotionEvent } from "./events.ts";
import { checkActionSequence, parseValidateData } from "./sequence.ts";
import type { FaceSignals, MotionSample } from "./signals.ts";

/** Deterministic jitter (a small LCG) so the series look like real, noisy landmark output. */
function jitter(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648 - 0.5;
  };
}

interface Person {
  readonly eye: number;
  readonly mouth: number;
  readonly yaw: number;
  readonly pitch: number;
}

/** A resting face sampled at `fps` for `seconds`, with `shape` changing the signals at given times. */
function series(
  seconds: number,
  fps: number,
  person: Person,
  shape: (t: number, face: FaceSignals) => FaceSignals | null = (_t, face) => face,
): MotionSample[] {
  const noise = jitter(7);
  const samples: MotionSample[] = [];
  for (let i = 0; i < seconds * fps; i++) {
    const t = Math.round((i * 1000) / fps);
    const resting: FaceSignals = {
      eyeOpenness: person.eye + noise() * 0.02,
      mouthOpenness: Math.max(0, person.mouth + noise() * 0.02),
      yaw: person.yaw + noise() * 3,
      pitch: person.pitch + noise() * 3,
    };
    samples.push({ timestampMs: t, face: shape(t, resting) });
  }
  return samples;
}

const narrowEyes: Person = { eye: 0.2, mouth: 0.02, yaw: 4, pitch: -6 };
const wideEyes: Person = { eye: 0.34, mouth: 0.05, yaw: -3, pitch: 8 };
const within = (t: number, from: number, to: number) => t >= from && t < to;
const actions = (events: MotionEvent[]) => events.map((e) => e.action);

describe("detectMotions", () => {
  it("sees nothing in a still, noisy face", () => {
    expect(detectMotions(series(6, 15, wideEyes))).toEqual([]);
    expect(detectMotions(series(6, 8, narrowEyes))).toEqual([]);
  });

  it("finds a blink relative to each person's own open-eye level", () => {
    for (const person of [narrowEyes, wideEyes]) {
      const samples = series(5, 15, person, (t, f) =>
        within(t, 2000, 2200) ? { ...f, eyeOpenness: person.eye * 0.35 } : f,
      );
      const events = detectMotions(samples);
      expect(actions(events)).toEqual(["blink"]);
      expect(events[0]?.startMs).toBeGreaterThanOrEqual(2000);
      expect(events[0]?.endMs).toBeLessThan(2200);
    }
  });

  it("catches a blink that lands on a single frame at a low sampling rate", () => {
    const samples = series(5, 8, wideEyes, (t, f) => (t === 2500 ? { ...f, eyeOpenness: 0.12 } : f));
    expect(actions(detectMotions(samples))).toEqual(["blink"]);
  });

  it("does not call eyes that stay shut, or eyes narrowed by a head nod, a blink", () => {
    const shut = series(6, 15, wideEyes, (t, f) => (t >= 2000 ? { ...f, eyeOpenness: 0.08 } : f));
    expect(actions(detectMotions(shut))).not.toContain("blink");
    const nodding = series(6, 15, wideEyes, (t, f) =>
      within(t, 2000, 2400) ? { ...f, pitch: f.pitch - 28, eyeOpenness: 0.15 } : f,
    );
    const events = detectMotions(nodding);
    expect(actions(events)).toContain("nod");
    expect(actions(events)).not.toContain("blink");
  });

  it("finds a mouth opening over the closed-mouth baseline, not talking-level jitter", () => {
    const talking = series(6, 15, narrowEyes, (t, f) => ({
      ...f,
      mouthOpenness: 0.04 + 0.08 * Math.abs(Math.sin(t / 90)),
    }));
    expect(actions(detectMotions(talking))).toEqual([]);
    const open = series(6, 15, narrowEyes, (t, f) =>
      within(t, 3000, 4200) ? { ...f, mouthOpenness: 0.45 } : f,
    );
    const events = detectMotions(open);
    expect(actions(events)).toEqual(["mouth"]);
    expect(events[0]?.magnitude).toBeGreaterThan(0.3);
  });

  it("tells a nod from a shake by which angle moved", () => {
    const nod = series(6, 10, wideEyes, (t, f) =>
      within(t, 1500, 2300) ? { ...f, pitch: f.pitch + 20 } : f,
    );
    expect(actions(detectMotions(nod))).toEqual(["nod"]);
    const shake = series(6, 10, wideEyes, (t, f) =>
      within(t, 1500, 2000)
        ? { ...f, yaw: f.yaw - 25 }
        : within(t, 2000, 2600)
          ? { ...f, yaw: f.yaw + 25 }
          : f,
    );
    const events = detectMotions(shake);
    expect(actions(events)).toEqual(["shake"]);
    expect(events[0]?.magnitude).toBeGreaterThanOrEqual(20);
  });

  it("ignores one stray pose frame and frames without a face", () => {
    const glitch = series(6, 15, wideEyes, (t, f) => (t === 3000 ? { ...f, yaw: f.yaw + 19 } : f));
    expect(detectMotions(glitch)).toEqual([]);
    const gaps = series(6, 15, wideEyes, (t, f) => (within(t, 1000, 3000) ? null : f));
    expect(detectMotions(gaps)).toEqual([]);
  });
});

describe("checkActionSequence", () => {
  const both = series(8, 15, wideEyes, (t, f) => {
    if (within(t, 1500, 2600)) return { ...f, mouthOpenness: 0.5 };
    if (within(t, 5000, 5200)) return { ...f, eyeOpenness: 0.1 };
    return f;
  });
  const events = detectMotions(both);

  it("passes when the actions happen in the required order", () => {
    const verdict = checkActionSequence(events, ["mouth", "blink"]);
    expect(verdict.passed).toBe(true);
    expect(verdict.matched.map((e) => e.action)).toEqual(["mouth", "blink"]);
  });

  it("fails with the action that was out of order or never seen", () => {
    expect(checkActionSequence(events, ["blink", "mouth"])).toMatchObject({
      passed: false,
      failedAction: "mouth",
      reason: "out_of_order",
    });
    expect(checkActionSequence(events, ["nod"])).toMatchObject({
      passed: false,
      failedAction: "nod",
      reason: "not_seen",
    });
  });

  it("parses Tencent ValidateData digits", () => {
    expect(parseValidateData("4,2")).toEqual(["shake", "blink"]);
    expect(parseValidateData("1")).toEqual(["mouth"]);
    expect(parseValidateData("5")).toBeNull();
    expect(parseValidateData("")).toBeNull();
  });
});
