import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { commonV4Client, errorCode, intlEnClient } from "./clients.ts";
import { startTestServer, type TestServer } from "./harness.ts";
import { errorOf, rawTc3 } from "./raw.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.close());
afterEach(() => {
  vi.useRealTimers();
});

const getResult = { BizToken: "00000000-0000-0000-0000-000000000000" };
const wrongKey = () => ({ SecretId: server.credentials.SecretId, SecretKey: "not-the-key" });

describe("authentication errors through the official SDKs", () => {
  it("wrong SecretKey → AuthFailure.SignatureFailure in every signing style", async () => {
    for (const call of [
      intlEnClient(server, { reqMethod: "POST" }, wrongKey()),
      intlEnClient(server, { signMethod: "HmacSHA1", reqMethod: "GET" }, wrongKey()),
      intlEnClient(server, { signMethod: "TC3-HMAC-SHA256", reqMethod: "POST" }, wrongKey()),
      commonV4Client(server, wrongKey()),
    ]) {
      expect(await errorCode(call("GetWebVerificationResultIntl", getResult))).toBe(
        "AuthFailure.SignatureFailure",
      );
    }
  });

  it("a timestamp 10 minutes old → AuthFailure.SignatureExpire (client Date faked, server clock untouched)", async () => {
    const v1 = intlEnClient(server, { reqMethod: "POST" });
    const tc3 = commonV4Client(server);
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() - 10 * 60_000 });
    expect(await errorCode(v1("GetWebVerificationResultIntl", getResult))).toBe(
      "AuthFailure.SignatureExpire",
    );
    expect(await errorCode(tc3("GetWebVerificationResultIntl", getResult))).toBe(
      "AuthFailure.SignatureExpire",
    );
    vi.setSystemTime(Date.now() + 20 * 60_000);
    expect(await errorCode(tc3("GetWebVerificationResultIntl", getResult))).toBe(
      "AuthFailure.SignatureExpire",
    );
  });

  it("unknown and disabled SecretIds → AuthFailure.SecretIdNotFound", async () => {
    const unknown = { SecretId: "AKIDunknownunknownunknownunknown0000", SecretKey: "x" };
    expect(await errorCode(commonV4Client(server, unknown)("GetWebVerificationResultIntl", getResult))).toBe(
      "AuthFailure.SecretIdNotFound",
    );
    const rotated = await server.services.apps.rotateKey(server.credentials.AppId);
    const call = intlEnClient(server, { reqMethod: "POST" }, rotated);
    expect(await errorCode(call("GetWebVerificationResultIntl", getResult))).toBe(
      "InvalidParameterValue.BizTokenIllegal",
    );
    await server.services.apps.disableKey(rotated.SecretId);
    server.services.credentials.forget(rotated.SecretId);
    expect(await errorCode(call("GetWebVerificationResultIntl", getResult))).toBe(
      "AuthFailure.SecretIdNotFound",
    );
  });

  it("a body changed after signing → AuthFailure.SignatureFailure; the untouched one passes", async () => {
    const body = JSON.stringify({ TargetAction: "ApplyWebVerificationToken" });
    const ok = await rawTc3(server, { action: "CreateUploadUrl", body });
    expect(ok.status).toBe(200);
    expect(ok.json.Response.UploadUrl).toBeTypeOf("string");
    const tampered = await rawTc3(server, {
      action: "CreateUploadUrl",
      body,
      tamper: (text) => text.replace("ApplyWebVerificationToken", "LivenessCompare"),
    });
    expect(tampered.status).toBe(200);
    expect(errorOf(tampered.json)).toBe("AuthFailure.SignatureFailure");
    expect(tampered.json.Response.RequestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("a v1 form parameter changed after signing → AuthFailure.SignatureFailure", async () => {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const form = new URLSearchParams({
      Action: "GetWebVerificationResultIntl",
      Version: "2018-03-01",
      Timestamp: timestamp,
      Nonce: "1",
      SecretId: server.credentials.SecretId,
      SignatureMethod: "HmacSHA256",
      BizToken: "AAAAAAAA-0000",
      Signature: "bm90IGEgc2lnbmF0dXJl",
    });
    const response = await fetch(`http://${server.endpoint}/`, { method: "POST", body: form });
    expect(errorOf((await response.json()) as { Response: Record<string, unknown> })).toBe(
      "AuthFailure.SignatureFailure",
    );
  });

  it("malformed Authorization, unknown action, wrong version", async () => {
    const response = await fetch(`http://${server.endpoint}/`, {
      method: "POST",
      headers: { authorization: "TC3-HMAC-SHA256 garbage", "content-type": "application/json" },
      body: "{}",
    });
    expect(response.status).toBe(200);
    expect(errorOf((await response.json()) as { Response: Record<string, unknown> })).toBe(
      "AuthFailure.InvalidAuthorization",
    );
    expect(await errorCode(commonV4Client(server)("DescribeNothing", {}))).toBe("InvalidAction");
    expect(await errorCode(intlEnClient(server, { reqMethod: "POST" })("DescribeNothing", {}))).toBe(
      "InvalidAction",
    );
    const old = await rawTc3(server, { action: "CreateUploadUrl", body: "{}", version: "2017-01-01" });
    expect(errorOf(old.json)).toBe("NoSuchVersion");
  });

  it("a disabled app → UnauthorizedOperation.Nonactivated", async () => {
    const app = await server.services.apps.createApp("closed merchant");
    await server.services.apps.disableApp(app.AppId);
    expect(await errorCode(commonV4Client(server, app)("GetWebVerificationResultIntl", getResult))).toBe(
      "UnauthorizedOperation.Nonactivated",
    );
  });

  it("an app over its rate limit → RequestLimitExceeded", async () => {
    const app = await server.services.apps.createApp("slow merchant");
    await server.deps.store.updateApp(app.AppId, { rateLimitPerSecond: 2 });
    const call = commonV4Client(server, app);
    const codes = await Promise.all(
      Array.from({ length: 5 }, () => errorCode(call("GetWebVerificationResultIntl", getResult))),
    );
    expect(codes).toContain("RequestLimitExceeded");
    expect(codes).toContain("InvalidParameterValue.BizTokenIllegal");
  });
});
