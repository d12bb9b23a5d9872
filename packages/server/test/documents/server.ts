import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { systemClock } from "@openekyc/core";
import type { FaceEngineApi } from "@openekyc/engine";
import type { FastifyInstance, FastifyPluginAsync } from "fastify";
import { FsBlobStore } from "../../src/blobs/fs.ts";
import { configSchema } from "../../src/config/schema.ts";
import { SecretBox } from "../../src/crypto/secret-box.ts";
import type { ServerDeps } from "../../src/deps.ts";
import { lazyEnginePool } from "../../src/engine-provider.ts";
import { buildServer, type ServerPluginOptions } from "../../src/http/build-server.ts";
import { createServices, type ServerServices } from "../../src/services/index.ts";
import { openSqliteStore } from "../../src/store/sqlite/index.ts";
import type { TestServer } from "../compat/harness.ts";

// The SDKs send through http_proxy when it is set, even for 127.0.0.1.
for (const name of ["http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY"]) delete process.env[name];

export interface DocumentsTestServer extends TestServer {
  readonly url: string;
  readonly services: ServerServices;
  /** The server's own face-engine pool (started on first use): tests detect faces with the same models. */
  readonly engine: () => Promise<FaceEngineApi>;
}

/** One request to the test server, with its status and JSON body. */
export async function fetchJson(
  server: DocumentsTestServer,
  path: string,
  init: RequestInit = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${server.url}${path}`, init);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** A real server on 127.0.0.1 (fresh SQLite file and blob directory) with the document step's routes. */
export async function startDocumentsServer(
  extraPlugins: FastifyPluginAsync<ServerPluginOptions>[] = [],
): Promise<DocumentsTestServer> {
  const dir = await mkdtemp(join(tmpdir(), "openekyc-docs-http-"));
  const store = await openSqliteStore(join(dir, "test.sqlite"));
  const config = configSchema.parse({ dataDir: dir, logLevel: "silent" });
  const base = {
    config,
    store,
    blobs: new FsBlobStore(join(dir, "blobs")),
    secrets: new SecretBox("22".repeat(32)),
    clock: systemClock,
  };
  // The public URL needs the port: listen on a probe first to learn a free one.
  const probe = await buildServer({ ...base, publicUrl: "http://127.0.0.1:0" });
  await probe.listen({ port: 0, host: "127.0.0.1" });
  const port = (probe.server.address() as { port: number }).port;
  await probe.close();
  const deps: ServerDeps = { ...base, publicUrl: `http://127.0.0.1:${port}` };
  const services = createServices(deps);
  const pool = lazyEnginePool();
  const app: FastifyInstance = await buildServer(deps, {
    services,
    plugins: extraPlugins,
    engine: pool.get,
  });
  await app.listen({ port, host: "127.0.0.1" });
  const credentials = await services.apps.createApp("documents merchant");
  return {
    app,
    deps,
    services,
    endpoint: `127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}`,
    credentials,
    engine: pool.get,
    close: async () => {
      await app.close();
      await pool.close();
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
