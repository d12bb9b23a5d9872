import { describe, expect, it } from "vitest";
import type { RecognisedText } from "./recognise.ts";
import { keepSurer, mixesHanAndLatin, withMargin } from "./reread.ts";

const read = (text: string, confidence: number): RecognisedText => ({
  text: { text, confidence },
  mrz: { text: "", confidence: 0 },
});

describe("second look at boxes mixing Han and Latin letters", () => {
  it("suspects a Han box holding a Latin letter (山口 read `E口` from a tight box), nothing else", () => {
    expect(mixesHanAndLatin("E口")).toBe(true);
    expect(mixesHanAndLatin("山口")).toBe(false);
    expect(mixesHanAndLatin("RAHMAN, Ana")).toBe(false);
    expect(mixesHanAndLatin("2029年11月10日")).toBe(false);
  });

  it("grows the box by a fifth of its height on each side, same centre and angle", () => {
    expect(withMargin({ cx: 100, cy: 50, width: 80, height: 30, angle: 0.1 })).toEqual({
      cx: 100,
      cy: 50,
      width: 92,
      height: 42,
      angle: 0.1,
    });
  });

  it("keeps the second reading only where the recogniser is surer of it, and the first MRZ decoding", () => {
    const first = [read("E口", 0.85), read("直樹", 0.92), read("A口", 0.9)];
    const again = [read("山口", 0.98), read("口", 0.5)];
    const kept = keepSurer(first, [0, 2], again);
    expect(kept.map((r) => r.text.text)).toEqual(["山口", "直樹", "A口"]);
    expect(kept[0]?.mrz).toBe(first[0]?.mrz);
  });
});
