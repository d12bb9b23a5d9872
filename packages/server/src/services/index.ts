import type { ServerDeps } from "../deps.ts";
import { AppService } from "./apps.ts";
import { CredentialResolver } from "./credentials.ts";
import { DocumentService } from "./documents/index.ts";
import { RateLimiter } from "./rate-limit.ts";
import { SessionService } from "./sessions.ts";
import { SignedUrls } from "./signed-urls.ts";
import { UploadService } from "./uploads.ts";

/** The domain services of one server process, built from its dependencies. */
export interface ServerServices {
  readonly apps: AppService;
  readonly sessions: SessionService;
  readonly uploads: UploadService;
  readonly credentials: CredentialResolver;
  readonly rateLimiter: RateLimiter;
  readonly signedUrls: SignedUrls;
  /** The document step (CheckMode 1/4, SDK CheckMode 1). */
  readonly documents: DocumentService;
}

export function createServices(deps: ServerDeps): ServerServices {
  const signedUrls = new SignedUrls(deps.secrets.deriveKey("blob-urls"), deps.publicUrl);
  const sessions = new SessionService(deps.store, deps.clock, deps.blobs);
  return {
    documents: new DocumentService(deps.store, deps.blobs, deps.clock, sessions),
    apps: new AppService(deps.store, deps.secrets, deps.clock, {
      defaultRateLimitPerSecond: deps.config.defaultRateLimitPerSecond,
    }),
    sessions,
    uploads: new UploadService(deps.blobs, signedUrls, deps.clock, deps.config.maxUploadBytes),
    credentials: new CredentialResolver(deps.store, deps.secrets, deps.clock),
    rateLimiter: new RateLimiter(),
    signedUrls,
  };
}

export { AppService } from "./apps.ts";
export { CredentialResolver } from "./credentials.ts";
export { RateLimiter } from "./rate-limit.ts";
export { SessionService, sessionBlobPrefix } from "./sessions.ts";
export { SignedUrls } from "./signed-urls.ts";
export { UploadService } from "./uploads.ts";
