import type { BlobStore, Clock, Store } from "@openekyc/core";
import type { FastifyBaseLogger } from "fastify";
import type { ServerConfig } from "./config/schema.ts";
import type { SecretBox } from "./crypto/secret-box.ts";

/**
 * Everything the HTTP layer and the domain services need, built once by the composition root
 * (`compose.ts`) from the config. Tests build it with a temporary SQLite file and data dir.
 */
export interface ServerDeps {
  readonly config: ServerConfig;
  readonly store: Store;
  readonly blobs: BlobStore;
  readonly secrets: SecretBox;
  readonly clock: Clock;
  /** Base URL the outside world reaches this server at (no trailing slash). */
  readonly publicUrl: string;
  readonly logger?: FastifyBaseLogger;
}
