import { describe, expect, it } from "vitest";
import { isPageMessage, pageQuery, readPageQuery, sdkErrorCodes } from "../src/browser/index.ts";
import { readRedirectResult } from "../src/browser/verification.ts";

describe("SDK ↔ page protocol", () => {
  it("carries the options to the page, clamped, and reads them back with defaults", () => {
    const query = pageQuery("TOKEN-1234", "https://shop.example.com", {
      language: "zh-tc",
      style: "dark",
      ocrMode: "auto",
      ocrAutoTimeoutMs: 1000,
      verifyTimeoutMs: 30_000,
      bestImage: true,
      hideAlbum: true,
    });
    expect(readPageQuery(`?${query}`)).toEqual({
      token: "TOKEN-1234",
      sdkOrigin: "https://shop.example.com",
      language: "zh-tc",
      style: "dark",
      ocrMode: "auto",
      // The seeds' range for ocrAutoTimeout is 5–30 s.
      ocrAutoTimeoutMs: 5000,
      verifyTimeoutMs: 30_000,
      bestImage: true,
      hideAlbum: true,
    });
    expect(
      readPageQuery("?token=T&ocrMode=bogus&sdkOrigin=javascript:alert(1)&ocrAutoTimeout=x"),
    ).toMatchObject({
      ocrMode: "auto+manual",
      sdkOrigin: null,
      ocrAutoTimeoutMs: 20_000,
      style: "light",
      bestImage: false,
      hideAlbum: false,
    });
  });

  it("accepts only well-formed page messages", () => {
    expect(isPageMessage({ source: "openekyc", kind: "success", token: "T" })).toBe(true);
    expect(isPageMessage({ source: "openekyc", kind: "fail", token: "T", code: 12005, message: "x" })).toBe(
      true,
    );
    expect(isPageMessage({ source: "openekyc", kind: "fail", token: "T" })).toBe(false);
    // A best frame must look like a base64 JPEG of a sane size: anything else is not the page's message.
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]).toString("base64");
    expect(isPageMessage({ source: "openekyc", kind: "success", token: "T", bestImage: jpeg })).toBe(true);
    for (const bestImage of [42, "iVBORw0KGgo=", "/9j/<script>", `/9j/${"A".repeat(4 * 1024 * 1024)}`])
      expect(isPageMessage({ source: "openekyc", kind: "success", token: "T", bestImage })).toBe(false);
    expect(isPageMessage({ source: "other", kind: "success", token: "T" })).toBe(false);
    expect(isPageMessage("success")).toBe(false);
  });

  it("reads a redirect-mode outcome from the return URL", () => {
    expect(readRedirectResult("?token=T&code=0")).toEqual({ ok: true, token: "T" });
    expect(readRedirectResult(`?token=T&code=${sdkErrorCodes.userCancelled}`)).toEqual({
      ok: false,
      token: "T",
      code: 12000,
      message: "The user actively canceled the operation",
    });
    expect(readRedirectResult("?token=T")).toBeNull();
  });
});
