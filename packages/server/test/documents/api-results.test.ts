import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { intlEnClient } from "../compat/clients.ts";
import { cardPhoto } from "./fixtures.ts";
import { confirmAttempt, readFront, uploadSide } from "./flow.ts";
import { type DocumentsTestServer, fetchJson, startDocumentsServer } from "./server.ts";

/**
 * The document step over its HTTP routes with the real engine, and its results through the official
 * tencentcloud-sdk-nodejs-intl-en client: CheckMode 4 (web) end to end, SDK CheckMode 1 up to liveness.
 */
let server: DocumentsTestServer;
let hkid: Awaited<ReturnType<typeof cardPhoto>>;

beforeAll(async () => {
  server = await startDocumentsServer();
  hkid = await cardPhoto("HKIDCard", 21);
});
afterAll(() => server.close());

const json = (path: string, init?: RequestInit) => fetchJson(server, path, init);

/** The HKID card's front uploaded for `token` and read. */
async function readHkidFront(token: string): Promise<Record<string, unknown>> {
  const { status, view } = await readFront(server, token, hkid.photo);
  expect(status).toBe(202);
  return view;
}

describe("document step results through the official SDK", () => {
  it("CheckMode 4: OCRResult with the read fields, images, warnings and the user's edit", async () => {
    const call = intlEnClient(server, { reqMethod: "POST" });
    const { BizToken } = await call("ApplyWebVerificationBizTokenIntl", {
      RedirectURL: "https://shop.example.com/done",
      Config: { CheckMode: 4, IdCardType: "HKIDCard", IdCardCutReturn: true },
    });
    const token = String(BizToken);
    const step = await json(`/api/documents/step?token=${token}`);
    expect(step.body).toMatchObject({
      checkMode: 4,
      idCardType: "HKIDCard",
      sides: ["front"],
      passed: false,
    });
    const view = await readHkidFront(token);
    expect(view).toMatchObject({ status: "read", isPass: true });
    expect((view.fields as Record<string, string>).LicenseNumber).toBe(hkid.truth.number);
    const notYet = await call("GetWebVerificationResultIntl", { BizToken });
    expect(notYet).toMatchObject({ ErrorCode: null, OCRResult: null });

    const confirmed = await confirmAttempt(server, token, view.id, { ChineseName: "陳大文" });
    expect(confirmed.body).toMatchObject({
      status: "confirmed",
      isPass: true,
      isEdit: true,
      next: "finished",
    });

    const result = await call("GetWebVerificationResultIntl", { BizToken });
    expect(result).toMatchObject({ ErrorCode: 0 });
    const [ocr] = result.OCRResult as Record<string, unknown>[];
    expect(ocr).toMatchObject({ IsPass: true, RequestId: view.id, WarnCardInfos: [] });
    const card = (ocr?.NormalCardInfo as { HKIDCard?: Record<string, string> } | undefined)?.HKIDCard;
    expect(card).toMatchObject({
      LicenseNumber: hkid.truth.number,
      FullName: hkid.truth.name,
      ChineseName: "陳大文",
    });
    // IdCardCutReturn: the cropped card is the document image; both are real JPEGs.
    expect(ocr?.CardImageBase64).toBe(ocr?.CardCutImageBase64);
    expect(Buffer.from(String(ocr?.CardCutImageBase64), "base64").subarray(0, 2)).toEqual(
      Buffer.from([0xff, 0xd8]),
    );
    // A finished session takes no more photos.
    const again = await uploadSide(server, token, "front", hkid.photo);
    expect(again).toMatchObject({ status: 409, body: { ResultCode: 14 } });
  });

  it("SDK CheckMode 1: the confirmed document leads to liveness; the token stays unfinished until then", async () => {
    const call = intlEnClient(server, { reqMethod: "POST" });
    const { SdkToken } = await call("ApplySdkVerificationToken", {
      CheckMode: 1,
      IdCardType: "HK",
      DisableChangeOcrResult: true,
      SelectedWarningCodes: [-9103],
    });
    const token = String(SdkToken);
    const step = await json(`/api/documents/step?token=${token}`);
    expect(step.body).toMatchObject({ checkMode: 1, idCardType: "HKIDCard", allowEdit: false });
    const view = await readHkidFront(token);
    const confirm = (fields: Record<string, unknown>) => confirmAttempt(server, token, view.id, fields);
    // DisableChangeOcrResult: a change is refused, the unchanged fields are accepted.
    expect((await confirm({ FullName: "SOMEONE ELSE" })).status).toBe(400);
    expect((await confirm({})).body).toMatchObject({ isPass: true, isEdit: false, next: "liveness" });
    const session = await server.services.sessions.get(token);
    expect(await server.services.documents.referenceImageKey(session)).toMatch(/documents\/.+\/head$/);
    const result = await call("GetSdkVerificationResult", { SdkToken });
    expect(result).toMatchObject({ Result: "-999", CardVerifyResults: [] });
  });

  it("SDK CheckMode 1 once finished: CardVerifyResults (images, OCR JSON file) and the card portrait as ProfileImage", async () => {
    const call = intlEnClient(server, { reqMethod: "POST" });
    const { SdkToken } = await call("ApplySdkVerificationToken", { CheckMode: 1, IdCardType: "HK" });
    const token = String(SdkToken);
    const view = await readHkidFront(token);
    const confirmed = await confirmAttempt(server, token, view.id, { ChineseName: "陳大文" });
    expect(confirmed.body).toMatchObject({ isPass: true, next: "liveness" });
    // The face step's own engine is not under test here: its attempt is recorded as the page service records it.
    await server.services.sessions.startAttempt(token);
    await server.services.sessions.recordAttemptResult(token, {
      seq: "face-1",
      reqTimestamp: Date.now(),
      errorCode: 0,
      errorMsg: "Success",
      livenessErrorCode: 0,
      livenessErrorMsg: "Success",
      compareErrorCode: 0,
      compareErrorMsg: "Success",
      similarity: 90,
      mode: "action",
      evidence: {},
      scores: {},
      livenessInfoTags: [],
    });
    await server.services.sessions.finish(token, { status: "passed" });
    const result = await call("GetSdkVerificationResult", { SdkToken });
    expect(result).toMatchObject({ Result: "0" });
    const [card] = result.CardVerifyResults as Record<string, unknown>[];
    expect(card).toMatchObject({
      IsPass: true,
      IsEdit: true,
      RequestId: view.id,
      EditDetails: [{ FieldName: "ChineseName", OriginalFieldValue: null, RevisedFieldValue: "陳大文" }],
    });
    const ocrJson = card?.CardInfoOcrJson as { Url: string; MD5: string; Size: number };
    const fields = (await (await fetch(ocrJson.Url)).json()) as Record<string, string>;
    expect(fields).toMatchObject({ LicenseNumber: hkid.truth.number, ChineseName: "陳大文" });
    const image = card?.CardImage as { Url: string; Size: number };
    expect(image.Size).toBe(hkid.photo.length);
    const [compare] = result.CompareResults as { ProfileImage: { Url: string; MD5: string } | null }[];
    const portrait = Buffer.from(await (await fetch(String(compare?.ProfileImage?.Url))).arrayBuffer());
    expect(portrait.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
  });

  it("refuses requests without a usable token or photo", async () => {
    expect((await json("/api/documents/step")).status).toBe(400);
    expect((await json("/api/documents/step?token=5E1F0000-AAAA-4BBB-8CCC-000000000000")).body).toMatchObject(
      {
        Error: { Code: "InvalidParameterValue.BizTokenIllegal" },
      },
    );
    const call = intlEnClient(server, { reqMethod: "POST" });
    const { BizToken } = await call("ApplyWebVerificationBizTokenIntl", {
      RedirectURL: "https://shop.example.com/done",
      Config: { CheckMode: 3 },
    });
    expect((await json(`/api/documents/step?token=${BizToken}`)).body).toMatchObject({
      Error: { Code: "UnsupportedOperation" },
    });
    const { BizToken: ocrOnly } = await call("ApplyWebVerificationBizTokenIntl", {
      RedirectURL: "https://shop.example.com/done",
      Config: { CheckMode: 4, IDCardType: "HKIDCard" },
    });
    const post = (body: Uint8Array<ArrayBuffer>, type: string) =>
      fetch(`${server.url}/api/documents/front?token=${ocrOnly}`, {
        method: "POST",
        headers: { "content-type": type },
        body,
      });
    expect((await post(new Uint8Array(Buffer.from("GIF89a not really")), "image/jpeg")).status).toBe(400);
    expect((await post(new Uint8Array(9 * 1024 * 1024), "image/jpeg")).status).toBe(413);
    // Text is not a photo, whatever it holds.
    expect((await post(new Uint8Array(hkid.photo), "text/plain")).status).toBe(400);
  });
});
