import type { FastifyBaseLogger } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commonV4Client, errorCode, intlEnClient } from "./clients.ts";
import { redirectUrl, referencePhoto } from "./fixtures.ts";
import { startTestServer, type TestServer } from "./harness.ts";

/** A logger that keeps every line it is given, as JSON text, for inspection. */
function captureLogger(lines: string[]): FastifyBaseLogger {
  const write =
    (level: string) =>
    (...args: unknown[]) => {
      lines.push(
        JSON.stringify({ level, args }, (_key, value) => (value instanceof Error ? value.message : value)),
      );
    };
  const logger = {
    level: "info",
    fatal: write("fatal"),
    error: write("error"),
    warn: write("warn"),
    info: write("info"),
    debug: write("debug"),
    trace: write("trace"),
    silent: () => undefined,
    child: () => logger,
  };
  return logger as unknown as FastifyBaseLogger;
}

const lines: string[] = [];
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ logger: captureLogger(lines) });
});
afterAll(async () => server.close());

describe("request logs", () => {
  it("carry the RequestId, action and outcome, never secrets, signatures or images", async () => {
    const image = (await referencePhoto()).toString("base64");
    const v1 = intlEnClient(server, { signMethod: "HmacSHA1", reqMethod: "GET" });
    const applied = await v1("ApplyWebVerificationBizTokenIntl", {
      RedirectURL: redirectUrl,
      CompareImageBase64: image,
      Config: { CheckMode: 2 },
    });
    expect(await errorCode(commonV4Client(server)("GetWebVerificationResultIntl", {}))).toBe(
      "MissingParameter",
    );

    const text = lines.join("\n");
    expect(text).toContain(String(applied.RequestId));
    expect(text).toContain('"action":"ApplyWebVerificationBizTokenIntl"');
    expect(text).toContain('"code":"MissingParameter"');
    expect(text).not.toContain(server.credentials.SecretKey);
    expect(text).not.toContain("Signature=");
    expect(text).not.toContain("TC3-HMAC-SHA256");
    expect(text).not.toContain(image.slice(0, 64));
  });
});
