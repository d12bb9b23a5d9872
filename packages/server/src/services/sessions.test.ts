import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type AttemptResult, EkycError, SessionStateViolation, type Store } from "@openekyc/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FsBlobStore } from "../blobs/fs.ts";
import { openSqliteStore } from "../store/sqlite/index.ts";
import { SessionService } from "./sessions.ts";

let dir: string;
let store: Store;
let sessions: SessionService;
const clock = { nowMs: 1_800_000_000_000, now: () => clock.nowMs };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "openekyc-sessions-"));
  store = await openSqliteStore(join(dir, "s.sqlite"));
  await store.createApp({
    appId: "app-1",
    name: "m",
    disabled: false,
    redirectHosts: [],
    rateLimitPerSecond: 10,
    createdAt: clock.now(),
  });
  sessions = new SessionService(store, clock, new FsBlobStore(join(dir, "blobs")));
});
afterAll(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const create = (retryLimit = 2) =>
  sessions.create({
    kind: "web-intl",
    appId: "app-1",
    config: {},
    redirectUrl: "https://m.example/cb",
    extra: null,
    retryLimit,
  });

function attempt(errorCode: number): AttemptResult {
  return {
    seq: `seq-${errorCode}-${Math.random()}`,
    reqTimestamp: clock.now(),
    errorCode,
    errorMsg: errorCode === 0 ? "Success" : "Liveness detection failed",
    livenessErrorCode: errorCode,
    livenessErrorMsg: null,
    compareErrorCode: null,
    compareErrorMsg: null,
    similarity: null,
    mode: "reflection",
    evidence: {},
    scores: {},
    livenessInfoTags: [],
  };
}

async function stateCode(promise: Promise<unknown>): Promise<number | string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SessionStateViolation) return error.resultCode;
    if (error instanceof EkycError) return error.tencentCode;
    throw error;
  }
  return "no error";
}

describe("SessionService state machine on SQLite", () => {
  it("starts, counts attempts up to the retry limit (16) and finishes once (14 afterwards)", async () => {
    const session = await create(2);
    const started = await sessions.startAttempt(session.token);
    expect(started).toMatchObject({ status: "in_progress", attemptCount: 1 });
    await sessions.recordAttemptResult(session.token, attempt(1005));
    await sessions.startAttempt(session.token);
    expect(await stateCode(sessions.startAttempt(session.token))).toBe(16);
    await sessions.recordAttemptResult(session.token, attempt(0));
    const [first, second] = await Promise.allSettled([
      sessions.finish(session.token, { status: "passed" }),
      sessions.finish(session.token, { status: "passed" }),
    ]);
    expect([first.status, second.status].sort()).toEqual(["fulfilled", "rejected"]);
    expect((await sessions.get(session.token)).resultCode).toBe(0);
    expect(await stateCode(sessions.startAttempt(session.token))).toBe(14);
    expect(await stateCode(sessions.recordAttemptResult(session.token, attempt(0)))).toBe(14);
  });

  it("never passes without a passing attempt; fails with the last attempt's code", async () => {
    const session = await create();
    expect(await stateCode(sessions.finish(session.token, { status: "passed" }))).toBe(
      "InvalidParameterValue",
    );
    await sessions.startAttempt(session.token);
    await sessions.recordAttemptResult(session.token, attempt(1005));
    expect(await stateCode(sessions.finish(session.token, { status: "passed" }))).toBe(
      "InvalidParameterValue",
    );
    const failed = await sessions.finish(session.token, { status: "failed" });
    expect(failed).toMatchObject({
      status: "failed",
      resultCode: 1005,
      resultMessage: "Liveness detection failed",
    });
  });

  it("times out an unstarted token after 10 minutes (15) and forgets it after 3 days", async () => {
    const session = await create();
    clock.nowMs += 10 * 60_000;
    expect(await stateCode(sessions.startAttempt(session.token))).toBe(15);
    expect(await sessions.get(session.token)).toMatchObject({ status: "timed_out", resultCode: 15 });
    clock.nowMs += 3 * 24 * 3_600_000;
    expect(await stateCode(sessions.get(session.token))).toBe("InvalidParameterValue.BizTokenExpired");
    expect(await stateCode(sessions.get("NOT-A-REAL-TOKEN"))).toBe("InvalidParameterValue.BizTokenIllegal");
    expect(await stateCode(sessions.getForApp((await create()).token, "app-2"))).toBe(
      "InvalidParameterValue.BizTokenIllegal",
    );
  });

  it("cancels with the not-finished code 17 by default", async () => {
    const session = await create();
    expect(await sessions.finish(session.token, { status: "cancelled" })).toMatchObject({
      status: "cancelled",
      resultCode: 17,
    });
  });
});
