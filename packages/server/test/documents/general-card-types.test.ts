import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { intlEnClient } from "../compat/clients.ts";
import { cardPhoto } from "./fixtures.ts";
import { confirmAttempt, readFront } from "./flow.ts";
import { type DocumentsTestServer, startDocumentsServer } from "./server.ts";

/**
 * The IDCardType values read into GeneralCard, through the web flow with the real engine and the official
 * intl-en client: a merchant's CheckMode 4 session with each of them can be finished, and the result carries
 * NormalCardInfo.GeneralCard (and the legacy CardInfo.GeneralCard) with the nested Address struct intact.
 */
let server: DocumentsTestServer;
beforeAll(async () => {
  server = await startDocumentsServer();
});
afterAll(() => server.close());

describe("GeneralCard document types over the web flow", () => {
  it.each([
    "PhilippinesIDCard",
    "ThailandDrivingLicense",
    "MLDrivingLicense",
    "SingaporeDrivingLicense",
    "JapanDrivingLicense",
  ] as const)("a %s session is read, confirmed and reported as GeneralCard", async (type) => {
    const { ocr, view, truth } = await confirmedResult(type, type, 41);
    expect((view.fields as Record<string, string | null>).LicenseNumber).toBe(truth.number);
    const normal = ocr.NormalCardInfo.GeneralCard;
    expect(normal).toMatchObject({ LicenseNumber: truth.number, Birthday: truth.birthDate });
    expect(ocr.CardInfo.GeneralCard).toEqual(normal);
    if (type === "PhilippinesIDCard" || type === "MLDrivingLicense" || type === "JapanDrivingLicense")
      expect(normal?.Address).toMatchObject({
        FormattedAddress: expect.any(String),
        LineOne: expect.any(String),
      });
    else expect(normal?.Address).toBeNull();
  });

  /** A CheckMode 4 session of `idCardType` with the photo of a synthetic `shown` card, read and confirmed. */
  async function confirmedResult(idCardType: string, shown: Parameters<typeof cardPhoto>[0], seed: number) {
    const call = intlEnClient(server, { reqMethod: "POST" });
    const { BizToken } = await call("ApplyWebVerificationBizTokenIntl", {
      RedirectURL: "https://shop.example.com/done",
      Config: { CheckMode: 4, IdCardType: idCardType },
    });
    const token = String(BizToken);
    const card = await cardPhoto(shown, seed);
    const { status, view } = await readFront(server, token, card.photo);
    expect(status).toBe(202);
    expect(view).toMatchObject({ status: "read", isPass: true });
    const confirmed = await confirmAttempt(server, token, view.id);
    expect(confirmed.body).toMatchObject({ status: "confirmed", isPass: true, next: "finished" });
    const result = await call("GetWebVerificationResultIntl", { BizToken });
    expect(result).toMatchObject({ ErrorCode: 0 });
    const [ocr] = result.OCRResult as {
      NormalCardInfo: Record<string, Record<string, unknown> | undefined>;
      CardInfo: Record<string, unknown>;
    }[];
    expect(ocr).toBeDefined();
    return { ocr: ocr!, view, truth: card.truth };
  }

  it("a GeneralCard session (any document) is read from the card's labels and reported as GeneralCard", async () => {
    const { ocr, truth } = await confirmedResult("GeneralCard", "SingaporeIDCard", 41);
    const normal = ocr.NormalCardInfo.GeneralCard;
    expect(normal).toMatchObject({
      LicenseNumber: truth.number,
      FullName: truth.name,
      Birthday: truth.birthDate,
    });
    expect(ocr.CardInfo.GeneralCard).toEqual(normal);
  });

  it("an IndonesiaDrivingLicense session is reported as IndonesiaDrivingLicense", async () => {
    const { ocr, truth } = await confirmedResult("IndonesiaDrivingLicense", "IndonesiaDrivingLicense", 41);
    const normal = ocr.NormalCardInfo.IndonesiaDrivingLicense;
    expect(normal).toMatchObject({
      LicenseNumber: truth.number.replace(/-/g, ""),
      Birthday: truth.birthDate,
    });
    expect(ocr.CardInfo.IndonesiaDrivingLicense).toEqual(normal);
  });

  it("a JapanIDCard (My Number card front) session passes without a number: the front prints none", async () => {
    const { ocr, view, truth } = await confirmedResult("JapanIDCard", "JapanIDCard", 41);
    expect(view).toMatchObject({ sides: { front: true, back: false } });
    const fields = view.fields as Record<string, string | null>;
    expect(fields.LicenseNumber).toBeNull();
    expect(fields.Birthday).toBe(truth.birthDate);
    expect(ocr.NormalCardInfo.JapanIDCard).toMatchObject({
      LicenseNumber: null,
      Birthday: truth.birthDate,
      Age: expect.stringMatching(/^\d+$/),
    });
  });
});
