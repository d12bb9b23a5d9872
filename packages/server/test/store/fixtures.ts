import { randomUUID } from "node:crypto";
import { type App, type AttemptResult, type Credential, newSession, type Session } from "@openekyc/core";

/** A realistic instant (2026) so BIGINT/ms handling is exercised with 13-digit values. */
export const t0 = Date.UTC(2026, 10, 22, 6, 0, 0);

export function makeApp(overrides: Partial<App> = {}): App {
  return {
    appId: `app-${randomUUID()}`,
    name: "Demo merchant",
    disabled: false,
    redirectHosts: ["shop.example.com"],
    rateLimitPerSecond: 12.5,
    createdAt: t0,
    ...overrides,
  };
}

export function makeCredential(appId: string, overrides: Partial<Credential> = {}): Credential {
  return {
    secretId: `AKID${randomUUID().replaceAll("-", "")}`,
    appId,
    secretKeyCiphertext: "v1:aXY=:dGFn:Y2lwaGVy",
    disabled: false,
    createdAt: t0,
    ...overrides,
  };
}

export function makeSession(appId: string, overrides: Partial<Session> = {}): Session {
  const base = newSession({
    id: randomUUID(),
    token: randomUUID().toUpperCase(),
    kind: "web-intl",
    appId,
    config: {
      CheckMode: 1,
      SecurityLevel: "4",
      ActionList: ["blink", "mouth"],
      nested: { ok: true, name: "名前" },
    },
    redirectUrl: "https://shop.example.com/done?x=1",
    extra: "order-42",
    referenceImageKey: "sessions/ref/photo.jpg",
    retryLimit: 3,
    now: t0,
  });
  return { ...base, ...overrides };
}

export function makeAttempt(seq: string, overrides: Partial<AttemptResult> = {}): AttemptResult {
  return {
    seq,
    reqTimestamp: t0 + 5_000,
    errorCode: 0,
    errorMsg: "Success",
    livenessErrorCode: 0,
    livenessErrorMsg: "Success",
    compareErrorCode: 0,
    compareErrorMsg: "Success",
    similarity: 91.25,
    mode: "reflection",
    evidence: { bestFrame: `evidence/${seq}/best.jpg`, video: `evidence/${seq}/video.webm` },
    scores: { reflection: 0.93, blink: 0.5 },
    livenessInfoTags: ["01", "02"],
    ...overrides,
  };
}
