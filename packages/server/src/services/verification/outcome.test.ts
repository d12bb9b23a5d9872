import { describe, expect, it } from "vitest";
import { attemptResult, livenessInfoTagsFor, livenessInfoTagsOf } from "./outcome.ts";

describe("LivenessInfoTag reasons", () => {
  it("tags only the reasons the liveness code establishes", () => {
    expect(livenessInfoTagsFor(0)).toEqual([]);
    expect(livenessInfoTagsFor(1207)).toEqual(["02"]);
    expect(livenessInfoTagsFor(1002)).toEqual(["03"]);
    expect(livenessInfoTagsFor(1401)).toEqual(["09"]);
    expect(livenessInfoTagsFor(1005)).toEqual(["10"]);
    expect(livenessInfoTagsFor(1004)).toEqual([]);
  });

  it("keeps each reason once over several phases, in phase order", () => {
    expect(livenessInfoTagsOf([1207, 0, 1401, 1207])).toEqual(["02", "09"]);
    expect(livenessInfoTagsOf([0, 0, 0, 0])).toEqual([]);
  });

  it("derives the attempt's tags from its code unless the check gave its own", () => {
    const verdict = {
      livenessCode: 1401,
      livenessDetail: "no reflection",
      compareCode: null,
      similarity: null,
      scores: {},
      evidence: {},
      tags: [] as string[],
    };
    expect(attemptResult("s", 1, "reflection", verdict).livenessInfoTags).toEqual(["09"]);
    expect(attemptResult("s", 1, "reflection", { ...verdict, tags: ["02", "09"] }).livenessInfoTags).toEqual([
      "02",
      "09",
    ]);
  });
});
