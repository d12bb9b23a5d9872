import type { Store } from "@openekyc/core";

/** What the conformance suite needs from an adapter's test file. */
export interface StoreHarness {
  /** A fresh, empty, migrated database and a Store on it. */
  open(): Promise<StoreUnderTest>;
  /** `count` Stores opening (and migrating) one brand-new database at the same moment. */
  openConcurrently(count: number): Promise<StoreUnderTest[]>;
}

export interface StoreUnderTest {
  readonly store: Store;
  /** Another Store with its own connection(s) on the same database, as a second process would have. */
  openPeer(): Promise<Store>;
  /** Closes the Store (and peers) and removes the database. */
  destroy(): Promise<void>;
}
