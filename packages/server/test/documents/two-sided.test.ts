import { readdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FsBlobStore } from "../../src/blobs/fs.ts";
import { intlEnClient } from "../compat/clients.ts";
import { cardBackPhoto, cardPhoto } from "./fixtures.ts";
import { confirmAttempt, settledAttempt, uploadSide } from "./flow.ts";
import { type DocumentsTestServer, fetchJson, startDocumentsServer } from "./server.ts";

/**
 * Two-sided documents (MLIDCard) over the document routes with the real engine: the back photo is read and
 * merged with the front (its printed number cross-checked), a wrong back blocks and can be retaken on the same
 * attempt, and the cut back reaches the merchant as CardBackCutImageBase64 through the official intl-en SDK.
 */
let server: DocumentsTestServer;
let front: Awaited<ReturnType<typeof cardPhoto>>;
let ownBack: Awaited<ReturnType<typeof cardBackPhoto>>;
let strangerBack: Awaited<ReturnType<typeof cardBackPhoto>>;

beforeAll(async () => {
  server = await startDocumentsServer();
  front = await cardPhoto("MLIDCard", 13);
  ownBack = await cardBackPhoto("MLIDCard", 13);
  strangerBack = await cardBackPhoto("MLIDCard", 14);
});
afterAll(() => server?.close());

const json = (path: string, init?: RequestInit) => fetchJson(server, path, init);
/** The filesystem blob store's directory (the test server runs on FsBlobStore). */
const blobRoot = () => (server.deps.blobs as FsBlobStore).rootDir;

const upload = (token: string, side: "front" | "back", photo: Buffer) =>
  uploadSide(server, token, side, photo);
const settled = (token: string, id: unknown) => settledAttempt(server, token, id);
const confirm = (token: string, id: unknown) => confirmAttempt(server, token, id);

async function apply(): Promise<string> {
  const { BizToken } = await intlEnClient(server, { reqMethod: "POST" })("ApplyWebVerificationBizTokenIntl", {
    RedirectURL: "https://shop.example.com/done",
    Config: { CheckMode: 4, IDCardType: "MLIDCard" },
  });
  return String(BizToken);
}

describe("two-sided documents: the back is read and merged", () => {
  it("front read first, then its own back: both read, passed, CardBackCutImageBase64 returned", async () => {
    const token = await apply();
    const step = await json(`/api/documents/step?token=${token}`);
    expect(step.body).toMatchObject({ idCardType: "MLIDCard", sides: ["front", "back"] });
    const started = await upload(token, "front", front.photo);
    expect(started.status).toBe(202);
    const frontOnly = await settled(token, started.body.id);
    expect(frontOnly).toMatchObject({ status: "read", sides: { front: true, back: false } });
    expect((frontOnly.fields as Record<string, string>).LicenseNumber).toBe(front.truth.number);
    expect((await confirm(token, started.body.id)).body).toMatchObject({
      Error: { Message: "Capture the back side before confirming." },
    });

    // The back arrives after the front was read: the attempt is read again, for its back only.
    const withBack = await upload(token, "back", ownBack.photo);
    expect(withBack.body).toMatchObject({ status: "reading", sides: { front: true, back: true } });
    const read = await settled(token, started.body.id);
    expect(read).toMatchObject({ status: "read", fieldsValid: true, isPass: true, warnings: [] });
    expect(read.fields).toEqual(frontOnly.fields);
    const stored = await server.deps.store.getDocumentResult(String(started.body.id));
    expect(Object.keys(stored?.evidence ?? {}).sort()).toEqual([
      "back",
      "backCut",
      "backRead",
      "front",
      "frontCut",
      "frontRead",
      "head",
    ]);

    expect((await confirm(token, started.body.id)).body).toMatchObject({ isPass: true, next: "finished" });
    const result = await intlEnClient(server, { reqMethod: "POST" })("GetWebVerificationResultIntl", {
      BizToken: token,
    });
    expect(result).toMatchObject({ ErrorCode: 0 });
    const [ocr] = result.OCRResult as Record<string, unknown>[];
    expect(ocr).toMatchObject({
      IsPass: true,
      NormalCardInfo: { MLIDCard: { LicenseNumber: front.truth.number } },
    });
    const backCut = Buffer.from(String(ocr?.CardBackCutImageBase64), "base64");
    expect(backCut.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    const cut = await server.deps.blobs.get(stored?.evidence.backCut ?? "");
    expect(backCut.equals(Buffer.from(cut?.data ?? []))).toBe(true);
  }, 180_000);

  it("another card's back blocks (number differs from the front); retaking the back on the same attempt passes", async () => {
    const token = await apply();
    const started = await upload(token, "front", front.photo);
    // Uploaded while the front is still being read: the front's read takes the back with it.
    const backNow = await upload(token, "back", strangerBack.photo);
    expect(backNow.status).toBe(200);
    const wrong = await settled(token, started.body.id);
    expect(strangerBack.truth.number).not.toBe(front.truth.number);
    expect(wrong).toMatchObject({
      status: "read",
      fieldsValid: false,
      isPass: false,
      reasons: ["unreadable"],
    });

    await upload(token, "back", ownBack.photo);
    const right = await settled(token, started.body.id);
    expect(right).toMatchObject({ status: "read", fieldsValid: true, isPass: true });
    const stored = await server.deps.store.getDocumentResult(String(started.body.id));
    // Only the current back's reading and cut are part of the attempt.
    expect(stored?.evidence.backRead).toBe(`${stored?.evidence.back}-read.json`);
    expect(stored?.evidence.backCut).toBe(`${stored?.evidence.back}-cut`);
    expect((await confirm(token, started.body.id)).body).toMatchObject({ isPass: true, next: "finished" });
  }, 180_000);

  it("caps back photos per attempt: the sixth is refused before it is stored, a new front starts afresh", async () => {
    const token = await apply();
    const started = await upload(token, "front", front.photo);
    for (let i = 0; i < 5; i++) expect((await upload(token, "back", ownBack.photo)).status).toBe(200);
    const sixth = await upload(token, "back", ownBack.photo);
    expect(sixth.status).toBe(400);
    expect(sixth.body).toMatchObject({
      Error: {
        Code: "InvalidParameterValue",
        Message: "This document attempt already has 5 back photos; start again with the front side.",
      },
    });
    const read = await settled(token, started.body.id);
    expect(read).toMatchObject({ status: "read", fieldsValid: true });
    const stored = await server.deps.store.getDocumentResult(String(started.body.id));
    expect(stored?.backCaptures).toBe(5);
    const backs = await readdir(join(blobRoot(), dirname(stored?.evidence.back ?? "")));
    expect(backs.filter((name) => /^back-[0-9a-f]{8}~$/.test(name))).toHaveLength(5);

    const again = await upload(token, "front", front.photo);
    expect((await upload(token, "back", ownBack.photo)).status).toBe(200);
    expect(await settled(token, again.body.id)).toMatchObject({ status: "read", isPass: true });
  }, 180_000);
});
