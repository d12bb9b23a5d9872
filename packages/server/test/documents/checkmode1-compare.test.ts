import { readFile } from "node:fs/promises";
import { decodeImage } from "@openekyc/engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { photoCapturePackage } from "../../../../test/browser/support/photo-capture.ts";
import { commonV4Client, intlEnClient } from "../compat/clients.ts";
import { deepfaceTrio, idPortrait } from "./faces.ts";
import { cardBackPhoto, cardPhoto } from "./fixtures.ts";
import { confirmAttempt, settledAttempt, uploadSide } from "./flow.ts";
import { type DocumentsTestServer, fetchJson, startDocumentsServer } from "./server.ts";

/**
 * CheckMode 1 end to end with the real engines (PP-OCR for the card, the face pool for liveness and compare):
 * a synthetic HKID whose photo is a real person (face_verify_deepface), read and confirmed through the document
 * routes; then the reflection liveness step with a capture package relit from a selfie (`synthesiseCapture`);
 * then GetWebVerificationResultIntl through the official intl-en SDK. The liveness step has no
 * CompareImageBase64: the only reference it can compare with is the portrait cut from the card.
 */
let server: DocumentsTestServer;
let faces: Awaited<ReturnType<typeof deepfaceTrio>>;
let card: Awaited<ReturnType<typeof cardPhoto>>;
let mykad: Awaited<ReturnType<typeof cardPhoto>> & { back: Buffer };

/** The synthetic layouts' photo boxes: HKID 300 × 380 px, MyKad 290 × 360 px. */
const HKID_PHOTO_ASPECT = 300 / 380;
const MYKAD_PHOTO_ASPECT = 290 / 360;

beforeAll(async () => {
  server = await startDocumentsServer();
  faces = await deepfaceTrio();
  const engine = await server.engine();
  const portrait = await idPortrait(engine, faces.holder, HKID_PHOTO_ASPECT);
  card = await cardPhoto("HKIDCard", 31, "clean", { portrait });
  const mykadPortrait = await idPortrait(engine, faces.holder, MYKAD_PHOTO_ASPECT);
  mykad = {
    ...(await cardPhoto("MLIDCard", 13, "clean", { portrait: mykadPortrait })),
    back: (await cardBackPhoto("MLIDCard", 13)).photo,
  };
}, 180_000);
afterAll(() => server?.close());

const json = (path: string, init?: RequestInit) => fetchJson(server, path, init);

/** Front (and back) photo → read → confirmed unchanged; the session moves on to liveness. */
async function passDocumentStep(
  token: string,
  document: { photo: Buffer; back?: Buffer; truth: { number: string } } = card,
): Promise<void> {
  const upload = await uploadSide(server, token, "front", document.photo);
  expect(upload.status).toBe(202);
  if (document.back) expect((await uploadSide(server, token, "back", document.back)).status).toBe(200);
  const view = await settledAttempt(server, token, upload.body.id);
  expect(view).toMatchObject({ status: "read", isPass: true });
  expect((view.fields as Record<string, string>).LicenseNumber).toBe(document.truth.number);
  const confirmed = await confirmAttempt(server, token, view.id);
  expect(confirmed.body).toMatchObject({ status: "confirmed", isPass: true, next: "liveness" });
}

/** One reflection attempt answered with a capture relit from `selfie`, as the page would upload it. */
async function faceStep(token: string, selfie: string): Promise<Record<string, unknown>> {
  const started = await json("/api/page/attempt", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ token }),
  });
  expect(started.body).toMatchObject({ Mode: "reflection" });
  const capture = await photoCapturePackage({
    engine: await server.engine(),
    photoPath: selfie,
    sequence: started.body.Sequence as Parameters<typeof photoCapturePackage>[0]["sequence"],
    kind: "bona-fide",
    seed: 5,
    // The page captures 320 px wide; a normal room (the screen adds 4 % of the face's light).
    width: 320,
    reflectionStrength: 0.04,
  });
  const outcome = await json(`/api/page/attempt/${started.body.Seq}/capture?token=${token}`, {
    method: "POST",
    headers: { "content-type": "application/octet-stream" },
    body: new Uint8Array(capture),
  });
  expect(outcome.status).toBe(200);
  return outcome.body;
}

async function applyCheckMode1(type = "HKIDCard"): Promise<string> {
  const call = intlEnClient(server, { reqMethod: "POST" });
  const { BizToken } = await call("ApplyWebVerificationBizTokenIntl", {
    RedirectURL: "https://shop.example.com/done",
    // One liveness attempt: the session's final ErrorCode is that attempt's code.
    Config: { CheckMode: 1, IDCardType: type, SecurityLevel: 3, LivenessRetryLimit: 1 },
  });
  return String(BizToken);
}

describe("CheckMode 1: the card portrait is compared with the live face", () => {
  it("same person: Compare passes with Similarity ≥ 70 and HeadImageBase64 is the card's portrait", async () => {
    const token = await applyCheckMode1();
    await passDocumentStep(token);
    const outcome = await faceStep(token, faces.same);
    expect(outcome).toMatchObject({ Passed: true, ErrorCode: 0, Finished: true });

    const result = await intlEnClient(server, { reqMethod: "POST" })("GetWebVerificationResultIntl", {
      BizToken: token,
    });
    expect(result).toMatchObject({ ErrorCode: 0 });
    const [detail] = result.VerificationDetailList as Record<string, unknown>[];
    expect(detail).toMatchObject({ ErrorCode: 0, LivenessErrorCode: 0, CompareErrorCode: 0 });
    expect(detail?.Similarity).toBeGreaterThanOrEqual(70);

    const [ocr] = result.OCRResult as Record<string, unknown>[];
    expect(ocr).toMatchObject({ IsPass: true });
    expect(ocr?.NormalCardInfo).toMatchObject({ HKIDCard: { LicenseNumber: card.truth.number } });
    // HeadImageBase64 is [spec-only]: intl-en 3.0.1335's model drops it, so it is read with the official
    // common client, which hands the response through as sent.
    const raw = await commonV4Client(server)("GetWebVerificationResultIntl", { BizToken: token });
    const [rawOcr] = raw.OCRResult as Record<string, unknown>[];
    // HeadImageBase64 is the portrait the liveness step used as its reference...
    const session = await server.services.sessions.get(token);
    const reference = await server.deps.blobs.get(session.referenceImageKey ?? "");
    const head = Buffer.from(String(rawOcr?.HeadImageBase64), "base64");
    expect(head.equals(Buffer.from(reference?.data ?? []))).toBe(true);
    // ...and it really shows the card holder (not, say, the whole card or the selfie).
    const engine = await server.engine();
    const holder = await engine.compare(
      await decodeImage(head),
      await decodeImage(await readFile(faces.holder)),
    );
    expect(holder.error ?? null).toBeNull();
    expect(holder.similarity).toBeGreaterThanOrEqual(70);
  }, 240_000);

  it("another person: liveness still passes (0) but the comparison fails with 2016", async () => {
    const token = await applyCheckMode1();
    await passDocumentStep(token);
    const outcome = await faceStep(token, faces.other);
    expect(outcome).toMatchObject({ Passed: false, ErrorCode: 2016, Finished: true });

    const result = await intlEnClient(server, { reqMethod: "POST" })("GetWebVerificationResultIntl", {
      BizToken: token,
    });
    expect(result).toMatchObject({ ErrorCode: 2016 });
    const [detail] = result.VerificationDetailList as Record<string, unknown>[];
    expect(detail).toMatchObject({ ErrorCode: 2016, LivenessErrorCode: 0, CompareErrorCode: 2016 });
    expect(detail?.Similarity).toBeLessThan(70);
    const [ocr] = result.OCRResult as Record<string, unknown>[];
    expect(ocr).toMatchObject({ IsPass: true });
  }, 240_000);

  it("two-sided MyKad (front and its back read and merged): the card portrait is the reference too", async () => {
    const token = await applyCheckMode1("MLIDCard");
    await passDocumentStep(token, mykad);
    const outcome = await faceStep(token, faces.same);
    expect(outcome).toMatchObject({ Passed: true, ErrorCode: 0, Finished: true });
    const result = await intlEnClient(server, { reqMethod: "POST" })("GetWebVerificationResultIntl", {
      BizToken: token,
    });
    const [detail] = result.VerificationDetailList as Record<string, unknown>[];
    expect(detail).toMatchObject({ LivenessErrorCode: 0, CompareErrorCode: 0 });
    expect(detail?.Similarity).toBeGreaterThanOrEqual(70);
    const [ocr] = result.OCRResult as Record<string, unknown>[];
    expect(ocr).toMatchObject({
      IsPass: true,
      NormalCardInfo: { MLIDCard: { LicenseNumber: mykad.truth.number } },
    });
    expect(Buffer.from(String(ocr?.CardBackCutImageBase64), "base64").subarray(0, 2)).toEqual(
      Buffer.from([0xff, 0xd8]),
    );
  }, 240_000);
});
