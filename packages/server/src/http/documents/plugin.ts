import { EkycError, isEkycError, SessionStateViolation } from "@openekyc/core";
import { browserSdkEntry } from "@openekyc/sdk";
import { documentStepEntry } from "@openekyc/web/documents";
import type { FastifyPluginAsync, FastifyReply } from "fastify";
import { maxDocumentImageBytes } from "../../services/documents/images.ts";
import type { DocumentSide } from "../../services/documents/index.ts";
import type { ServerPluginOptions } from "../build-server.ts";
import { pageHeaders } from "../page/static-files.ts";
import { browserBundle } from "./bundle.ts";
import { documentPageHtml } from "./page-html.ts";

const imageTypes = ["image/jpeg", "image/png", "image/webp", "application/octet-stream"];
/** Longest a GET may wait for a running read (long-poll), ms. */
const maxWaitMs = 25_000;

/**
 * The document step over HTTP, for the hosted page and the browser SDK: `GET /documents?token=…` (the step's
 * own page), its JSON API under `/api/documents/…` authorised by the token alone (the capability the merchant
 * handed the user), and the SDK's script at `/sdk/openekyc.js`.
 */
export const documentsPlugin: FastifyPluginAsync<ServerPluginOptions> = async (app, { services }) => {
  const documents = services.documents;
  app.addContentTypeParser(
    imageTypes,
    { parseAs: "buffer", bodyLimit: maxDocumentImageBytes },
    (_request, body, done) => done(null, body),
  );
  app.setErrorHandler((error, request, reply) => sendError(reply, error, request.log));

  app.get("/documents", async (_request, reply) =>
    reply
      .headers({ ...pageHeaders, "cache-control": "no-store" })
      .type("text/html; charset=utf-8")
      .send(documentPageHtml("/documents/assets/step.js")),
  );
  app.get("/documents/assets/step.js", async (_request, reply) =>
    reply
      .headers({ ...pageHeaders, "cache-control": "no-cache" })
      .type("text/javascript; charset=utf-8")
      .send(await browserBundle(documentStepEntry)),
  );
  app.get("/sdk/openekyc.js", async (_request, reply) =>
    reply
      .headers({
        "cache-control": "no-cache",
        "x-content-type-options": "nosniff",
        "access-control-allow-origin": "*",
      })
      .type("text/javascript; charset=utf-8")
      .send(await browserBundle(browserSdkEntry, { globalName: "OpenEkycSdk" })),
  );

  app.get<{ Querystring: { token?: string } }>("/api/documents/step", async (request) =>
    documents.step(tokenOf(request.query.token)),
  );
  app.post<{ Params: { side: string }; Querystring: { token?: string }; Body: Buffer }>(
    "/api/documents/:side",
    async (request, reply) => {
      const side = request.params.side;
      if (side !== "front" && side !== "back") return reply.code(404).send();
      const view = await documents.upload(
        tokenOf(request.query.token),
        side as DocumentSide,
        bodyOf(request.body),
      );
      return reply.code(side === "front" ? 202 : 200).send(view);
    },
  );
  app.get<{ Params: { id: string }; Querystring: { token?: string; wait?: string } }>(
    "/api/documents/attempts/:id",
    async (request) => {
      const wait = Math.min(maxWaitMs, Math.max(0, Number(request.query.wait ?? 0) * 1000 || 0));
      return documents.view(tokenOf(request.query.token), request.params.id, wait);
    },
  );
  app.post<{ Params: { id: string }; Body: { token?: unknown; fields?: unknown } }>(
    "/api/documents/attempts/:id/confirm",
    { bodyLimit: 64 * 1024 },
    async (request) => {
      const body = request.body ?? {};
      const fields = body.fields ?? {};
      if (typeof fields !== "object" || fields === null || Array.isArray(fields)) {
        throw new EkycError("INVALID_PARAMETER_VALUE", "fields must be an object of field name → text.");
      }
      return documents.confirm(tokenOf(body.token), request.params.id, fields as Record<string, unknown>);
    },
  );
};

function tokenOf(token: unknown): string {
  if (typeof token !== "string" || token.length === 0)
    throw new EkycError("MISSING_PARAMETER", "token is required.");
  return token;
}

function bodyOf(body: unknown): Uint8Array {
  if (!Buffer.isBuffer(body) || body.length === 0) {
    throw new EkycError("INVALID_PARAMETER_VALUE", "The upload body is empty or not an image.");
  }
  return new Uint8Array(body.buffer, body.byteOffset, body.length);
}

/** Session-state errors carry the web result code (14/15/16); the rest are catalogue errors, as on the page API. */
function sendError(reply: FastifyReply, error: unknown, log: FastifyReply["log"]) {
  if (error instanceof SessionStateViolation) {
    return reply
      .code(409)
      .send({ Error: { Code: error.tencentCode, Message: error.message }, ResultCode: error.resultCode });
  }
  if (isEkycError(error)) {
    const status = error.code === "IMAGE_SIZE_TOO_LARGE" ? 413 : error.code === "INTERNAL_ERROR" ? 500 : 400;
    return reply.code(status).send({ Error: { Code: error.tencentCode, Message: error.message } });
  }
  const failure = error as { statusCode?: number; message?: string };
  if (failure.statusCode === 413) {
    return reply
      .code(413)
      .send({ Error: { Code: "RequestSizeLimitExceeded", Message: "The photo is larger than 8 MB." } });
  }
  if (failure.statusCode && failure.statusCode < 500) {
    return reply
      .code(failure.statusCode)
      .send({ Error: { Code: "InvalidParameter", Message: failure.message } });
  }
  log.error({ err: error }, "document step failure");
  return reply.code(500).send({ Error: { Code: "InternalError", Message: "Internal error." } });
}
