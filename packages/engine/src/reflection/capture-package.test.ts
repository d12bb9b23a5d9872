import { EkycError } from "@openekyc/core";
import { describe, expect, it } from "vitest";
import { encodeCapturePackage, parseCapturePackage } from "./capture-package.ts";

const jpeg = (n: number) => Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, n & 255, 0xff, 0xd9]);
const frames = Array.from({ length: 30 }, (_, i) => ({ t: 1000 + i * 66.7, jpeg: jpeg(i) }));
const timeline = {
  colours: Array.from({ length: 8 }, (_, index) => ({ index, t: 1200 + index * 200 })),
  endT: 2800,
};

function expectInvalid(bytes: Uint8Array, message: RegExp) {
  expect(() => parseCapturePackage(bytes)).toThrow(EkycError);
  expect(() => parseCapturePackage(bytes)).toThrow(message);
}

describe("capture package", () => {
  it("round-trips frames, timeline and device facts", () => {
    const bytes = encodeCapturePackage({ sequenceId: "abc", frames, timeline, device: { ua: "x" } });
    const parsed = parseCapturePackage(bytes);
    expect(parsed.manifest.sequenceId).toBe("abc");
    expect(parsed.manifest.timeline).toEqual(timeline);
    expect(parsed.frames.map((f) => f.t)).toEqual(frames.map((f) => f.t));
    expect(parsed.frames[7]!.jpeg).toEqual(jpeg(7));
  });

  it("rejects broken containers, non-monotonic clocks, too few frames and non-JPEG frames", () => {
    expectInvalid(new TextEncoder().encode("hello world"), /not an OEKC/);
    const shuffled = [...frames];
    [shuffled[3], shuffled[4]] = [shuffled[4]!, shuffled[3]!];
    expectInvalid(encodeCapturePackage({ sequenceId: "a", frames: shuffled, timeline }), /not increasing/);
    expectInvalid(
      encodeCapturePackage({ sequenceId: "a", frames: frames.slice(0, 5), timeline }),
      /5 frames/,
    );
    const png = frames.map((f, i) =>
      i === 2 ? { ...f, jpeg: Uint8Array.from([0x89, 0x50, 0x4e, 0x47]) } : f,
    );
    expectInvalid(encodeCapturePackage({ sequenceId: "a", frames: png, timeline }), /not a JPEG/);
    const late = { ...timeline, endT: 99_999 };
    expectInvalid(encodeCapturePackage({ sequenceId: "a", frames, timeline: late }), /do not cover/);
    const truncated = encodeCapturePackage({ sequenceId: "a", frames, timeline }).subarray(0, 400);
    expectInvalid(truncated, /outside the payload|manifest/);
  });

  it("round-trips the action phase of a combined capture and refuses one that overlaps the colours", () => {
    const actions = {
      prompts: [
        { action: "mouth" as const, t: 1010 },
        { action: "blink" as const, t: 1100 },
      ],
      endT: 1190,
    };
    const parsed = parseCapturePackage(encodeCapturePackage({ sequenceId: "a", frames, timeline, actions }));
    expect(parsed.manifest.actions).toEqual(actions);
    expect(
      parseCapturePackage(encodeCapturePackage({ sequenceId: "a", frames, timeline })).manifest.actions,
    ).toBeUndefined();
    const encode = (phase: unknown) =>
      encodeCapturePackage({ sequenceId: "a", frames, timeline, actions: phase as typeof actions });
    expectInvalid(encode({ ...actions, endT: 1300 }), /before the first colour/);
    expectInvalid(encode({ ...actions, prompts: [{ action: "smile", t: 1010 }] }), /malformed/);
    expectInvalid(encode({ ...actions, prompts: [...actions.prompts].reverse() }), /not increasing/);
    expectInvalid(encode({ prompts: [{ action: "blink", t: 900 }], endT: 1190 }), /do not cover the action/);
    expectInvalid(encode({ prompts: [], endT: 1190 }), /1–4 entries/);
  });

  it("refuses a package above the size limit before parsing", () => {
    expect(() => parseCapturePackage(new Uint8Array(9 * 1024 * 1024))).toThrow(/larger than/);
  });
});
