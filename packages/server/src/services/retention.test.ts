import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { resultRetentionMs, type Store } from "@openekyc/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FsBlobStore } from "../blobs/fs.ts";
import { openSqliteStore } from "../store/sqlite/index.ts";
import { RetentionService } from "./retention.ts";
import { SessionService, sessionBlobPrefix } from "./sessions.ts";
import { newUploadKey } from "./uploads.ts";

let dir: string;
let store: Store;
let blobs: FsBlobStore;
const clock = { nowMs: 1_800_000_000_000, now: () => clock.nowMs };
const jpegLike = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "openekyc-retention-"));
  store = await openSqliteStore(join(dir, "r.sqlite"));
  blobs = new FsBlobStore(join(dir, "blobs"));
  await store.createApp({
    appId: "app-r",
    name: "m",
    disabled: false,
    redirectHosts: [],
    rateLimitPerSecond: 10,
    createdAt: clock.now(),
  });
});
afterAll(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

describe("retention", () => {
  it("keeps a session's media for 3 days, then deletes it and marks the session purged", async () => {
    const sessions = new SessionService(store, clock, blobs);
    const session = await sessions.create({
      kind: "web-intl",
      appId: "app-r",
      config: {},
      redirectUrl: "https://m.example/cb",
      extra: null,
      retryLimit: 3,
      reference: { data: jpegLike, contentType: "image/jpeg" },
    });
    const evidenceKey = `${sessionBlobPrefix(session.id)}attempts/1/best-frame`;
    await blobs.put(evidenceKey, jpegLike, "image/jpeg");
    const retention = new RetentionService(store, blobs, clock);

    clock.nowMs += resultRetentionMs - 1;
    expect(await retention.purgeExpiredSessions()).toBe(0);
    expect(await blobs.head(session.referenceImageKey!)).not.toBeNull();

    clock.nowMs += 1;
    expect(await retention.purgeExpiredSessions()).toBe(1);
    expect(await blobs.head(session.referenceImageKey!)).toBeNull();
    expect(await blobs.head(evidenceKey)).toBeNull();
    expect((await store.getSessionById(session.id))?.referenceImageKey).toBeNull();
    // Idempotent: a second run (or another process) finds nothing left to do.
    expect(await retention.purgeExpiredSessions()).toBe(0);
  });

  it("deletes uploads once their 2-hour resource lifetime is over, and not before", async () => {
    const start = clock.nowMs;
    const oldKey = newUploadKey("app-r", start);
    await blobs.put(oldKey, jpegLike, "image/jpeg");
    const retention = new RetentionService(store, blobs, clock);

    clock.nowMs = start + 2 * 3_600_000 - 1;
    await retention.purgeExpiredUploads();
    expect(await blobs.head(oldKey)).not.toBeNull();

    clock.nowMs = start + 3 * 3_600_000 + 1;
    const freshKey = newUploadKey("app-r", clock.nowMs);
    await blobs.put(freshKey, jpegLike, "image/jpeg");
    await retention.purgeExpiredUploads();
    expect(await blobs.head(oldKey)).toBeNull();
    expect(await blobs.head(freshKey)).not.toBeNull();
  });
});
