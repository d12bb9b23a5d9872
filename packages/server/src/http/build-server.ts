import { randomUUID } from "node:crypto";
import type { FaceEngineApi } from "@openekyc/engine";
import Fastify, { type FastifyInstance, type FastifyPluginAsync, LogController } from "fastify";
import { actions as builtInActions } from "../api/actions/index.ts";
import type { ActionDefinition } from "../api/actions/types.ts";
import type { ServerDeps } from "../deps.ts";
import { lazyEnginePool } from "../engine-provider.ts";
import { createServices, type ServerServices } from "../services/index.ts";
import { ReferencePhotoCheck } from "../services/reference-photo.ts";
import { apiRoutes } from "./api-routes.ts";
import { blobRoutes } from "./blob-routes.ts";
import { documentsPlugin } from "./documents/index.ts";
import { pagePlugin } from "./page/index.ts";

/** Options every extra plugin (e.g. `http/page`) receives: the dependencies and the shared services. */
export interface ServerPluginOptions {
  readonly deps: ServerDeps;
  readonly services: ServerServices;
}

export interface BuildServerOptions {
  /** Registered after the core routes, each in its own encapsulated context. */
  readonly plugins?: readonly FastifyPluginAsync<ServerPluginOptions>[];
  /**
   * More API actions (e.g. the pure-API liveness actions, which need the face engine): definitions built with
   * `defineAction`, dispatched exactly like the built-in ones. A name that is already taken is an error.
   */
  readonly actions?: readonly ActionDefinition[];
  /** Services to share (tests, the composition root); built from `deps` when absent. */
  readonly services?: ServerServices;
  /** The process's shared face engine (lazy); when absent the server starts one pool on first use. */
  readonly engine?: () => Promise<FaceEngineApi>;
}

/**
 * The HTTP server: `GET /healthz`, the Tencent-compatible API at `/`, signed blob URLs at `/blobs/…`,
 * then the given plugins. Not listening yet: the caller calls `listen`.
 */
export async function buildServer(
  deps: ServerDeps,
  options: BuildServerOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    ...(deps.logger ? { loggerInstance: deps.logger } : { logger: { level: deps.config.logLevel } }),
    // One structured line per API call is written by the API route itself, without query strings
    // (v1 GET carries the Signature there) or bodies (images).
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: () => randomUUID(),
    bodyLimit: deps.config.maxRequestBytes,
    return503OnClosing: true,
  }) as unknown as FastifyInstance;
  const services = options.services ?? createServices(deps);
  const engine = options.engine ?? ownEnginePool(app);

  app.get("/healthz", async () => ({ ok: true }));
  const dispatch = new Map(builtInActions);
  for (const action of options.actions ?? []) {
    if (dispatch.has(action.name)) throw new Error(`API action ${action.name} is registered twice`);
    dispatch.set(action.name, action);
  }
  await app.register(
    apiRoutes(
      {
        actions: dispatch,
        credentials: services.credentials,
        rateLimiter: services.rateLimiter,
        services: {
          sessions: services.sessions,
          uploads: services.uploads,
          blobs: deps.blobs,
          clock: deps.clock,
          publicUrl: deps.publicUrl,
          referencePhotos: new ReferencePhotoCheck(engine),
        },
        clock: deps.clock,
        maxClockSkewSeconds: deps.config.maxClockSkewSeconds,
      },
      deps.config.maxRequestBytes,
    ),
  );
  await app.register(
    blobRoutes({
      blobs: deps.blobs,
      urls: services.signedUrls,
      clock: deps.clock,
      maxUploadBytes: deps.config.maxUploadBytes,
    }),
  );
  await app.register(pagePlugin({ engine }), { deps, services });
  await app.register(documentsPlugin, { deps, services });
  for (const plugin of options.plugins ?? []) await app.register(plugin, { deps, services });
  return app;
}

/** A pool of this server's own, started on first use and closed with the server. */
function ownEnginePool(app: FastifyInstance): () => Promise<FaceEngineApi> {
  const pool = lazyEnginePool();
  app.addHook("onClose", pool.close);
  return pool.get;
}
