import type { Clock, JobQueue } from "@openekyc/core";
import { afterEach, describe, expect, it } from "vitest";
import { t0 } from "./fixtures.ts";

export interface JobQueueUnderTest {
  readonly queue: JobQueue;
  /** A second queue (own connections) on the same database, as another worker process would have. */
  openPeer(): Promise<JobQueue>;
  destroy(): Promise<void>;
}

/** Backoff the harness must configure, so retry times are exact. */
export const testBackoff = { baseMs: 1_000, maxMs: 60_000 };

/** A clock the test moves by hand: leases and backoff are checked without sleeping. */
class ManualClock implements Clock {
  at = t0;
  now(): number {
    return this.at;
  }
}

/** The one JobQueue conformance suite, run on SQLite and PostgreSQL. */
export function describeJobQueueConformance(
  name: string,
  open: (clock: Clock) => Promise<JobQueueUnderTest>,
): void {
  describe(`JobQueue conformance: ${name}`, () => {
    let current: JobQueueUnderTest | undefined;
    const start = async () => {
      const clock = new ManualClock();
      current = await open(clock);
      return { clock, ...current };
    };
    afterEach(async () => {
      await current?.destroy();
      current = undefined;
    });

    it("stores a job and leases due jobs of the asked names, oldest first", async () => {
      const { queue, clock } = await start();
      const later = await queue.enqueue("callback", { n: 3 }, t0 + 5_000);
      const second = await queue.enqueue("callback", { n: 2 }, t0 - 10);
      const first = await queue.enqueue("callback", { n: 1, nested: { s: "é" } }, t0 - 20);
      const purge = await queue.enqueue("purge", {}, t0);
      expect(await queue.get(first)).toMatchObject({
        status: "queued",
        attempts: 0,
        payload: { n: 1, nested: { s: "é" } },
      });
      const claimed = await queue.claim(["callback"], "w1", 30_000, 5);
      expect(claimed.map((j) => j.id)).toEqual([first, second]);
      expect(claimed[0]).toMatchObject({
        status: "running",
        attempts: 1,
        lockedBy: "w1",
        lockedUntil: t0 + 30_000,
      });
      expect(await queue.claim(["callback"], "w2", 30_000)).toEqual([]);
      clock.at = t0 + 5_000;
      const next = await queue.claim(["callback", "purge"], "w2", 30_000, 5);
      expect(next.map((j) => j.id)).toEqual([purge, later]);
      expect(await queue.get("missing")).toBeNull();
    });

    it("gives a killed worker's job to another worker when the lease ends", async () => {
      const { queue, clock } = await start();
      const id = await queue.enqueue("callback", {}, t0);
      await queue.claim(["callback"], "dead-worker", 10_000);
      clock.at = t0 + 9_999;
      expect(await queue.claim(["callback"], "w2", 10_000)).toEqual([]);
      clock.at = t0 + 10_000;
      const [again] = await queue.claim(["callback"], "w2", 10_000);
      expect(again).toMatchObject({ id, attempts: 2, lockedBy: "w2" });
      expect(await queue.complete(id, "dead-worker")).toBe(false);
      expect(await queue.complete(id, "w2")).toBe(true);
      expect(await queue.get(id)).toMatchObject({ status: "done", finishedAt: t0 + 10_000, lockedBy: null });
      clock.at = t0 + 100_000;
      expect(await queue.claim(["callback"], "w3", 10_000)).toEqual([]);
    });

    it("extendLease keeps a long job with its worker", async () => {
      const { queue, clock } = await start();
      const id = await queue.enqueue("video", {}, t0);
      await queue.claim(["video"], "w1", 1_000);
      clock.at = t0 + 900;
      expect(await queue.extendLease(id, "w1", 1_000)).toBe(true);
      expect(await queue.extendLease(id, "w2", 1_000)).toBe(false);
      clock.at = t0 + 1_500;
      expect(await queue.claim(["video"], "w2", 1_000)).toEqual([]);
    });

    it("retries a failed job with exponential backoff, then marks it dead", async () => {
      const { queue, clock } = await start();
      const id = await queue.enqueue("callback", {}, t0, { maxAttempts: 3 });
      await queue.claim(["callback"], "w", 5_000);
      expect(await queue.fail(id, "other", "nope")).toBe(false);
      expect(await queue.fail(id, "w", "HTTP 500")).toBe(true);
      expect(await queue.get(id)).toMatchObject({
        status: "queued",
        runAt: t0 + 1_000,
        lastError: "HTTP 500",
      });
      clock.at = t0 + 999;
      expect(await queue.claim(["callback"], "w", 5_000)).toEqual([]);
      clock.at = t0 + 1_000;
      await queue.claim(["callback"], "w", 5_000);
      expect(await queue.fail(id, "w", "timeout")).toBe(true);
      expect((await queue.get(id))?.runAt).toBe(t0 + 1_000 + 2_000);
      clock.at = t0 + 3_000;
      await queue.claim(["callback"], "w", 5_000);
      expect(await queue.fail(id, "w", "HTTP 502")).toBe(true);
      expect(await queue.get(id)).toMatchObject({ status: "dead", attempts: 3, lastError: "HTTP 502" });
      clock.at = t0 + 1_000_000;
      expect(await queue.claim(["callback"], "w", 5_000)).toEqual([]);
    });

    it("honours an explicit retry time", async () => {
      const { queue } = await start();
      const id = await queue.enqueue("callback", {}, t0);
      await queue.claim(["callback"], "w", 5_000);
      await queue.fail(id, "w", "Retry-After", t0 + 42_000);
      expect((await queue.get(id))?.runAt).toBe(t0 + 42_000);
    });

    it("a job whose worker died on the last attempt becomes dead, not retried forever", async () => {
      const { queue, clock } = await start();
      const id = await queue.enqueue("poison", {}, t0, { maxAttempts: 1 });
      await queue.claim(["poison"], "w1", 1_000);
      clock.at = t0 + 5_000;
      expect(await queue.claim(["poison"], "w2", 1_000)).toEqual([]);
      expect(await queue.get(id)).toMatchObject({ status: "dead", attempts: 1 });
    });

    it("enqueues once per dedupe key", async () => {
      const { queue } = await start();
      const a = await queue.enqueue("callback", { v: 1 }, t0, { dedupeKey: "session-1" });
      const b = await queue.enqueue("callback", { v: 2 }, t0, { dedupeKey: "session-1" });
      const c = await queue.enqueue("purge", { v: 3 }, t0, { dedupeKey: "session-1" });
      expect(b).toBe(a);
      expect(c).not.toBe(a);
      expect((await queue.get(a))?.payload).toEqual({ v: 1 });
      expect(await queue.claim(["callback"], "w", 1_000, 10)).toHaveLength(1);
    });

    it("concurrent enqueues with one dedupe key store one job", async () => {
      const { queue, openPeer } = await start();
      const peer = await openPeer();
      const ids = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          (i % 2 ? peer : queue).enqueue("callback", { i }, t0, { dedupeKey: "session-race" }),
        ),
      );
      expect(new Set(ids).size).toBe(1);
      expect(await queue.get(ids[0]!)).toMatchObject({ dedupeKey: "session-race", status: "queued" });
      expect(await queue.claim(["callback"], "w", 1_000, 20)).toHaveLength(1);
    });

    it("leases each job to exactly one of many concurrent workers", async () => {
      const { queue, openPeer } = await start();
      const peer = await openPeer();
      const ids = new Set<string>();
      for (let i = 0; i < 20; i++) ids.add(await queue.enqueue("callback", { i }, t0 - i));
      const batches = await Promise.all(
        Array.from({ length: 10 }, (_, w) => (w % 2 ? peer : queue).claim(["callback"], `w${w}`, 60_000, 3)),
      );
      const rest = await queue.claim(["callback"], "sweeper", 60_000, 20);
      const leased = [...batches.flat(), ...rest].map((j) => j.id);
      expect(leased).toHaveLength(20);
      expect(new Set(leased)).toEqual(ids);
    });
  });
}
