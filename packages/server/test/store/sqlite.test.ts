import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Store } from "@openekyc/core";
import { openSqliteStore } from "../../src/store/index.ts";
import { describeStoreConformance } from "./conformance.ts";
import type { StoreUnderTest } from "./harness.ts";

/** Each case gets a real SQLite file in its own temporary directory. */
function onFile(file: string, dir: string, store: Store): StoreUnderTest {
  const peers: Store[] = [];
  return {
    store,
    async openPeer() {
      const peer = await openSqliteStore(file);
      peers.push(peer);
      return peer;
    },
    async destroy() {
      for (const peer of peers) await peer.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describeStoreConformance("sqlite", {
  async open() {
    const dir = mkdtempSync(join(tmpdir(), "openekyc-store-"));
    const file = join(dir, "openekyc.sqlite");
    return onFile(file, dir, await openSqliteStore(file));
  },
  async openConcurrently(count) {
    const dir = mkdtempSync(join(tmpdir(), "openekyc-store-"));
    const file = join(dir, "openekyc.sqlite");
    const stores = await Promise.all(Array.from({ length: count }, () => openSqliteStore(file)));
    // Only the last one removes the shared directory.
    return stores.map((store, i) =>
      i === stores.length - 1
        ? onFile(file, dir, store)
        : { ...onFile(file, dir, store), destroy: () => store.close() },
    );
  },
});
