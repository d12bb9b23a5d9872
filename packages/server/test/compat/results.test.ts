import type { AttemptResult } from "@openekyc/core";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { commonV4Client, errorCode, intlEnClient } from "./clients.ts";
import { redirectUrl, referencePhoto } from "./fixtures.ts";
import { OffsetClock, startTestServer, type TestServer } from "./harness.ts";

let server: TestServer;
let frame: Buffer;
const clock = new OffsetClock();

beforeAll(async () => {
  server = await startTestServer({ clock });
  frame = await referencePhoto();
});
afterAll(async () => server.close());
afterEach(() => {
  vi.useRealTimers();
  clock.offsetMs = 0;
});

/** Moves the server and the client (whose Date signs the request) forward together. */
function advance(ms: number): void {
  clock.offsetMs += ms;
  vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + ms });
}

/** What the verification engine records for one attempt; evidence blobs are real files in the BlobStore. */
async function completeAttempt(token: string, errorCode: number, similarity: number | null): Promise<void> {
  const session = await server.services.sessions.startAttempt(token);
  const key = `sessions/${session.id}/attempt-${session.attemptCount}/best-frame`;
  await server.deps.blobs.put(key, frame, "image/jpeg");
  const result: AttemptResult = {
    seq: `attempt-${session.attemptCount}`,
    reqTimestamp: server.deps.clock.now(),
    errorCode,
    errorMsg: errorCode === 0 ? "Success" : "The comparison similarity did not reach the passing standard",
    livenessErrorCode: 0,
    livenessErrorMsg: "Success",
    compareErrorCode: errorCode,
    compareErrorMsg: null,
    similarity,
    mode: "reflection",
    evidence: { bestFrame: key },
    scores: {},
    livenessInfoTags: [],
  };
  await server.services.sessions.recordAttemptResult(token, result);
}

describe("results reflect only the recorded verification work", () => {
  it("web BizToken: not finished (null) → attempts → passed, deserialised by intl-en", async () => {
    const call = intlEnClient(server, { signMethod: "TC3-HMAC-SHA256", reqMethod: "POST" });
    const { BizToken } = await call("ApplyWebVerificationBizTokenIntl", {
      RedirectURL: redirectUrl,
      CompareImageBase64: frame.toString("base64"),
      Extra: "order-42",
    });
    const token = String(BizToken);
    await completeAttempt(token, 2016, 41.5);
    const midway = await call("GetWebVerificationResultIntl", { BizToken });
    expect(midway.ErrorCode).toBeNull();
    expect((midway.VerificationDetailList as unknown[]).length).toBe(1);
    await completeAttempt(token, 0, 93.2);
    await server.services.sessions.finish(token, { status: "passed" });

    const result = await call("GetWebVerificationResultIntl", { BizToken });
    expect(result).toMatchObject({ ErrorCode: 0, ErrorMsg: "Success", Extra: "order-42" });
    expect(result.BestFrameBase64).toBe(frame.toString("base64"));
    const details = result.VerificationDetailList as { ErrorCode: number; Similarity: number; Seq: string }[];
    expect(details.map((detail) => [detail.ErrorCode, detail.Similarity, detail.Seq])).toEqual([
      [2016, 41.5, "attempt-1"],
      [0, 93.2, "attempt-2"],
    ]);
  });

  it("SDK tokens: Result codes, similarity and signed media URLs once finished", async () => {
    const call = commonV4Client(server);
    const faceId = String(
      (await call("GetFaceIdTokenIntl", { CheckMode: "compare", Image: frame.toString("base64") })).SdkToken,
    );
    await completeAttempt(faceId, 2016, 52);
    await server.services.sessions.finish(faceId, { status: "failed" });
    expect(await call("GetFaceIdResultIntl", { SdkToken: faceId })).toMatchObject({
      Result: "2016",
      Description: "The similarity did not reach the standard passing threshold",
      Similarity: 52,
      BestFrame: frame.toString("base64"),
    });

    const liveness = String((await call("ApplyLivenessToken", {})).SdkToken);
    await completeAttempt(liveness, 0, null);
    await server.services.sessions.finish(liveness, { status: "passed" });
    const live = await call("GetLivenessResult", { SdkToken: liveness });
    expect(live).toMatchObject({ Result: "0", Description: "Succeeded", Video: null });
    const bestFrame = live.BestFrame as { Url: string; MD5: string; Size: number };
    expect(bestFrame.Size).toBe(frame.length);
    const download = await fetch(bestFrame.Url);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(frame)).toBe(true);
    expect((await fetch(bestFrame.Url.replace(/Signature=[^&]+/, "Signature=forged"))).status).toBe(403);

    const ekyc = String((await call("ApplySdkVerificationToken", { CheckMode: 3 })).SdkToken);
    await completeAttempt(ekyc, 0, null);
    await server.services.sessions.finish(ekyc, { status: "passed" });
    const sdk = await call("GetSdkVerificationResult", { SdkToken: ekyc });
    expect(sdk).toMatchObject({ Result: "0", ChargeCount: 1 });
    expect((sdk.CompareResults as { ErrorCode: string }[])[0]?.ErrorCode).toBe("0");
  });

  it("document steps appear as OCRResult / CardVerifyResults once the session is finished", async () => {
    const call = commonV4Client(server);
    const { BizToken } = await call("ApplyWebVerificationBizTokenIntl", {
      RedirectURL: redirectUrl,
      CompareImageBase64: frame.toString("base64"),
      Config: { CheckMode: 1, IDCardType: "HKIDCard" },
    });
    const token = String(BizToken);
    const session = await server.services.sessions.get(token);
    const frontKey = `sessions/${session.id}/document-1/front`;
    await server.deps.blobs.put(frontKey, frame, "image/jpeg");
    const now = server.deps.clock.now();
    await server.deps.store.addDocumentResult({
      id: "ocr-1",
      sessionId: session.id,
      status: "confirmed",
      idCardType: "HKIDCard",
      createdAt: now,
      updatedAt: now,
      normalCardInfo: { HKIDCard: { FullName: "CHAN, TAI MAN" } },
      cardInfo: null,
      warnings: [-9102],
      blockingWarnings: [],
      expired: false,
      fieldsValid: true,
      isPass: true,
      isEdit: false,
      editDetails: [],
      evidence: { front: frontKey },
      failure: null,
    });
    expect((await call("GetWebVerificationResultIntl", { BizToken })).OCRResult).toBeNull();
    await completeAttempt(token, 0, 88);
    await server.services.sessions.finish(token, { status: "passed" });
    const result = await intlEnClient(server, { reqMethod: "POST" })("GetWebVerificationResultIntl", {
      BizToken,
    });
    const [ocr] = result.OCRResult as Record<string, unknown>[];
    expect(ocr).toMatchObject({ IsPass: true, RequestId: "ocr-1", WarnCardInfos: [-9102] });
    expect(ocr?.CardImageBase64).toBe(frame.toString("base64"));
  });

  it("unknown, other app's, unstarted-too-long and purged tokens", async () => {
    const call = commonV4Client(server);
    expect(
      await errorCode(
        call("GetWebVerificationResultIntl", { BizToken: "5E1F0000-AAAA-4BBB-8CCC-000000000000" }),
      ),
    ).toBe("InvalidParameterValue.BizTokenIllegal");
    const { BizToken } = await call("ApplyWebVerificationBizTokenIntl", {
      RedirectURL: redirectUrl,
      Config: { CheckMode: 3 },
    });
    const other = await server.services.apps.createApp("other");
    expect(await errorCode(commonV4Client(server, other)("GetWebVerificationResultIntl", { BizToken }))).toBe(
      "InvalidParameterValue.BizTokenIllegal",
    );
    advance(11 * 60_000);
    expect(await call("GetWebVerificationResultIntl", { BizToken })).toMatchObject({
      ErrorCode: 15,
      ErrorMsg: "Token expired",
    });
    advance(3 * 24 * 3_600_000);
    expect(await errorCode(call("GetWebVerificationResultIntl", { BizToken }))).toBe(
      "InvalidParameterValue.BizTokenExpired",
    );
  });

  it("upload URLs refuse forged signatures and oversize bodies", async () => {
    const upload = await commonV4Client(server)("CreateUploadUrl", {
      TargetAction: "ApplyWebVerificationToken",
    });
    const url = String(upload.UploadUrl);
    expect(
      (
        await fetch(url.replace(/Expires=\d+/, "Expires=9999999999"), {
          method: "PUT",
          body: new Uint8Array(frame),
        })
      ).status,
    ).toBe(403);
    const huge = Buffer.alloc(server.deps.config.maxUploadBytes + 1);
    expect((await fetch(url, { method: "PUT", body: new Uint8Array(huge) })).status).toBe(413);
    expect((await fetch(url, { method: "PUT", body: new Uint8Array(frame) })).status).toBe(200);
    const resource = await fetch(String(upload.ResourceUrl));
    expect(Buffer.from(await resource.arrayBuffer()).equals(frame)).toBe(true);
  });
});
