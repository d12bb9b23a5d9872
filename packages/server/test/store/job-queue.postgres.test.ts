import { randomBytes } from "node:crypto";
import type { JobQueue } from "@openekyc/core";
import pg from "pg";
import { afterAll } from "vitest";
import { openPostgresJobQueue } from "../../src/store/index.ts";
import { describeJobQueueConformance, testBackoff } from "./job-queue-conformance.ts";

/** Each case uses a fresh schema on the real PostgreSQL (127.0.0.1:5432, database `test`), dropped afterwards. */
const url = process.env.OPENEKYC_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const admin = new pg.Pool({ connectionString: url, max: 1 });
afterAll(() => admin.end());

describeJobQueueConformance("postgres", async (clock) => {
  const schema = `openekyc_test_${randomBytes(6).toString("hex")}`;
  const open = () => openPostgresJobQueue(url, { schema, clock, backoff: testBackoff, poolSize: 5 });
  const queue = await open();
  const peers: JobQueue[] = [];
  return {
    queue,
    async openPeer() {
      const peer = await open();
      peers.push(peer);
      return peer;
    },
    async destroy() {
      for (const peer of peers) await peer.close();
      await queue.close();
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    },
  };
});
