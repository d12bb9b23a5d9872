import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { FsBlobStore } from "../../src/blobs/index.ts";
import { describeBlobStoreConformance } from "./conformance.ts";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function freshRoot(): string {
  const dir = mkdtempSync(join(tmpdir(), "openekyc-blobs-"));
  dirs.push(dir);
  return dir;
}

describeBlobStoreConformance("filesystem", async () => new FsBlobStore(freshRoot()));

it("writes through a temporary file that it never leaves behind", async () => {
  const root = freshRoot();
  const blobs = new FsBlobStore(root);
  await Promise.all(Array.from({ length: 20 }, (_, i) => blobs.put("d/k", Uint8Array.of(i), "text/plain")));
  expect(readdirSync(join(root, "d"))).toEqual(["k~"]);
});

it("keeps every object inside the root directory", async () => {
  const root = freshRoot();
  const blobs = new FsBlobStore(join(root, "inner"));
  await blobs.put("x/y", Uint8Array.of(1), "text/plain");
  await expect(blobs.put("../escape", Uint8Array.of(1), "text/plain")).rejects.toThrow("Invalid blob key");
  expect(readdirSync(root)).toEqual(["inner"]);
});
