import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { JobQueue } from "@openekyc/core";
import { openSqliteJobQueue, openSqliteStore } from "../../src/store/index.ts";
import { describeJobQueueConformance, testBackoff } from "./job-queue-conformance.ts";

describeJobQueueConformance("sqlite", async (clock) => {
  const dir = mkdtempSync(join(tmpdir(), "openekyc-jobs-"));
  const file = join(dir, "openekyc.sqlite");
  // The Store and the queue share one file and one schema history.
  const store = await openSqliteStore(file);
  const queue = await openSqliteJobQueue(file, { clock, backoff: testBackoff });
  const peers: JobQueue[] = [];
  return {
    queue,
    async openPeer() {
      const peer = await openSqliteJobQueue(file, { clock, backoff: testBackoff });
      peers.push(peer);
      return peer;
    },
    async destroy() {
      for (const peer of peers) await peer.close();
      await queue.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
