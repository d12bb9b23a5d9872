import { describe, expect, it } from "vitest";
import { assertCanAttempt, newSession, SessionStateViolation, startWindowMs } from "./session.ts";

const base = {
  id: "s1",
  token: "t1",
  appId: "a1",
  config: {},
  redirectUrl: null,
  extra: null,
  referenceImageKey: null,
  retryLimit: 2,
  now: 1_000,
};

function violation(fn: () => void): SessionStateViolation {
  try {
    fn();
  } catch (error) {
    if (error instanceof SessionStateViolation) return error;
    throw error;
  }
  throw new Error("expected a SessionStateViolation");
}

describe("session state rules", () => {
  it("gives BizTokens 10 minutes and the legacy token 7200 s to start", () => {
    expect(newSession({ ...base, kind: "web-intl" }).startDeadline).toBe(1_000 + 600_000);
    expect(newSession({ ...base, kind: "web-legacy" }).startDeadline).toBe(1_000 + 7_200_000);
    expect(startWindowMs["sdk-ekyc"]).toBe(600_000);
  });

  it("refuses a start after the window with code 15", () => {
    const session = newSession({ ...base, kind: "web-intl" });
    expect(() => assertCanAttempt(session, 2_000)).not.toThrow();
    const error = violation(() => assertCanAttempt(session, session.startDeadline));
    expect(error.resultCode).toBe(15);
    expect(error.tencentCode).toBe("InvalidParameterValue.BizTokenExpired");
  });

  it("refuses a finished session with 14 and an exhausted one with 16", () => {
    const session = newSession({ ...base, kind: "web-intl" });
    expect(violation(() => assertCanAttempt({ ...session, status: "passed" }, 2_000)).resultCode).toBe(14);
    expect(
      violation(() => assertCanAttempt({ ...session, status: "in_progress", attemptCount: 2 }, 2_000))
        .resultCode,
    ).toBe(16);
    // Failed with every attempt used: still the retry limit, so the page can say why.
    const exhausted = { ...session, status: "failed" as const, attemptCount: session.retryLimit };
    expect(violation(() => assertCanAttempt(exhausted, 2_000)).resultCode).toBe(16);
  });
});
