import { expect, it } from "vitest";
import { makeApp, makeCredential, makeSession, t0 } from "./fixtures.ts";
import type { StoreHarness, StoreUnderTest } from "./harness.ts";

/** Migrations, apps, credentials and usage counters. */
export function appConformance(get: () => StoreUnderTest, harness: StoreHarness): void {
  it("migrate is idempotent and keeps data", async () => {
    const { store } = get();
    const app = makeApp();
    await store.createApp(app);
    await store.migrate();
    await store.migrate();
    expect(await store.getApp(app.appId)).toEqual(app);
  });

  it("several Stores migrating one new database at once all succeed and share it", async () => {
    const opened = await harness.openConcurrently(4);
    try {
      const [first, ...others] = opened.map((o) => o.store);
      const app = makeApp();
      await first!.createApp(app);
      for (const other of others) expect(await other.getApp(app.appId)).toEqual(app);
    } finally {
      for (const o of opened.reverse()) await o.destroy();
    }
  });

  it("creates, reads, lists and patches apps", async () => {
    const { store } = get();
    const a = makeApp({ createdAt: t0 });
    const b = makeApp({ createdAt: t0 + 1, redirectHosts: [], disabled: true });
    await store.createApp(a);
    await store.createApp(b);
    expect(await store.getApp(a.appId)).toEqual(a);
    expect(await store.getApp("missing")).toBeNull();
    expect((await store.listApps()).map((x) => x.appId)).toEqual([a.appId, b.appId]);

    const renamed = await store.updateApp(a.appId, { name: "Renamed", rateLimitPerSecond: 3 });
    expect(renamed).toEqual({ ...a, name: "Renamed", rateLimitPerSecond: 3 });
    const reenabled = await store.updateApp(b.appId, { disabled: false, redirectHosts: ["x.example"] });
    expect(reenabled).toEqual({ ...b, disabled: false, redirectHosts: ["x.example"] });
    expect(await store.getApp(b.appId)).toEqual(reenabled);
    expect(await store.updateApp("missing", { name: "x" })).toBeNull();
    await expect(store.createApp(a)).rejects.toThrow();
  });

  it("stores credentials, lists them per app and disables them", async () => {
    const { store } = get();
    const app = makeApp();
    await store.createApp(app);
    const c1 = makeCredential(app.appId, { createdAt: t0 });
    const c2 = makeCredential(app.appId, { createdAt: t0 + 10 });
    await store.addCredential(c1);
    await store.addCredential(c2);
    expect(await store.getCredential(c1.secretId)).toEqual(c1);
    expect(await store.getCredential("AKIDmissing")).toBeNull();
    expect((await store.listCredentials(app.appId)).map((c) => c.secretId)).toEqual([
      c1.secretId,
      c2.secretId,
    ]);
    expect(await store.listCredentials("other")).toEqual([]);
    expect(await store.disableCredential(c1.secretId)).toBe(true);
    expect(await store.getCredential(c1.secretId)).toEqual({ ...c1, disabled: true });
    expect(await store.disableCredential("AKIDmissing")).toBe(false);
    await expect(store.addCredential(c1)).rejects.toThrow();
  });

  it("refuses credentials and sessions of an unknown app (foreign keys)", async () => {
    const { store } = get();
    await expect(store.addCredential(makeCredential("no-such-app"))).rejects.toThrow();
    await expect(store.createSession(makeSession("no-such-app"))).rejects.toThrow();
  });

  it("counts usage per app, action and UTC day, split into calls and billed", async () => {
    const { store } = get();
    const day1 = Date.UTC(2026, 0, 31, 23, 59, 59, 999);
    const day2 = Date.UTC(2026, 1, 1, 0, 0, 0);
    await store.recordUsage({
      appId: "a",
      action: "ApplyWebVerificationBizTokenIntl",
      billed: false,
      at: day1,
    });
    await store.recordUsage({ appId: "a", action: "GetWebVerificationResultIntl", billed: true, at: day1 });
    await store.recordUsage({ appId: "a", action: "GetWebVerificationResultIntl", billed: false, at: day1 });
    await store.recordUsage({ appId: "a", action: "GetWebVerificationResultIntl", billed: true, at: day2 });
    await store.recordUsage({ appId: "b", action: "GetWebVerificationResultIntl", billed: true, at: day2 });

    expect(await store.usageSummary("a", "2026-01-31", "2026-01-31")).toEqual([
      { appId: "a", action: "ApplyWebVerificationBizTokenIntl", day: "2026-01-31", calls: 1, billed: 0 },
      { appId: "a", action: "GetWebVerificationResultIntl", day: "2026-01-31", calls: 2, billed: 1 },
    ]);
    expect(await store.usageSummary(null, "2026-02-01", "2026-02-28")).toEqual([
      { appId: "a", action: "GetWebVerificationResultIntl", day: "2026-02-01", calls: 1, billed: 1 },
      { appId: "b", action: "GetWebVerificationResultIntl", day: "2026-02-01", calls: 1, billed: 1 },
    ]);
    expect(await store.usageSummary("a", "2026-03-01", "2026-03-31")).toEqual([]);
  });

  it("loses no usage count when many requests and a second process count at once", async () => {
    const { store, openPeer } = get();
    const peer = await openPeer();
    const at = Date.UTC(2026, 5, 1, 12);
    await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        (i % 2 ? peer : store).recordUsage({ appId: "a", action: "X", billed: i % 3 === 0, at }),
      ),
    );
    expect(await store.usageSummary("a", "2026-06-01", "2026-06-01")).toEqual([
      { appId: "a", action: "X", day: "2026-06-01", calls: 60, billed: 20 },
    ]);
  });
}
