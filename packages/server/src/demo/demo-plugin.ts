import { FaceIdApiError, FaceIdServerClient } from "@openekyc/sdk";
import type { FastifyPluginAsync, FastifyReply } from "fastify";
import type { ServerPluginOptions } from "../http/build-server.ts";
import { demoCredentials } from "./demo-credentials.ts";
import { demoPage, demoResultPage } from "./demo-page.ts";

/**
 * A demo merchant ("customer H5 + customer server" of the seeds) served at /demo, so a newcomer can try the
 * whole flow in one browser. It talks to this very server over loopback through the public wire API,
 * signed with its own app's key — exactly what a real merchant's backend does.
 */
export function demoPlugin(apiEndpoint: () => string): FastifyPluginAsync<ServerPluginOptions> {
  return async function register(app, { deps }): Promise<void> {
    const publicHost = new URL(deps.publicUrl).host;
    let client: FaceIdServerClient | null = null;
    const getClient = async () => {
      if (!client) {
        const credentials = await demoCredentials(deps.store, deps.secrets, deps.clock, publicHost);
        client = new FaceIdServerClient({ endpoint: apiEndpoint(), ...credentials });
      }
      return client;
    };
    const html = (reply: FastifyReply, body: string) => reply.type("text/html; charset=utf-8").send(body);

    app.get("/demo", async (_request, reply) => html(reply, demoPage));
    app.get("/demo/return", async (_request, reply) => html(reply, demoResultPage));

    app.post<{ Body: DemoStartBody }>(
      "/demo/api/start",
      { bodyLimit: 12 * 1024 * 1024 },
      async (request, reply) => {
        const apply = applyParams(request.body ?? {}, deps.publicUrl);
        if ("error" in apply) return reply.code(400).send(apply.error);
        try {
          const result = await (await getClient()).call<{ VerificationURL: string; BizToken: string }>(
            "ApplyWebVerificationBizTokenIntl",
            apply.params,
          );
          return { verificationUrl: result.VerificationURL, bizToken: result.BizToken };
        } catch (error) {
          return reply.code(400).send(apiErrorBody(error));
        }
      },
    );

    app.get<{ Querystring: { token?: string } }>("/demo/api/result", async (request, reply) => {
      const token = request.query.token;
      if (!token) return reply.code(400).send({ code: "MissingParameter", message: "token is required" });
      try {
        const result = await (await getClient()).call<Record<string, unknown>>(
          "GetWebVerificationResultIntl",
          {
            BizToken: token,
          },
        );
        // The video is large and the demo page does not play it; everything else is shown as the merchant sees it.
        const { VideoBase64: _video, ...shown } = result;
        return shown;
      } catch (error) {
        return reply.code(400).send(apiErrorBody(error));
      }
    });
  };
}

interface DemoStartBody {
  /** face: liveness (+ comparison with the reference photo); document-face: CheckMode 1; document: CheckMode 4. */
  mode?: unknown;
  idCardType?: unknown;
  compareImageBase64?: unknown;
  securityLevel?: unknown;
  language?: unknown;
}

/** The ApplyWebVerificationBizTokenIntl parameters the demo merchant sends for the form it was given. */
function applyParams(
  body: DemoStartBody,
  publicUrl: string,
): { params: Record<string, unknown> } | { error: { code: string; message: string } } {
  const mode = body.mode ?? "face";
  if (mode !== "face" && mode !== "document-face" && mode !== "document")
    return {
      error: { code: "InvalidParameterValue", message: "mode must be face, document-face or document" },
    };
  const securityLevel = Number(body.securityLevel ?? 3);
  const config: Record<string, unknown> = {
    SecurityLevel: [1, 2, 3, 4].includes(securityLevel) ? securityLevel : 3,
    ...(securityLevel === 2 || securityLevel === 4 ? { ActionList: "blink,mouth" } : {}),
    ...(typeof body.language === "string" && body.language ? { Language: body.language } : {}),
  };
  const params: Record<string, unknown> = {
    RedirectURL: `${publicUrl}/demo/return`,
    Extra: `demo-order-${Date.now()}`,
    Config: config,
  };
  if (mode !== "face") {
    // The API validates the type against its list and answers with its own error, shown to the user as is.
    config.CheckMode = mode === "document" ? 4 : 1;
    config.IDCardType = typeof body.idCardType === "string" ? body.idCardType : "";
  } else if (typeof body.compareImageBase64 === "string" && body.compareImageBase64.length > 0) {
    params.CompareImageBase64 = body.compareImageBase64;
  } else {
    config.CheckMode = 3;
  }
  return { params };
}

function apiErrorBody(error: unknown): { code: string; message: string } {
  if (error instanceof FaceIdApiError) return { code: error.code, message: error.message };
  return { code: "InternalError", message: error instanceof Error ? error.message : String(error) };
}
