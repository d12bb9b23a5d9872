import { describe, expect, it } from "vitest";
import { defaultCalibration } from "./load.ts";
import { normalCdf, normalQuantile } from "./normal.ts";
import { confidenceFromDistance, farAtDistance, similarityFromDistance, thresholdsFor } from "./scores.ts";

const cal = defaultCalibration();

describe("normal helpers", () => {
  it("invert each other down to the 1e-6 tail", () => {
    for (const p of [1e-6, 1e-4, 1e-3, 0.02, 0.5, 0.9])
      expect(normalCdf(normalQuantile(p)) / p).toBeCloseTo(1, 4);
  });
});

describe("calibrated score scales", () => {
  it("are monotonic: a larger distance never scores higher", () => {
    let previous = { similarity: Number.POSITIVE_INFINITY, confidence: Number.POSITIVE_INFINITY, far: 0 };
    for (let d = 0; d <= 1.6; d += 0.005) {
      const now = {
        similarity: similarityFromDistance(cal, d),
        confidence: confidenceFromDistance(cal, d),
        far: farAtDistance(cal, d),
      };
      expect(now.similarity).toBeLessThanOrEqual(previous.similarity);
      expect(now.confidence).toBeLessThanOrEqual(previous.confidence);
      expect(now.far).toBeGreaterThanOrEqual(previous.far);
      expect(now.similarity).toBeGreaterThanOrEqual(0);
      expect(now.similarity).toBeLessThanOrEqual(100);
      previous = now;
    }
    expect(similarityFromDistance(cal, 0)).toBeGreaterThan(90);
    expect(similarityFromDistance(cal, cal.impostorP99)).toBeLessThan(1);
  });

  it("put Tencent similarity 70 at FAR 1e-3 and 80 at FAR 1e-4", () => {
    expect(similarityFromDistance(cal, cal.distanceAtFar["1e-3"])).toBeCloseTo(70, 2);
    expect(similarityFromDistance(cal, cal.distanceAtFar["1e-4"])).toBeCloseTo(80, 2);
    expect(farAtDistance(cal, cal.distanceAtFar["1e-3"])).toBeCloseTo(1e-3, 6);
  });

  it("match the measured calibration impostors: about 1e-3 of them score 70 or more", () => {
    // Written by scripts/calibrate-faces.ts from the measured impostor distances (not a tuned constant).
    const measured = cal.provenance.empiricalFarAtFittedThreshold as Record<string, number>;
    expect(measured["1e-3"]).toBeGreaterThan(0.4e-3);
    expect(measured["1e-3"]).toBeLessThan(2.5e-3);
    expect(measured["1e-2"]).toBeGreaterThan(0.5e-2);
    expect(measured["1e-2"]).toBeLessThan(2e-2);
  });

  it("give a FaceID Lite thresholds ladder that rises with strictness", () => {
    const t = thresholdsFor(cal);
    expect(Object.keys(t)).toEqual(["1e-3", "1e-4", "1e-5", "1e-6"]);
    expect(t["1e-3"]).toBeLessThan(t["1e-4"]);
    expect(t["1e-4"]).toBeLessThan(t["1e-5"]);
    expect(t["1e-5"]).toBeLessThan(t["1e-6"]);
    expect(t["1e-6"]).toBeLessThanOrEqual(100);
    expect(confidenceFromDistance(cal, cal.distanceAtFar["1e-4"])).toBe(t["1e-4"]);
  });
});
