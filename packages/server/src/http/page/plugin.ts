import { EkycError, isEkycError, SessionStateViolation } from "@openekyc/core";
import type { FaceEngineApi } from "@openekyc/engine";
import { pageDistDir } from "@openekyc/web";
import type { FastifyPluginAsync, FastifyReply } from "fastify";
import { WebVerificationService } from "../../services/verification/index.ts";
import type { ServerPluginOptions } from "../build-server.ts";
import { registerPageFiles } from "./static-files.ts";

export interface PagePluginOptions {
  /** The server's face engine (lazy: the pool starts on the first verification). */
  readonly engine: () => Promise<FaceEngineApi>;
  /** Built page directory; default: `@openekyc/web`'s dist. */
  readonly distDir?: string;
}

/** Largest capture package / video the page may upload (the package format allows 8 MiB; videos 20 MiB). */
const MAX_CAPTURE_BYTES = 8 * 1024 * 1024;
const MAX_VIDEO_BYTES = 20 * 1024 * 1024;

/**
 * The hosted verification page (`GET /verify?token=…`) and its small JSON API under `/api/page/…`,
 * authorised by the BizToken alone (it is the capability the merchant handed the user).
 */
export function pagePlugin(options: PagePluginOptions): FastifyPluginAsync<ServerPluginOptions> {
  return async (app, { deps, services }) => {
    const verification = new WebVerificationService({
      sessions: services.sessions,
      blobs: deps.blobs,
      clock: deps.clock,
      engine: options.engine,
      onEngineError: (error) => app.log.error({ err: error }, "verification engine failure"),
      documents: services.documents,
    });
    registerPageFiles(app, options.distDir ?? pageDistDir());
    app.addContentTypeParser(
      ["application/octet-stream", "video/mp4", "video/webm", "video/quicktime"],
      { parseAs: "buffer", bodyLimit: MAX_VIDEO_BYTES },
      (_request, body, done) => done(null, body),
    );
    app.setErrorHandler((error, _request, reply) => sendError(reply, error));

    app.get<{ Querystring: { token?: string } }>("/api/page/session", async (request) =>
      verification.pageState(tokenOf(request.query.token)),
    );
    app.post<{ Body: { token?: string; video?: boolean; motion?: boolean } }>(
      "/api/page/attempt",
      async (request) => {
        const body = request.body ?? {};
        return verification.startAttempt(tokenOf(body.token), {
          video: body.video === true,
          motion: body.motion === true,
        });
      },
    );
    app.post<{ Params: { seq: string }; Querystring: UploadQuery; Body: Buffer }>(
      "/api/page/attempt/:seq/capture",
      { bodyLimit: MAX_CAPTURE_BYTES },
      async (request) =>
        verification.submitCapture(
          tokenOf(request.query.token),
          request.params.seq,
          bodyOf(request.body),
          submitOptionsOf(request.query),
        ),
    );
    app.post<{ Params: { seq: string }; Querystring: UploadQuery; Body: Buffer }>(
      "/api/page/attempt/:seq/video",
      { bodyLimit: MAX_VIDEO_BYTES },
      async (request) =>
        verification.submitVideo(
          tokenOf(request.query.token),
          request.params.seq,
          bodyOf(request.body),
          submitOptionsOf(request.query),
        ),
    );
    app.post<{ Body: { token?: string } }>("/api/page/unsupported", async (request) => {
      const session = await verification.markUnsupported(tokenOf(request.body?.token));
      return { Status: session.status, ErrorCode: session.resultCode, ErrorMsg: session.resultMessage };
    });
  };
}

interface UploadQuery {
  token?: string;
  /** "1": answer a passed attempt with its best frame (the browser SDK's bestImage option). */
  bestFrame?: string;
}

function submitOptionsOf(query: UploadQuery): { bestFrame: boolean } {
  return { bestFrame: query.bestFrame === "1" };
}

function tokenOf(token: unknown): string {
  if (typeof token !== "string" || token.length === 0)
    throw new EkycError("MISSING_PARAMETER", "token is required.");
  return token;
}

function bodyOf(body: unknown): Uint8Array {
  if (!Buffer.isBuffer(body) || body.length === 0)
    throw new EkycError("INVALID_PARAMETER_VALUE", "The upload body is empty or not binary.");
  return new Uint8Array(body.buffer, body.byteOffset, body.length);
}

/** Session-state errors carry the web result code (14/15/16) the page shows; others are plain API errors. */
function sendError(reply: FastifyReply, error: unknown) {
  if (error instanceof SessionStateViolation)
    return reply
      .code(409)
      .send({ Error: { Code: error.tencentCode, Message: error.message }, ResultCode: error.resultCode });
  if (isEkycError(error)) {
    const status =
      error.code === "REQUEST_SIZE_LIMIT_EXCEEDED" ? 413 : error.code === "INTERNAL_ERROR" ? 500 : 400;
    return reply.code(status).send({ Error: { Code: error.tencentCode, Message: error.message } });
  }
  const fastifyError = error as { statusCode?: number; message?: string };
  if (fastifyError.statusCode === 413)
    return reply
      .code(413)
      .send({ Error: { Code: "RequestSizeLimitExceeded", Message: "Upload too large." } });
  if (fastifyError.statusCode && fastifyError.statusCode < 500)
    return reply
      .code(fastifyError.statusCode)
      .send({ Error: { Code: "InvalidParameter", Message: fastifyError.message } });
  reply.log.error({ err: error }, "page API failure");
  return reply.code(500).send({ Error: { Code: "InternalError", Message: "Internal error." } });
}
