import type { MotionEvent } from "@openekyc/engine";
import { describe, expect, it } from "vitest";
import { actionsForAttempt } from "./action-plan.ts";
import {
  actionsInPromptWindows,
  type CombinedPhases,
  CROSS_PHASE_MIN_SIMILARITY,
  combinedLiveness,
} from "./combined-decision.ts";

const pass = { code: 0, detail: "ok" };
const phases = (overrides: Partial<CombinedPhases>): CombinedPhases => ({
  action: pass,
  windows: null,
  reflection: pass,
  crossPhaseSimilarity: 92,
  ...overrides,
});

describe("combined liveness decision (SecurityLevel 4/5)", () => {
  it("passes only when the actions, the colours and the one-face link all pass", () => {
    expect(combinedLiveness(phases({})).code).toBe(0);
    expect(combinedLiveness(phases({ windows: pass })).code).toBe(0);
  });

  it("maps each failing phase to its own code, the first in capture order winning", () => {
    const noBlink = { code: 1207, detail: "No blink was seen." };
    const print = { code: 1401, detail: "no reflection" };
    const late = { code: 1002, detail: "late" };
    expect(combinedLiveness(phases({ action: noBlink })).code).toBe(1207);
    expect(combinedLiveness(phases({ reflection: print })).code).toBe(1401);
    expect(combinedLiveness(phases({ reflection: late })).code).toBe(1002);
    expect(combinedLiveness(phases({ action: noBlink, reflection: late })).code).toBe(1207);
    expect(combinedLiveness(phases({ windows: { code: 1208, detail: "late action" } })).code).toBe(1208);
    expect(combinedLiveness(phases({ reflection: { code: 2010, detail: "two faces" } })).code).toBe(2010);
  });

  it("fails two passing phases on different faces as 1005", () => {
    expect(combinedLiveness(phases({ crossPhaseSimilarity: CROSS_PHASE_MIN_SIMILARITY - 1 })).code).toBe(
      1005,
    );
    expect(combinedLiveness(phases({ crossPhaseSimilarity: null })).code).toBe(1005);
  });
});

const event = (action: MotionEvent["action"], peakMs: number): MotionEvent => ({
  action,
  startMs: peakMs - 80,
  peakMs,
  endMs: peakMs + 80,
  magnitude: 0.5,
});

describe("level 5 prompt windows", () => {
  const phase = {
    prompts: [
      { action: "mouth" as const, t: 1000 },
      { action: "blink" as const, t: 3500 },
    ],
    endT: 6000,
  };
  it("accepts each action inside its own window, with reaction time past the next prompt", () => {
    const events = [event("mouth", 1900), event("blink", 4200)];
    expect(actionsInPromptWindows(events, phase, ["mouth", "blink"]).code).toBe(0);
    expect(
      actionsInPromptWindows([event("mouth", 3900), event("blink", 4200)], phase, ["mouth", "blink"]).code,
    ).toBe(0);
  });

  it("refuses actions in the right order but outside their prompts' windows", () => {
    // Both done before the first prompt (a recording started early), or the mouth only during the blink prompt.
    expect(
      actionsInPromptWindows([event("mouth", 600), event("blink", 900)], phase, ["mouth", "blink"]),
    ).toMatchObject({
      code: 1208,
    });
    expect(
      actionsInPromptWindows([event("mouth", 4400), event("blink", 5000)], phase, ["mouth", "blink"]).detail,
    ).toMatch(/mouth/);
  });
});

describe("actions per attempt", () => {
  it("takes Config.ActionList, defaults to blink, and completes level 5 to two actions", () => {
    const keep = () => 0;
    expect(actionsForAttempt(["nod"], 4, keep)).toEqual(["nod"]);
    expect(actionsForAttempt([], 4, keep)).toEqual(["blink"]);
    expect(actionsForAttempt(["blink"], 5, keep)).toEqual(["blink", "mouth"]);
    expect(actionsForAttempt(["shake"], 5, keep)).toEqual(["shake", "blink"]);
    expect(actionsForAttempt(["mouth", "nod"], 5, keep)).toEqual(["mouth", "nod"]);
  });

  it("draws the order of two actions per attempt", () => {
    expect(actionsForAttempt(["blink", "mouth"], 4, () => 1)).toEqual(["mouth", "blink"]);
    const orders = new Set(Array.from({ length: 64 }, () => actionsForAttempt(["blink", "mouth"], 2).join()));
    expect(orders).toEqual(new Set(["blink,mouth", "mouth,blink"]));
  });
});
