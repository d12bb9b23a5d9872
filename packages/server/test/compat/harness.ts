import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Clock, Store } from "@openekyc/core";
import type { FastifyBaseLogger, FastifyInstance } from "fastify";
import type { ActionDefinition } from "../../src/api/actions/types.ts";
import { FsBlobStore } from "../../src/blobs/fs.ts";
import { configSchema, type ServerConfig } from "../../src/config/schema.ts";
import { SecretBox } from "../../src/crypto/secret-box.ts";
import type { ServerDeps } from "../../src/deps.ts";
import { buildServer } from "../../src/http/build-server.ts";
import { createServices, type ServerServices } from "../../src/services/index.ts";
import { openSqliteStore } from "../../src/store/sqlite/index.ts";

// The SDKs send through http_proxy when it is set, even for 127.0.0.1.
for (const name of ["http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY"]) delete process.env[name];

/**
 * A server clock that does not read `Date`, so a test can fake the client's Date (to sign with an old
 * timestamp) without moving the server; `advance` moves the server on purpose (expiry tests).
 */
export class OffsetClock implements Clock {
  offsetMs = 0;
  now(): number {
    return Math.floor(performance.timeOrigin + performance.now()) + this.offsetMs;
  }
}

export interface TestServer {
  readonly app: FastifyInstance;
  readonly deps: ServerDeps;
  readonly services: ServerServices;
  /** `127.0.0.1:<port>`, the SDK endpoint. */
  readonly endpoint: string;
  readonly credentials: { AppId: string; SecretId: string; SecretKey: string };
  close(): Promise<void>;
}

/** A real server on 127.0.0.1:0 over a fresh SQLite file and blob directory. */
export async function startTestServer(
  options: {
    config?: Partial<ServerConfig>;
    clock?: Clock;
    logger?: FastifyBaseLogger;
    actions?: readonly ActionDefinition[];
    /** Another Store (e.g. PostgreSQL); the default is a fresh SQLite file. Closed with the server. */
    store?: Store;
  } = {},
): Promise<TestServer> {
  const dir = await mkdtemp(join(tmpdir(), "openekyc-compat-"));
  const store = options.store ?? (await openSqliteStore(join(dir, "test.sqlite")));
  const config = configSchema.parse({ dataDir: dir, logLevel: "silent", ...options.config });
  const deps: ServerDeps = {
    config,
    store,
    blobs: new FsBlobStore(join(dir, "blobs")),
    secrets: new SecretBox("11".repeat(32)),
    clock: options.clock ?? new OffsetClock(),
    publicUrl: "http://127.0.0.1:0",
    ...(options.logger ? { logger: options.logger } : {}),
  };
  // The public URL needs the port, known only after listen: build once to learn it, then rebuild.
  const probe = await buildServer(deps);
  await probe.listen({ port: 0, host: "127.0.0.1" });
  const port = (probe.server.address() as { port: number }).port;
  await probe.close();
  const finalDeps: ServerDeps = { ...deps, publicUrl: `http://127.0.0.1:${port}` };
  const services = createServices(finalDeps);
  const app = await buildServer(finalDeps, { services, actions: options.actions ?? [] });
  await app.listen({ port, host: "127.0.0.1" });
  const credentials = await services.apps.createApp("compat merchant");
  return {
    app,
    deps: finalDeps,
    services,
    endpoint: `127.0.0.1:${port}`,
    credentials,
    close: async () => {
      await app.close();
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
