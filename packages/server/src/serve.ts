import { createServer } from "node:net";
import type { FastifyInstance } from "fastify";
import { type ComposedDeps, composeDeps } from "./compose.ts";
import type { ServerConfig } from "./config/schema.ts";
import { demoPlugin } from "./demo/demo-plugin.ts";
import { lazyEnginePool } from "./engine-provider.ts";
import { buildServer } from "./http/build-server.ts";
import { createServices } from "./services/index.ts";
import { livenessActions } from "./services/liveness/actions.ts";
import { RetentionService } from "./services/retention.ts";
import { reflectActions } from "./services/verification/reflect-actions.ts";

/** How often expired session media and uploads are purged. */
const retentionIntervalMs = 10 * 60_000;

export interface RunningServer {
  readonly app: FastifyInstance;
  readonly deps: ComposedDeps;
  readonly url: string;
  /** Credentials of the app created on first run (printed once; null when apps already existed). */
  readonly firstApp: { AppId: string; SecretId: string; SecretKey: string } | null;
  close(): Promise<void>;
}

/** Builds everything from config, creates a first app on an empty database, and listens. */
export async function startServer(requested: ServerConfig): Promise<RunningServer> {
  // Port 0 (tests, parallel runs): pick the port first, so URLs handed to merchants carry the real one.
  const config = requested.port === 0 ? { ...requested, port: await freePort() } : requested;
  const deps = await composeDeps(config);
  const services = createServices(deps);
  const firstApp =
    (await deps.store.listApps()).length === 0 ? await services.apps.createApp("default") : null;
  const engine = lazyEnginePool(config.engineWorkers);
  const wiring = {
    engine: engine.get,
    uploads: services.uploads,
    blobs: deps.blobs,
    clock: deps.clock,
    publicUrl: deps.publicUrl,
    fetchAllowList: config.fetchAllowList,
  };
  // The demo merchant calls the API over loopback like any merchant backend; the port is known after listen.
  let loopbackEndpoint = "";
  const app = await buildServer(deps, {
    services,
    engine: engine.get,
    actions: [...livenessActions(wiring), ...reflectActions(wiring)],
    plugins: [demoPlugin(() => loopbackEndpoint)],
  });
  app.addHook("onClose", engine.close);
  const stopRetention = new RetentionService(deps.store, deps.blobs, deps.clock).schedule(
    retentionIntervalMs,
    (error) => app.log.error({ err: error }, "retention purge failed"),
  );
  app.addHook("onClose", async () => stopRetention());
  const address = await app.listen({ port: config.port, host: config.host });
  const port = new URL(address).port;
  loopbackEndpoint = `http://127.0.0.1:${port}`;
  const url = config.publicUrl ?? `http://localhost:${port}`;
  return {
    app,
    deps,
    url,
    firstApp,
    close: async () => {
      await app.close();
      await deps.close();
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}
