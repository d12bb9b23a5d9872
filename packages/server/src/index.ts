export {
  type ActionContext,
  type ActionDefinition,
  type ActionServices,
  defineAction,
} from "./api/actions/types.ts";
export { signTc3 } from "./api/auth/tc3.ts";
export { apiVersion } from "./api/handle.ts";
export { parseParams } from "./api/params/validate.ts";
export { type ComposedDeps, composeDeps } from "./compose.ts";
export { loadConfig } from "./config/load.ts";
export { configSchema, type ServerConfig } from "./config/schema.ts";
export { SecretBox } from "./crypto/secret-box.ts";
export type { ServerDeps } from "./deps.ts";
export { type BuildServerOptions, buildServer, type ServerPluginOptions } from "./http/build-server.ts";
export { type RunningServer, startServer } from "./serve.ts";
export {
  AppService,
  CredentialResolver,
  createServices,
  type ServerServices,
  SessionService,
  sessionBlobPrefix,
  UploadService,
} from "./services/index.ts";
