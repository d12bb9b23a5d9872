import type { AttemptResult } from "@openekyc/core";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgresStore } from "../../src/store/postgres/index.ts";
import { commonV4Client, errorCode, intlEnClient } from "./clients.ts";
import { redirectUrl } from "./fixtures.ts";
import { startTestServer, type TestServer } from "./harness.ts";

// The same wire flow on the PostgreSQL Store (database `test` at 127.0.0.1:5432, trust auth).
const url = process.env.OPENEKYC_TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const schema = `compat_${process.pid}_${Date.now()}`;
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ store: await openPostgresStore(url, { schema, poolSize: 4 }) });
});
afterAll(async () => {
  await server.close();
  const client = new pg.Client(url);
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await client.end();
});

describe("the API on PostgreSQL", () => {
  it("issues a token, reports not finished, then the recorded result; unknown tokens are illegal", async () => {
    const call = intlEnClient(server, { reqMethod: "POST" });
    const { BizToken } = await call("ApplyWebVerificationBizTokenIntl", {
      RedirectURL: redirectUrl,
      Extra: "pg",
      Config: { CheckMode: 3, LivenessRetryLimit: 2 },
    });
    const token = String(BizToken);
    expect(await call("GetWebVerificationResultIntl", { BizToken })).toMatchObject({
      ErrorCode: null,
      Extra: "pg",
    });
    await server.services.sessions.startAttempt(token);
    const attempt: AttemptResult = {
      seq: "pg-1",
      reqTimestamp: server.deps.clock.now(),
      errorCode: 1005,
      errorMsg: "Liveness detection failed",
      livenessErrorCode: 1005,
      livenessErrorMsg: "Liveness detection failed",
      compareErrorCode: null,
      compareErrorMsg: null,
      similarity: null,
      mode: "reflection",
      evidence: {},
      scores: {},
      livenessInfoTags: [],
    };
    await server.services.sessions.recordAttemptResult(token, attempt);
    await server.services.sessions.finish(token, { status: "failed" });
    const result = await commonV4Client(server)("GetWebVerificationResultIntl", { BizToken });
    expect(result).toMatchObject({ ErrorCode: 1005, ErrorMsg: "Liveness detection failed" });
    expect(await errorCode(call("GetWebVerificationResultIntl", { BizToken: "0000AAAA-0000" }))).toBe(
      "InvalidParameterValue.BizTokenIllegal",
    );
  });
});
