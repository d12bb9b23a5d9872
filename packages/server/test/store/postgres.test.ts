import { randomBytes } from "node:crypto";
import type { Store } from "@openekyc/core";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { openPostgresStore } from "../../src/store/index.ts";
import { describeStoreConformance } from "./conformance.ts";
import type { StoreUnderTest } from "./harness.ts";

/**
 * Runs the Store suite on the real PostgreSQL at 127.0.0.1:5432 (database `test`). Each case works in its
 * own freshly created schema, dropped afterwards, so runs never see each other's rows.
 */
const url = process.env.OPENEKYC_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const admin = new pg.Pool({ connectionString: url, max: 2 });

beforeAll(async () => {
  try {
    await admin.query("SELECT 1");
  } catch (error) {
    throw new Error(`PostgreSQL is required at ${url} (start it, or set OPENEKYC_TEST_DATABASE_URL)`, {
      cause: error,
    });
  }
});
afterAll(() => admin.end());

function freshSchema(): string {
  return `openekyc_test_${randomBytes(6).toString("hex")}`;
}

function inSchema(schema: string, store: Store, dropSchema: boolean): StoreUnderTest {
  const peers: Store[] = [];
  return {
    store,
    async openPeer() {
      const peer = await openPostgresStore(url, { schema, poolSize: 5 });
      peers.push(peer);
      return peer;
    },
    async destroy() {
      for (const peer of peers) await peer.close();
      await store.close();
      if (dropSchema) await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    },
  };
}

describeStoreConformance("postgres", {
  async open() {
    const schema = freshSchema();
    return inSchema(schema, await openPostgresStore(url, { schema, poolSize: 5 }), true);
  },
  async openConcurrently(count) {
    const schema = freshSchema();
    const stores = await Promise.all(
      Array.from({ length: count }, () => openPostgresStore(url, { schema, poolSize: 2 })),
    );
    // The last one drops the shared schema once every Store on it is closed.
    return stores.map((store, i) => inSchema(schema, store, i === stores.length - 1));
  },
});
