import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateBucketCommand, S3Client } from "@aws-sdk/client-s3";
import S3rver from "s3rver";
import { afterAll, beforeAll, expect, it } from "vitest";
import { S3BlobStore, type S3BlobStoreOptions } from "../../src/blobs/index.ts";
import { describeBlobStoreConformance } from "./conformance.ts";

// Node 20 is this project's runtime; the SDK's notice about its future Node 22 floor is noise in test output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

/** A real S3-compatible server (s3rver) on a random loopback port; each case gets its own bucket. */
const dir = mkdtempSync(join(tmpdir(), "openekyc-s3rver-"));
const server = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: dir });
const credentials = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };
let endpoint = "";
let admin: S3Client;
const stores: S3BlobStore[] = [];

beforeAll(async () => {
  const { port } = await server.run();
  endpoint = `http://127.0.0.1:${port}`;
  admin = new S3Client({ endpoint, region: "us-east-1", forcePathStyle: true, credentials });
});
afterAll(async () => {
  for (const store of stores) store.close();
  admin.destroy();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

async function freshBucket(): Promise<string> {
  const bucket = `openekyc-${randomBytes(6).toString("hex")}`;
  await admin.send(new CreateBucketCommand({ Bucket: bucket }));
  return bucket;
}

async function freshStore(extra: Partial<S3BlobStoreOptions> = {}): Promise<S3BlobStore> {
  const bucket = extra.bucket ?? (await freshBucket());
  const store = new S3BlobStore({
    endpoint,
    region: "us-east-1",
    bucket,
    forcePathStyle: true,
    ...credentials,
    ...extra,
  });
  stores.push(store);
  return store;
}

describeBlobStoreConformance("s3 (s3rver)", () => freshStore(), {
  // S3BlobStore sends one PutObject per put, so it inherits the server's atomic replace (AWS S3, MinIO).
  // s3rver rewrites the object file and then its metadata file in place (lib/stores/filesystem.js), so
  // concurrent PUTs to one key can mix one writer's bytes with another's content type there.
  serverLacksAtomicReplace: "s3rver writes objects and metadata in place, non-atomically",
});

it("keeps deployments sharing a bucket apart with a key prefix", async () => {
  const bucket = await freshBucket();
  const plain = await freshStore({ bucket });
  const tenant = await freshStore({ bucket, keyPrefix: "t1" });
  await tenant.put("a/b", Uint8Array.of(5), "text/plain");
  expect((await plain.get("t1/a/b"))?.data).toEqual(Uint8Array.of(5));
  expect(await plain.get("a/b")).toBeNull();
  await plain.put("a/c", Uint8Array.of(6), "text/plain");
  await tenant.deletePrefix("a/");
  expect(await plain.get("t1/a/b")).toBeNull();
  expect(await plain.head("a/c")).toEqual({ size: 1, contentType: "text/plain" });
});
