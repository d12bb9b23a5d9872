import { cardInfoMember, ID_CARD_TYPES, type IdCardType } from "@openekyc/documents";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderDocument, syntheticIdentity } from "../../../documents/test/mrz/synthetic-mrz.ts";
import { SYNTHETIC_BACK_TYPES } from "../../../documents/test/synthetic/backs.ts";
import { degrade } from "../../../documents/test/synthetic/degrade.ts";
import { sdkIdCardTypes, webIdCardTypes } from "../../src/api/actions/fields.ts";
import { sdkToWebType } from "../../src/services/documents/policy.ts";
import { commonV4Client } from "../compat/clients.ts";
import { cardBackPhoto, cardPhoto } from "./fixtures.ts";
import { confirmAttempt, settledAttempt, uploadSide } from "./flow.ts";
import { type DocumentsTestServer, fetchJson, startDocumentsServer } from "./server.ts";

/**
 * Every IDCardType the API accepts can be finished by a user: for each one a synthetic document of that type is
 * photographed, uploaded through the document routes (front, and back where the type has one), read by the real
 * engine, confirmed, and reported to the merchant (raw JSON through the official common client) under the
 * NormalCardInfo member the reference names. Until 2026-12-05 six accepted types (PhilippinesIDCard, the Thai,
 * Malaysian, Singapore and Japanese licences, GeneralCard) had no reader, so their sessions could never pass.
 */
let server: DocumentsTestServer;
beforeAll(async () => {
  server = await startDocumentsServer();
});
afterAll(() => server?.close());

const json = (path: string, init?: RequestInit) => fetchJson(server, path, init);
const squash = (value: unknown) => (typeof value === "string" ? value.replace(/[\s()-]/g, "") : "");

/** A photo of a document of `type` and the document number it prints (null: none on the side read). */
async function documentPhoto(
  type: IdCardType,
  seed: number,
): Promise<{ photo: Buffer; number: string | null }> {
  if (type === "InternationalIDPassport" || type === "GeneralCard") {
    // "Any identity document": a passport with its MRZ is the document every reader can check.
    const person = syntheticIdentity(seed);
    const photo = await degrade(await renderDocument("TD3", person), "clean", seed);
    return { photo, number: person.documentNumber };
  }
  const card = await cardPhoto(type, seed);
  return { photo: card.photo, number: card.truth.number || null };
}

describe("every accepted IDCardType", () => {
  it("has a reader: the web list, and the SDK list through its mapping", () => {
    for (const type of webIdCardTypes) expect(ID_CARD_TYPES).toContain(type);
    for (const type of sdkIdCardTypes) expect(ID_CARD_TYPES).toContain(sdkToWebType[type] ?? type);
  });

  it.each([...webIdCardTypes])("%s: photographed, read, confirmed and reported", async (type) => {
    const call = commonV4Client(server);
    const { BizToken } = await call("ApplyWebVerificationBizTokenIntl", {
      RedirectURL: "https://shop.example.com/done",
      Config: { CheckMode: 4, IDCardType: type },
    });
    const token = String(BizToken);
    const step = await json(`/api/documents/step?token=${encodeURIComponent(token)}`);
    const twoSided = (step.body.sides as string[]).includes("back");
    if (twoSided) expect(SYNTHETIC_BACK_TYPES).toContain(type);
    const seed = 51;
    const front = await documentPhoto(type, seed);
    const upload = await uploadSide(server, token, "front", front.photo);
    expect(upload.status).toBe(202);
    if (twoSided)
      expect((await uploadSide(server, token, "back", (await cardBackPhoto(type, seed)).photo)).status).toBe(
        200,
      );
    const view = await settledAttempt(server, token, upload.body.id);
    expect(view).toMatchObject({ status: "read", fieldsValid: true, isPass: true });

    const confirmed = await confirmAttempt(server, token, view.id);
    expect(confirmed.body).toMatchObject({ isPass: true, next: "finished" });
    const result = await call("GetWebVerificationResultIntl", { BizToken: token });
    expect(result.ErrorCode).toBe(0);
    const [ocr] = result.OCRResult as { IsPass: boolean; NormalCardInfo: Record<string, unknown> }[];
    expect(ocr?.IsPass).toBe(true);
    const struct = ocr?.NormalCardInfo[cardInfoMember(type)] as Record<string, unknown> | undefined;
    expect(struct).toBeTypeOf("object");
    if (front.number !== null)
      expect(Object.values(struct ?? {}).map(squash)).toContain(squash(front.number));
  });
});
