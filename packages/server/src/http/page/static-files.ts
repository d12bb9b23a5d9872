import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import type { FastifyInstance } from "fastify";

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".wasm": "application/wasm",
  ".bin": "application/octet-stream",
};

/**
 * The page's security headers: the token is in the URL, so no referrer leaves the page; scripts only from our
 * origin; the camera for this origin only.
 */
export const pageHeaders = {
  "referrer-policy": "no-referrer",
  "content-security-policy":
    "default-src 'self'; img-src 'self' blob: data:; media-src 'self' blob: mediastream:; style-src 'self' 'unsafe-inline'; connect-src 'self'; object-src 'none'; base-uri 'none'",
  "permissions-policy": "camera=(self), microphone=()",
  "x-content-type-options": "nosniff",
};

/** Serves the built page: `/verify` → index.html (never cached), `/verify/assets/*` (content-hashed, cached). */
export function registerPageFiles(app: FastifyInstance, distDir: string): void {
  app.get("/verify", async (_request, reply) => {
    const html = await readFile(join(distDir, "index.html")).catch(() => null);
    if (!html)
      return reply
        .code(503)
        .type("text/plain")
        .send("The verification page is not built (npm run build:web).");
    return reply
      .headers({ ...pageHeaders, "cache-control": "no-store" })
      .type(contentTypes[".html"]!)
      .send(html);
  });
  app.get<{ Params: { "*": string } }>("/verify/assets/*", async (request, reply) => {
    const relative = normalize(request.params["*"]).replace(/^(\.\.[/\\])+/, "");
    if (relative.includes("..") || !/^[\w./-]+$/.test(relative)) return reply.code(404).send();
    const data = await readFile(join(distDir, "assets", relative)).catch(() => null);
    if (!data) return reply.code(404).send();
    return reply
      .headers({ ...pageHeaders, "cache-control": "public, max-age=31536000, immutable" })
      .type(contentTypes[extname(relative)] ?? "application/octet-stream")
      .send(data);
  });
}
