import { describe, expect, it } from "vitest";
import { blockingWarnings, parseSelectedWarningCodes } from "./codes.ts";

describe("blockingWarnings", () => {
  const detected = [-9101, -9107, -9108];
  it("blocks on every warning by default", () => {
    expect(blockingWarnings(detected)).toEqual(detected);
    expect(blockingWarnings(detected, { selectedWarningCodes: "" })).toEqual(detected);
  });
  it("blocks on nothing when DisableCheckOcrWarnings is true, even with a selection", () => {
    expect(
      blockingWarnings(detected, { disableCheckOcrWarnings: true, selectedWarningCodes: "-9101" }),
    ).toEqual([]);
  });
  it("blocks only on the selected codes (comma string or int array)", () => {
    expect(blockingWarnings(detected, { selectedWarningCodes: "-9108, -9102" })).toEqual([-9108]);
    expect(blockingWarnings(detected, { selectedWarningCodes: [-9107, -9101] })).toEqual([-9101, -9107]);
    expect(blockingWarnings([-9102], { selectedWarningCodes: [-9107] })).toEqual([]);
  });
  it("ignores codes that are not warning codes", () => {
    expect(parseSelectedWarningCodes("-9101,abc,42,-9101")).toEqual([-9101]);
    expect(parseSelectedWarningCodes("abc")).toBeNull();
  });
});
