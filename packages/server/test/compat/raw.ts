import { signTc3 } from "../../src/api/auth/tc3.ts";
import type { TestServer } from "./harness.ts";

/** Sends a hand-signed TC3 request (what the SDK does), letting a test alter any part after signing. */
export async function rawTc3(
  server: TestServer,
  options: {
    action: string;
    body: string;
    version?: string;
    timestamp?: number;
    tamper?: (body: string) => string;
    secretKey?: string;
  },
): Promise<{ status: number; json: { Response: Record<string, unknown> } }> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers = { "content-type": "application/json", host: server.endpoint };
  const authorization = signTc3({
    secretId: server.credentials.SecretId,
    secretKey: options.secretKey ?? server.credentials.SecretKey,
    service: "faceid",
    timestamp,
    request: { method: "POST", rawQuery: "", headers, body: Buffer.from(options.body) },
  });
  const response = await fetch(`http://${server.endpoint}/`, {
    method: "POST",
    headers: {
      ...headers,
      authorization,
      "x-tc-action": options.action,
      "x-tc-version": options.version ?? "2018-03-01",
      "x-tc-timestamp": String(timestamp),
    },
    body: options.tamper ? options.tamper(options.body) : options.body,
  });
  return { status: response.status, json: (await response.json()) as { Response: Record<string, unknown> } };
}

export function errorOf(json: { Response: Record<string, unknown> }): string | undefined {
  return (json.Response.Error as { Code?: string } | undefined)?.Code;
}
