import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CallAction, commonV4Client, intlEnClient } from "./clients.ts";
import { redirectUrl, referencePhoto } from "./fixtures.ts";
import { startTestServer, type TestServer } from "./harness.ts";

let server: TestServer;
let image: Buffer;

beforeAll(async () => {
  server = await startTestServer();
  image = await referencePhoto();
});
afterAll(async () => server.close());

const setups: [string, (s: TestServer) => CallAction][] = [
  ["intl-en default (v1 HmacSHA256, POST form)", (s) => intlEnClient(s, { reqMethod: "POST" })],
  ["intl-en HmacSHA1 over GET", (s) => intlEnClient(s, { signMethod: "HmacSHA1", reqMethod: "GET" })],
  [
    "intl-en TC3-HMAC-SHA256 POST",
    (s) => intlEnClient(s, { signMethod: "TC3-HMAC-SHA256", reqMethod: "POST" }),
  ],
  [
    "intl-en TC3-HMAC-SHA256 GET",
    (s) => intlEnClient(s, { signMethod: "TC3-HMAC-SHA256", reqMethod: "GET" }),
  ],
  ["common v4 CommonClient (TC3)", (s) => commonV4Client(s)],
  ["common v4 CommonClient (v1 HmacSHA256)", (s) => commonV4Client(s, s.credentials, "HmacSHA256")],
];

describe.each(setups)("every action through %s", (_name, makeClient) => {
  let call: CallAction;
  beforeAll(() => {
    call = makeClient(server);
  });

  it("ApplyWebVerificationBizTokenIntl → GetWebVerificationResultIntl (not finished: null ErrorCode)", async () => {
    const applied = await call("ApplyWebVerificationBizTokenIntl", {
      RedirectURL: redirectUrl,
      CompareImageBase64: image.toString("base64"),
      Extra: "ünïcode & extra=1",
      Config: {
        CheckMode: 1,
        IdCardType: "HKIDCard",
        AutoSkip: true,
        SecurityLevel: 4,
        ActionList: "blink,nod",
      },
    });
    expect(applied.BizToken).toMatch(/^[0-9A-F-]{36}$/);
    expect(applied.VerificationURL).toBe(`http://${server.endpoint}/verify?token=${applied.BizToken}`);
    expect(applied.VerificationUrl).toBe(applied.VerificationURL);
    expect(applied.RequestId).toMatch(/^[0-9a-f-]{36}$/);
    const session = await server.services.sessions.get(String(applied.BizToken));
    expect(session.config).toMatchObject({
      CheckMode: 1,
      IDCardType: "HKIDCard",
      ActionList: ["blink", "nod"],
    });
    expect(session.referenceImageKey).not.toBeNull();

    const result = await call("GetWebVerificationResultIntl", { BizToken: applied.BizToken });
    expect(result).toMatchObject({ ErrorCode: null, ErrorMsg: null, Extra: "ünïcode & extra=1" });
  });

  it("CreateUploadUrl → PUT → ApplyWebVerificationToken → GetWebVerificationResult (17 until finished)", async () => {
    const upload = await call("CreateUploadUrl", { TargetAction: "ApplyWebVerificationToken" });
    expect(Number(upload.ExpiredTimestamp)).toBeGreaterThan(Date.now() / 1000);
    const put = await fetch(String(upload.UploadUrl), {
      method: "PUT",
      body: new Uint8Array(image),
      headers: { "content-type": "image/jpeg" },
    });
    expect(put.status).toBe(200);
    const applied = await call("ApplyWebVerificationToken", {
      RedirectUrl: redirectUrl,
      CompareImageUrl: upload.ResourceUrl,
      CompareImageMd5: createHash("md5").update(image).digest("hex"),
    });
    expect(String(applied.VerificationUrl)).toContain(`/verify?token=${applied.BizToken}`);
    const result = await call("GetWebVerificationResult", { BizToken: applied.BizToken });
    expect(result).toMatchObject({ ErrorCode: 17, ErrorMsg: "The verification process wasn't finished" });
  });

  it("GetFaceIdTokenIntl (compare) → GetFaceIdResultIntl (-999)", async () => {
    const token = await call("GetFaceIdTokenIntl", {
      CheckMode: "compare",
      SecureLevel: "2",
      Image: image.toString("base64"),
      ActionList: "shake",
      Extra: "faceid",
    });
    expect(token.SdkToken).toMatch(/^[0-9A-F-]{36}$/);
    const result = await call("GetFaceIdResultIntl", { SdkToken: token.SdkToken });
    expect(result).toMatchObject({ Result: "-999", Description: "The verification process wasn't finished" });
    expect(result.Extra).toBe("faceid");
  });

  it("ApplySdkVerificationToken → GetSdkVerificationResult (-999)", async () => {
    const token = await call("ApplySdkVerificationToken", {
      CheckMode: 1,
      SecurityLevel: 4,
      IdCardType: "ML",
      DisableCheckOcrWarnings: false,
      SelectedWarningCodes: [-9101, -9103],
      Extra: "ekyc",
    });
    const session = await server.services.sessions.get(String(token.SdkToken));
    expect(session.config).toMatchObject({ IdCardType: "ML", SelectedWarningCodes: [-9101, -9103] });
    const result = await call("GetSdkVerificationResult", { SdkToken: token.SdkToken });
    expect(result).toMatchObject({ Result: "-999", ChargeCount: 0, Extra: "ekyc" });
  });

  it("ApplyLivenessToken → GetLivenessResult (-999)", async () => {
    const token = await call("ApplyLivenessToken", { SecureLevel: "1" });
    const result = await call("GetLivenessResult", { SdkToken: token.SdkToken });
    expect(result).toMatchObject({ Result: "-999", BestFrame: null, Video: null });
  });
});
