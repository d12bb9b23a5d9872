import type { Session, SessionStatus } from "@openekyc/core";
import { expect, it } from "vitest";
import { makeApp, makeAttempt, makeSession, t0 } from "./fixtures.ts";
import type { StoreUnderTest } from "./harness.ts";

/** Sessions: round trips, listing, the compare-and-set state machine and its races, attempts, purge. */
export function sessionConformance(get: () => StoreUnderTest): void {
  async function withApp() {
    const { store } = get();
    const app = makeApp();
    await store.createApp(app);
    return { store, appId: app.appId };
  }

  it("round-trips a session exactly, by token and by id", async () => {
    const { store, appId } = await withApp();
    const session = makeSession(appId);
    await store.createSession(session);
    expect(await store.getSessionByToken(session.token)).toEqual(session);
    expect(await store.getSessionById(session.id)).toEqual(session);
    expect(await store.getSessionByToken("missing")).toBeNull();
    expect(await store.getSessionById("missing")).toBeNull();
    const bare = makeSession(appId, { redirectUrl: null, extra: null, referenceImageKey: null, config: {} });
    await store.createSession(bare);
    expect(await store.getSessionByToken(bare.token)).toEqual(bare);
    await expect(store.createSession({ ...makeSession(appId), token: session.token })).rejects.toThrow();
  });

  it("lists sessions newest first, per app or all, with limit and before", async () => {
    const { store, appId } = await withApp();
    const other = makeApp();
    await store.createApp(other);
    const mine = [0, 1, 2, 3].map((i) => makeSession(appId, { createdAt: t0 + i * 1000 }));
    const theirs = makeSession(other.appId, { createdAt: t0 + 1500 });
    for (const s of [...mine, theirs]) await store.createSession(s);
    const ids = (list: Session[]) => list.map((s) => s.id);
    expect(ids(await store.listSessions(appId, { limit: 10 }))).toEqual(ids([...mine].reverse()));
    expect(ids(await store.listSessions(appId, { limit: 2 }))).toEqual([mine[3]!.id, mine[2]!.id]);
    expect(ids(await store.listSessions(appId, { limit: 10, before: t0 + 2000 }))).toEqual([
      mine[1]!.id,
      mine[0]!.id,
    ]);
    expect(await store.listSessions(appId, { limit: 0 })).toEqual([]);
    expect(await store.listSessions(appId, { limit: -1 })).toEqual([]);
    expect(ids(await store.listSessions(null, { limit: 3 }))).toEqual([mine[3]!.id, mine[2]!.id, theirs.id]);
  });

  it("transitionSession applies the patch only from an allowed status", async () => {
    const { store, appId } = await withApp();
    const session = makeSession(appId);
    await store.createSession(session);
    const started = await store.transitionSession(session.token, ["created"], {
      status: "in_progress",
      startedAt: t0 + 100,
    });
    expect(started).toEqual({ ...session, status: "in_progress", startedAt: t0 + 100 });
    expect(await store.transitionSession(session.token, ["created"], { status: "cancelled" })).toBeNull();
    expect(await store.transitionSession("missing", ["created"], { status: "cancelled" })).toBeNull();
    expect(await store.getSessionByToken(session.token)).toEqual(started);

    const finished = await store.transitionSession(session.token, ["created", "in_progress"], {
      status: "passed",
      finishedAt: t0 + 900,
      resultCode: 0,
      resultMessage: "Success",
    });
    expect(finished).toMatchObject({
      status: "passed",
      finishedAt: t0 + 900,
      resultCode: 0,
      resultMessage: "Success",
    });
    // null clears a field; an empty patch is a pure status check.
    const cleared = await store.transitionSession(session.token, ["passed"], { resultMessage: null });
    expect(cleared?.resultMessage).toBeNull();
    expect(await store.transitionSession(session.token, ["passed"], {})).toEqual(cleared);
    expect(await store.transitionSession(session.token, [], {})).toBeNull();
  });

  it("two browsers finishing one token at once: exactly one wins (same Store and a second one)", async () => {
    const { store, appId } = await withApp();
    const peer = await get().openPeer();
    const session = makeSession(appId, { status: "in_progress" });
    await store.createSession(session);
    const outcomes: SessionStatus[] = ["passed", "failed", "cancelled", "timed_out"];
    const results = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        (i % 2 ? peer : store).transitionSession(session.token, ["created", "in_progress"], {
          status: outcomes[i % outcomes.length]!,
          finishedAt: t0 + i,
          resultCode: i,
        }),
      ),
    );
    const winners = results.filter((r) => r !== null);
    expect(winners).toHaveLength(1);
    expect(await store.getSessionByToken(session.token)).toEqual(winners[0]);
  });

  it("claimAttempt counts up to retryLimit and never for a finished session", async () => {
    const { store, appId } = await withApp();
    const session = makeSession(appId, { retryLimit: 2 });
    await store.createSession(session);
    expect((await store.claimAttempt(session.token))?.attemptCount).toBe(1);
    expect((await store.claimAttempt(session.token))?.attemptCount).toBe(2);
    expect(await store.claimAttempt(session.token)).toBeNull();
    expect(await store.claimAttempt("missing")).toBeNull();
    const done = makeSession(appId, { status: "failed" });
    await store.createSession(done);
    expect(await store.claimAttempt(done.token)).toBeNull();
    expect((await store.getSessionByToken(done.token))?.attemptCount).toBe(0);
  });

  it("concurrent claimAttempt calls never exceed the retry limit", async () => {
    const { store, appId } = await withApp();
    const peer = await get().openPeer();
    const session = makeSession(appId, { status: "in_progress", retryLimit: 3 });
    await store.createSession(session);
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => (i % 2 ? peer : store).claimAttempt(session.token)),
    );
    const counts = results.flatMap((r) => (r ? [r.attemptCount] : [])).sort();
    expect(counts).toEqual([1, 2, 3]);
    expect((await peer.getSessionByToken(session.token))?.attemptCount).toBe(3);
  });

  it("keeps attempt results in insertion order per session", async () => {
    const { store, appId } = await withApp();
    const a = makeSession(appId);
    const b = makeSession(appId);
    await store.createSession(a);
    await store.createSession(b);
    const first = makeAttempt("seq-1");
    const second = makeAttempt("seq-2", {
      errorCode: 1001,
      livenessErrorCode: null,
      livenessErrorMsg: null,
      compareErrorCode: null,
      compareErrorMsg: null,
      similarity: null,
      mode: null,
      evidence: {},
      scores: {},
      livenessInfoTags: [],
    });
    await store.addAttemptResult(a.id, first);
    await store.addAttemptResult(a.id, second);
    await store.addAttemptResult(b.id, makeAttempt("seq-b"));
    expect(await store.listAttemptResults(a.id)).toEqual([first, second]);
    expect((await store.listAttemptResults(b.id)).map((r) => r.seq)).toEqual(["seq-b"]);
    expect(await store.listAttemptResults("missing")).toEqual([]);
    await expect(store.addAttemptResult("missing", first)).rejects.toThrow();
  });

  it("lists sessions past retention and forgets their media once purged", async () => {
    const { store, appId } = await withApp();
    const old1 = makeSession(appId, { expiresAt: t0 + 10 });
    const old2 = makeSession(appId, { expiresAt: t0 + 20 });
    const fresh = makeSession(appId, { expiresAt: t0 + 1_000_000 });
    for (const s of [fresh, old2, old1]) await store.createSession(s);
    await store.addAttemptResult(old1.id, makeAttempt("s1"));
    const ids = (list: Session[]) => list.map((s) => s.id);
    expect(ids(await store.listExpiredSessions(t0 + 100, 10))).toEqual([old1.id, old2.id]);
    expect(ids(await store.listExpiredSessions(t0 + 100, 1))).toEqual([old1.id]);

    await store.markPurged(old1.id);
    await store.markPurged(old1.id);
    expect(ids(await store.listExpiredSessions(t0 + 100, 10))).toEqual([old2.id]);
    expect((await store.getSessionById(old1.id))?.referenceImageKey).toBeNull();
    const [attempt] = await store.listAttemptResults(old1.id);
    expect(attempt).toEqual({ ...makeAttempt("s1"), evidence: {} });
    expect((await store.getSessionById(fresh.id))?.referenceImageKey).toBe(fresh.referenceImageKey);
  });
}
