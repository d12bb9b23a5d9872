import { createHash, createHmac, randomUUID } from "node:crypto";

/**
 * A small server-side client for the openekyc / Tencent Cloud FaceID API 3.0 wire protocol (TC3-HMAC-SHA256).
 * Merchants may equally use the official Tencent Cloud SDK; this one has no dependencies.
 */
export interface ServerClientOptions {
  /** Base URL of the openekyc server, e.g. http://localhost:8080 */
  readonly endpoint: string;
  readonly secretId: string;
  readonly secretKey: string;
  readonly region?: string;
  /** Clock override (seconds), for tests. */
  readonly nowSeconds?: () => number;
}

export class FaceIdApiError extends Error {
  readonly code: string;
  readonly requestId: string;
  constructor(code: string, message: string, requestId: string) {
    super(message);
    this.name = "FaceIdApiError";
    this.code = code;
    this.requestId = requestId;
  }
}

const sha256Hex = (data: string) => createHash("sha256").update(data, "utf8").digest("hex");
const hmac = (key: Buffer | string, data: string) => createHmac("sha256", key).update(data, "utf8").digest();

/** TC3 Authorization header for a JSON POST to `/`, exactly as the official SDKs compute it. */
export function tc3Authorization(input: {
  secretId: string;
  secretKey: string;
  host: string;
  service: string;
  timestamp: number;
  body: string;
}): string {
  const date = new Date(input.timestamp * 1000).toISOString().slice(0, 10);
  const hostname = input.host.replace(/:\d+$/, "");
  const canonical = [
    "POST",
    "/",
    "",
    `content-type:application/json\nhost:${hostname}\n`,
    "content-type;host",
    sha256Hex(input.body),
  ].join("\n");
  const scope = `${date}/${input.service}/tc3_request`;
  const toSign = ["TC3-HMAC-SHA256", String(input.timestamp), scope, sha256Hex(canonical)].join("\n");
  const kSigning = hmac(hmac(hmac(`TC3${input.secretKey}`, date), input.service), "tc3_request");
  const signature = createHmac("sha256", kSigning).update(toSign, "utf8").digest("hex");
  return `TC3-HMAC-SHA256 Credential=${input.secretId}/${scope}, SignedHeaders=content-type;host, Signature=${signature}`;
}

export class FaceIdServerClient {
  readonly #options: ServerClientOptions;
  constructor(options: ServerClientOptions) {
    this.#options = options;
  }

  /** Calls one action and returns `Response` without RequestId; throws FaceIdApiError on an API error. */
  async call<T extends object = Record<string, unknown>>(action: string, params: object): Promise<T> {
    const url = new URL(this.#options.endpoint);
    const body = JSON.stringify(params);
    const timestamp = this.#options.nowSeconds?.() ?? Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = {
      "Content-Type": "application/json",
      "X-TC-Action": action,
      "X-TC-Version": "2018-03-01",
      "X-TC-Timestamp": String(timestamp),
      "X-TC-RequestClient": "OPENEKYC_SDK",
      "X-TC-TraceId": randomUUID(),
      Authorization: tc3Authorization({
        secretId: this.#options.secretId,
        secretKey: this.#options.secretKey,
        host: url.host,
        service: "faceid",
        timestamp,
        body,
      }),
    };
    if (this.#options.region) headers["X-TC-Region"] = this.#options.region;
    const reply = await fetch(new URL("/", url), { method: "POST", headers, body });
    if (!reply.ok) throw new FaceIdApiError("HttpError", `HTTP ${reply.status}`, "");
    const parsed = (await reply.json()) as { Response?: Record<string, unknown> };
    const response = parsed.Response;
    if (!response) throw new FaceIdApiError("InvalidResponse", "reply has no Response member", "");
    const requestId = String(response.RequestId ?? "");
    const error = response.Error as { Code?: string; Message?: string } | undefined;
    if (error) throw new FaceIdApiError(String(error.Code), String(error.Message ?? ""), requestId);
    return response as T;
  }
}
