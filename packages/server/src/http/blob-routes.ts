import { createHash } from "node:crypto";
import type { BlobStore, Clock } from "@openekyc/core";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { SignedBlobGrant, SignedUrls } from "../services/signed-urls.ts";
import { blobRoutePrefix } from "../services/signed-urls.ts";

interface BlobRouteDeps {
  readonly blobs: BlobStore;
  readonly urls: SignedUrls;
  readonly clock: Clock;
  readonly maxUploadBytes: number;
}

function keyAndQuery(request: FastifyRequest): { key: string; query: URLSearchParams } {
  const url = new URL(request.raw.url ?? "/", "http://local");
  const key = decodeURIComponent(url.pathname.slice(blobRoutePrefix.length));
  return { key, query: url.searchParams };
}

function refuse(reply: FastifyReply, status: number, message: string): FastifyReply {
  return reply.code(status).header("content-type", "application/json").send({ error: message });
}

/**
 * `PUT /blobs/uploads/…` (a CreateUploadUrl UploadUrl) and `GET /blobs/…` (ResourceUrl, result media).
 * The signature and size are checked in `onRequest`, before any body byte is read.
 */
export function blobRoutes(deps: BlobRouteDeps) {
  return async function registerBlobRoutes(app: FastifyInstance): Promise<void> {
    app.removeAllContentTypeParsers();
    app.addContentTypeParser(
      "*",
      { parseAs: "buffer", bodyLimit: deps.maxUploadBytes },
      (_request, body, done) => done(null, body),
    );
    app.setErrorHandler((error: { statusCode?: number; code?: string }, _request, reply) => {
      if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE") return refuse(reply, 413, "The upload is too large.");
      return refuse(
        reply,
        error.statusCode && error.statusCode < 500 ? error.statusCode : 500,
        "Upload failed.",
      );
    });

    const grants = new WeakMap<FastifyRequest, SignedBlobGrant>();
    app.addHook("onRequest", async (request, reply) => {
      const method = request.method === "PUT" ? "PUT" : "GET";
      const { key, query } = keyAndQuery(request);
      const check = deps.urls.verify(method, key, query, Math.floor(deps.clock.now() / 1000));
      if (!check.ok)
        return refuse(
          reply,
          403,
          check.reason === "expired" ? "The URL has expired." : "Invalid URL signature.",
        );
      if (method === "PUT") {
        const declared = Number(request.headers["content-length"] ?? Number.NaN);
        const cap = Math.min(check.grant.maxBytes ?? deps.maxUploadBytes, deps.maxUploadBytes);
        if (!key.startsWith("uploads/")) return refuse(reply, 403, "Only upload URLs accept PUT.");
        if (Number.isFinite(declared) && declared > cap)
          return refuse(reply, 413, `The upload is larger than ${cap} bytes.`);
      }
      grants.set(request, check.grant);
      return undefined;
    });

    app.put(`${blobRoutePrefix}*`, async (request, reply) => {
      const grant = grants.get(request);
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      if (!grant) return refuse(reply, 403, "Invalid URL signature.");
      if (grant.maxBytes !== null && body.length > grant.maxBytes)
        return refuse(reply, 413, "The upload is too large.");
      const declaredType = String(request.headers["content-type"] ?? "");
      const contentType = /^[\x20-\x7e]{1,100}$/.test(declaredType)
        ? declaredType
        : "application/octet-stream";
      await deps.blobs.put(grant.key, body, contentType);
      const etag = createHash("md5").update(body).digest("hex");
      return reply.code(200).header("etag", `"${etag}"`).send();
    });

    app.get(`${blobRoutePrefix}*`, async (request, reply) => {
      const grant = grants.get(request);
      if (!grant) return refuse(reply, 403, "Invalid URL signature.");
      const blob = await deps.blobs.get(grant.key);
      if (!blob) return refuse(reply, 404, "Not found.");
      return reply
        .code(200)
        .header("content-type", blob.contentType)
        .header("cache-control", "private, max-age=60")
        .header("x-content-type-options", "nosniff")
        .send(Buffer.from(blob.data));
    });
  };
}
