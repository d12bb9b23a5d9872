import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { defineAction } from "../../src/api/actions/types.ts";
import { commonV4Client, errorCode, intlEnClient } from "./clients.ts";
import { startTestServer, type TestServer } from "./harness.ts";

// What a plugin (e.g. the pure-API liveness actions) registers: a schema and a handler, nothing else.
const echo = defineAction({
  name: "EchoForTest",
  schema: z.strictObject({ Text: z.string().max(10), Times: z.number().int().min(1).max(3).default(1) }),
  async handle(params, { app }) {
    return { Echo: params.Text.repeat(params.Times), AppId: app.appId };
  },
});

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ actions: [echo] });
});
afterAll(async () => server.close());

describe("extra actions given to buildServer", () => {
  it("are authenticated, validated and coerced like the built-in ones", async () => {
    expect(
      await intlEnClient(server, { reqMethod: "GET", signMethod: "HmacSHA1" })("EchoForTest", {
        Text: "ab",
        Times: 2,
      }),
    ).toMatchObject({
      Echo: "abab",
      AppId: server.credentials.AppId,
    });
    expect(await errorCode(commonV4Client(server)("EchoForTest", { Text: "x".repeat(11) }))).toBe(
      "InvalidParameterValue",
    );
  });
});
