import { EkycError } from "@openekyc/core";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { errorEnvelope } from "../api/envelope.ts";
import { type ApiHandlerDeps, handleApiRequest } from "../api/handle.ts";
import type { RawApiRequest } from "../api/wire-request.ts";

function rawRequest(request: FastifyRequest): RawApiRequest {
  const url = request.raw.url ?? "/";
  const queryStart = url.indexOf("?");
  return {
    method: request.method,
    rawQuery: queryStart === -1 ? "" : url.slice(queryStart + 1),
    headers: request.headers,
    body: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
  };
}

/** Errors Fastify raises before our handler runs (body too large, bad media type) still get the envelope. */
function envelopeForFastifyError(error: FastifyError): EkycError {
  if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
    return new EkycError("REQUEST_SIZE_LIMIT_EXCEEDED");
  }
  if (error.statusCode !== undefined && error.statusCode < 500) {
    return new EkycError("INVALID_PARAMETER", `The request could not be read: ${error.message}`);
  }
  return new EkycError("INTERNAL_ERROR");
}

/**
 * The Tencent Cloud API 3.0 endpoint: `POST /` and `GET /`, every reply HTTP 200 with the envelope.
 * Bodies are kept raw (TC3 hashes the exact bytes) and capped at `maxRequestBytes`: Fastify refuses a larger
 * Content-Length up front and stops reading a chunked body at the cap, so it never buffers it all.
 */
export function apiRoutes(deps: ApiHandlerDeps, maxRequestBytes: number) {
  return async function registerApiRoutes(app: FastifyInstance): Promise<void> {
    app.removeAllContentTypeParsers();
    app.addContentTypeParser("*", { parseAs: "buffer", bodyLimit: maxRequestBytes }, (_request, body, done) =>
      done(null, body),
    );

    app.setErrorHandler((error: FastifyError, request, reply) => {
      const ekyc = envelopeForFastifyError(error);
      request.log.warn(
        { requestId: request.id, code: ekyc.tencentCode, reason: error.code },
        "api request refused",
      );
      // Connection: close — the rest of a refused oversized body is not worth reading.
      if (ekyc.code === "REQUEST_SIZE_LIMIT_EXCEEDED") reply.header("connection", "close");
      return reply.code(200).send(errorEnvelope(String(request.id), ekyc));
    });

    const handler = async (request: FastifyRequest, reply: FastifyReply) => {
      const started = performance.now();
      const outcome = await handleApiRequest(rawRequest(request), String(request.id), deps);
      const fields = {
        requestId: request.id,
        action: outcome.action,
        appId: outcome.appId,
        code: outcome.errorCode ?? "OK",
        ms: Math.round((performance.now() - started) * 10) / 10,
      };
      if (outcome.cause) request.log.error({ ...fields, err: outcome.cause }, "api call failed");
      else request.log.info(fields, "api call");
      return reply.code(200).header("content-type", "application/json").send(outcome.envelope);
    };
    app.route({ method: ["GET", "POST"], url: "/", handler });
  };
}
