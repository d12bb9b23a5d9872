import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commonV4Client, errorCode, intlEnClient } from "./clients.ts";
import { redirectUrl, referencePhoto, testImage, twoFacePhoto } from "./fixtures.ts";
import { startTestServer, type TestServer } from "./harness.ts";

let server: TestServer;
let image: string;
const maxRequestBytes = 12 * 1024 * 1024;

beforeAll(async () => {
  server = await startTestServer({ config: { maxRequestBytes } });
  image = (await referencePhoto()).toString("base64");
});
afterAll(async () => server.close());

const apply = (params: Record<string, unknown>) =>
  commonV4Client(server)("ApplyWebVerificationBizTokenIntl", {
    RedirectURL: redirectUrl,
    Config: { CheckMode: 3 },
    ...params,
  });

describe("parameter errors through the official SDKs", () => {
  it("missing parameters → MissingParameter", async () => {
    expect(await errorCode(commonV4Client(server)("GetWebVerificationResultIntl", {}))).toBe(
      "MissingParameter",
    );
    expect(
      await errorCode(intlEnClient(server, { reqMethod: "POST" })("ApplyWebVerificationBizTokenIntl", {})),
    ).toBe("MissingParameter");
    // CheckMode 2 (the default) compares faces, so it needs the reference photo.
    expect(await errorCode(apply({ Config: {} }))).toBe("MissingParameter");
    expect(await errorCode(apply({ Config: { CheckMode: 1 } }))).toBe("MissingParameter");
  });

  it("wrong types → InvalidParameter, bad values → InvalidParameterValue, unknown names → UnknownParameter", async () => {
    expect(await errorCode(apply({ Config: { CheckMode: "3" } }))).toBe("InvalidParameter");
    expect(
      await errorCode(
        intlEnClient(server, { reqMethod: "GET", signMethod: "HmacSHA1" })("ApplyLivenessToken", {
          SecureLevel: 7,
        }),
      ),
    ).toBe("InvalidParameterValue");
    expect(await errorCode(apply({ Config: { CheckMode: 9 } }))).toBe("InvalidParameterValue");
    expect(await errorCode(apply({ Config: { CheckMode: 3, ActionList: "blink" } }))).toBe(
      "InvalidParameterValue",
    );
    expect(await errorCode(apply({ Config: { CheckMode: 3, SecurityLevel: 2, ActionList: "wink" } }))).toBe(
      "InvalidParameterValue",
    );
    expect(await errorCode(apply({ Extra: "x".repeat(1001) }))).toBe("InvalidParameterValue");
    expect(await errorCode(apply({ Colour: "red" }))).toBe("UnknownParameter");
    expect(await errorCode(apply({ Config: { CheckMode: 3, Colour: "red" } }))).toBe("UnknownParameter");
  });

  it("redirects must be http(s), https unless loopback, and within the app's allow-list", async () => {
    for (const url of [
      "javascript:alert(1)",
      "data:text/html,hi",
      "http://merchant.example/cb",
      "not a url",
    ]) {
      expect(await errorCode(apply({ RedirectURL: url }))).toBe("InvalidParameterValue");
    }
    expect((await apply({ RedirectURL: "http://localhost:3000/cb" })).BizToken).toBeTypeOf("string");
    await server.deps.store.updateApp(server.credentials.AppId, { redirectHosts: ["shop.example"] });
    server.services.credentials.forget();
    expect(await errorCode(apply({ RedirectURL: "https://evil.example/cb" }))).toBe("InvalidParameterValue");
    expect((await apply({ RedirectURL: "https://shop.example/cb" })).BizToken).toBeTypeOf("string");
    await server.deps.store.updateApp(server.credentials.AppId, { redirectHosts: [] });
    server.services.credentials.forget();
  });

  it("reference photos must be real images of at most 8 MB", async () => {
    const notImage = Buffer.from("hello, this is text").toString("base64");
    expect(await errorCode(apply({ CompareImageBase64: notImage, Config: {} }))).toBe(
      "InvalidParameterValue",
    );
    expect(await errorCode(apply({ CompareImageBase64: "%%%not-base64", Config: {} }))).toBe(
      "InvalidParameterValue",
    );
    expect(await errorCode(apply({ CompareImageBase64: "A".repeat(8 * 1024 * 1024 + 4), Config: {} }))).toBe(
      "FailedOperation.ImageSizeTooLarge",
    );
    expect((await apply({ CompareImageBase64: image, Config: {} })).BizToken).toBeTypeOf("string");
  });

  it("reference photos must hold exactly one usable face when the token is requested", async () => {
    const sessionCount = async () =>
      (await server.deps.store.listSessions(server.credentials.AppId, { limit: 1000 })).length;
    const before = await sessionCount();
    const noFace = (await testImage(320, 240)).toString("base64");
    const twoFaces = (await twoFacePhoto()).toString("base64");
    const tinyFace = (await referencePhoto(48)).toString("base64");
    const faceIdToken = (Image: string) =>
      commonV4Client(server)("GetFaceIdTokenIntl", { CheckMode: "compare", Image });
    const sdkToken = (CompareImage: string) =>
      commonV4Client(server)("ApplySdkVerificationToken", { CheckMode: 2, CompareImage });
    for (const request of [
      (photo: string) => apply({ CompareImageBase64: photo, Config: {} }),
      faceIdToken,
      sdkToken,
    ]) {
      expect(await errorCode(request(noFace))).toBe("FailedOperation.LifePhotoDetectNoFaces");
      expect(await errorCode(request(twoFaces))).toBe("FailedOperation.LifePhotoDetectFaces");
      expect(await errorCode(request(tinyFace))).toMatch(
        /^FailedOperation\.LifePhoto(SizeError|PoorQuality)$/,
      );
    }
    expect((await faceIdToken(image)).SdkToken).toBeTypeOf("string");
    expect((await sdkToken(image)).SdkToken).toBeTypeOf("string");
    // A refused photo leaves no session behind: only the two accepted tokens were created.
    expect((await sessionCount()) - before).toBe(2);
  });

  it("only this server's ResourceUrls are accepted, with a matching MD5", async () => {
    const legacy = (params: Record<string, unknown>) =>
      commonV4Client(server)("ApplyWebVerificationToken", {
        RedirectUrl: redirectUrl,
        CompareImageMd5: "0".repeat(32),
        ...params,
      });
    expect(await errorCode(legacy({ CompareImageUrl: "https://bucket.example/photo.jpg" }))).toBe(
      "InvalidParameterValue",
    );
    const upload = await commonV4Client(server)("CreateUploadUrl", {
      TargetAction: "ApplyWebVerificationToken",
    });
    await fetch(String(upload.UploadUrl), { method: "PUT", body: Buffer.from(image, "base64") });
    expect(await errorCode(legacy({ CompareImageUrl: upload.ResourceUrl }))).toBe("InvalidParameterValue");
    const other = await server.services.apps.createApp("other merchant");
    const foreign = commonV4Client(server, other)("ApplyWebVerificationToken", {
      RedirectUrl: redirectUrl,
      CompareImageUrl: upload.ResourceUrl,
      CompareImageMd5: "0".repeat(32),
    });
    expect(await errorCode(foreign)).toBe("InvalidParameterValue");
  });

  it("v1 requests above 1 MB must switch to TC3, as Tencent documents", async () => {
    const big = intlEnClient(server, { reqMethod: "POST" })("ApplyWebVerificationBizTokenIntl", {
      RedirectURL: redirectUrl,
      CompareImageBase64: "A".repeat(1_200_000),
    });
    expect(await errorCode(big)).toBe("AuthFailure.SignatureFailure");
  });

  it("a body over the largest legal request → RequestSizeLimitExceeded", async () => {
    const oversized = apply({ CompareImageBase64: "A".repeat(maxRequestBytes + 10) });
    expect(await errorCode(oversized)).toBe("RequestSizeLimitExceeded");
  });

  it("a chunked oversized body is cut off at the cap, not buffered whole", async () => {
    // When the server closes while our next chunk is in flight, the kernel may answer with a reset that
    // discards the reply before Node parses it (EPIPE/ECONNRESET). That race is in the transport, not in
    // the server's answer, so the same request is tried up to three times.
    let answer: { status: number; body: string } | null = null;
    for (let attempt = 0; attempt < 3 && !answer; attempt++) {
      answer = await sendChunkedOversized().catch((error: NodeJS.ErrnoException) => {
        if (error.code === "EPIPE" || error.code === "ECONNRESET") return null;
        throw error;
      });
    }
    if (!answer) throw new Error("the server's answer was lost to a connection reset three times");
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).Response.Error.Code).toBe("RequestSizeLimitExceeded");
  });
});

/** Streams a chunked body far past the cap and resolves with the server's reply (or rejects on a write error). */
function sendChunkedOversized(): Promise<{ status: number; body: string }> {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    let answered = false;
    const req = request(
      { host: "127.0.0.1", port: Number(server.endpoint.split(":")[1]), method: "POST", path: "/" },
      (res) => {
        answered = true;
        let body = "";
        res.on("data", (chunk) => {
          body += chunk;
        });
        res.on("end", () => {
          resolve({ status: res.statusCode ?? 0, body });
          req.destroy();
        });
      },
    );
    req.setHeader("content-type", "application/json");
    req.setHeader("authorization", "TC3-HMAC-SHA256 whatever");
    // Once the server has answered and closed, further writes fail: that is the point of the test.
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    const chunk = Buffer.alloc(256 * 1024, 65);
    let sent = 0;
    const pump = () => {
      // Keep offering data well past the cap, paced, until the server answers.
      if (answered || req.destroyed) return;
      if (sent++ >= 160) {
        req.end();
        return;
      }
      if (req.write(chunk)) setImmediate(pump);
      else req.once("drain", pump);
    };
    pump();
  });
}
