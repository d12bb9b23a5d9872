import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { type BlobStore, type Store, systemClock } from "@openekyc/core";
import { FsBlobStore } from "./blobs/fs.ts";
import { S3BlobStore } from "./blobs/s3.ts";
import type { ServerConfig } from "./config/schema.ts";
import { SecretBox } from "./crypto/secret-box.ts";
import type { ServerDeps } from "./deps.ts";
import { openPostgresStore } from "./store/postgres/index.ts";
import { openSqliteStore } from "./store/sqlite/index.ts";

/**
 * The composition root: the only place that turns configuration into adapters.
 * Every process (server, CLI, worker) builds its dependencies here, so they all see the same data.
 */
export interface ComposedDeps extends ServerDeps {
  close(): Promise<void>;
}

/** Reads the master key from config, else from <dataDir>/master.key, generating it on first run. */
function loadMasterKey(config: ServerConfig, dataDir: string): string {
  if (config.masterKey) return config.masterKey;
  const file = join(dataDir, "master.key");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const key = randomBytes(32).toString("hex");
  // wx: never overwrite a key another process wrote first; re-read in that case.
  try {
    writeFileSync(file, `${key}\n`, { flag: "wx", mode: 0o600 });
    chmodSync(file, 0o600);
    return key;
  } catch {
    return readFileSync(file, "utf8").trim();
  }
}

async function openStore(config: ServerConfig, dataDir: string): Promise<Store> {
  if (config.databaseUrl && /^postgres(ql)?:\/\//.test(config.databaseUrl)) {
    return openPostgresStore(config.databaseUrl);
  }
  if (config.databaseUrl)
    throw new Error("OPENEKYC_DATABASE_URL must be a postgres:// URL (SQLite is the default)");
  return openSqliteStore(join(dataDir, "openekyc.sqlite"));
}

function openBlobs(config: ServerConfig, dataDir: string): BlobStore {
  if (config.blobs.driver === "s3") {
    const s3 = config.blobs.s3;
    if (!s3) throw new Error("blobs.driver is s3 but no s3 settings were given (OPENEKYC_S3_BUCKET, …)");
    return new S3BlobStore(s3);
  }
  return new FsBlobStore(join(dataDir, "blobs"));
}

export async function composeDeps(config: ServerConfig): Promise<ComposedDeps> {
  const dataDir = resolve(config.dataDir);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const secrets = new SecretBox(loadMasterKey(config, dataDir));
  const store = await openStore(config, dataDir);
  await store.migrate();
  const blobs = openBlobs(config, dataDir);
  const publicUrl = (config.publicUrl ?? `http://localhost:${config.port}`).replace(/\/+$/, "");
  return {
    config,
    store,
    blobs,
    secrets,
    clock: systemClock,
    publicUrl,
    close: () => store.close(),
  };
}
