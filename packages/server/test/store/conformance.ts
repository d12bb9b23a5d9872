import { afterEach, beforeEach, describe } from "vitest";
import { appConformance } from "./conformance-apps.ts";
import { documentConformance } from "./conformance-documents.ts";
import { sessionConformance } from "./conformance-sessions.ts";
import type { StoreHarness, StoreUnderTest } from "./harness.ts";

/**
 * The one Store conformance suite. Every adapter's test file calls this with its harness; a case that
 * fails on one adapter is a bug in that adapter, never a reason to fork the suite.
 */
export function describeStoreConformance(name: string, harness: StoreHarness): void {
  describe(`Store conformance: ${name}`, () => {
    const ctx = { current: undefined as StoreUnderTest | undefined };
    beforeEach(async () => {
      ctx.current = await harness.open();
    });
    afterEach(async () => {
      await ctx.current?.destroy();
      ctx.current = undefined;
    });
    const get = (): StoreUnderTest => {
      if (!ctx.current) throw new Error("store not opened");
      return ctx.current;
    };
    appConformance(get, harness);
    sessionConformance(get);
    documentConformance(get);
  });
}
