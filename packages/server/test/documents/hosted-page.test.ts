import { ensurePageBuilt } from "@openekyc/web";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../../../../test/browser/support/browser.ts";
import { intlEnClient } from "../compat/clients.ts";
import { cardBackPhoto, cardPhoto } from "./fixtures.ts";
import { type DocumentsTestServer, startDocumentsServer } from "./server.ts";

/**
 * The document step inside the hosted page (`/verify?token=…`) in Debian chromium: CheckMode 4 ends on the
 * result screen after the album photo is confirmed; CheckMode 1 goes on to the face step, which the server
 * refuses to start before a document passed.
 */
let server: DocumentsTestServer;
let browser: Browser;
let hkid: Awaited<ReturnType<typeof cardPhoto>>;
let mykad: Awaited<ReturnType<typeof cardPhoto>>;
let mykadBack: Awaited<ReturnType<typeof cardBackPhoto>>;

beforeAll(async () => {
  ensurePageBuilt();
  server = await startDocumentsServer();
  hkid = await cardPhoto("HKIDCard", 41);
  mykad = await cardPhoto("MLIDCard", 13);
  mykadBack = await cardBackPhoto("MLIDCard", 13);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function apply(config: Record<string, unknown>): Promise<string> {
  const { BizToken } = await intlEnClient(server, { reqMethod: "POST" })("ApplyWebVerificationBizTokenIntl", {
    RedirectURL: "https://shop.example.com/done",
    Config: { SkipPrivacyPolicy: true, AutoSkipStartPage: true, ...config },
  });
  return String(BizToken);
}

async function documentThroughPage(token: string) {
  const page = await browser.newPage();
  await page.goto(`${server.url}/verify?token=${token}`);
  await page.locator("input[data-role=album]").setInputFiles({
    name: "card.jpg",
    mimeType: "image/jpeg",
    buffer: hkid.photo,
  });
  await page.locator("button[data-role=confirm]").waitFor({ timeout: 60_000 });
  await page.locator("button[data-role=confirm]").click();
  return page;
}

describe("document step in the hosted page", () => {
  it("CheckMode 4: album photo, confirm, result screen, session passed", async () => {
    const token = await apply({ CheckMode: 4, IDCardType: "HKIDCard" });
    const page = await documentThroughPage(token);
    await page.locator("main[data-screen=result-success]").waitFor({ timeout: 30_000 });
    expect((await server.services.sessions.get(token)).status).toBe("passed");
    await page.close();
  });

  it("CheckMode 1: the face step is refused before the document and follows it", async () => {
    const token = await apply({ CheckMode: 1, IDCardType: "HKIDCard", SecurityLevel: 2 });
    const early = await fetch(`${server.url}/api/page/attempt`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token }),
    });
    expect(early.status).toBe(400);
    expect(await early.json()).toMatchObject({ Error: { Code: "UnsupportedOperation" } });
    const page = await documentThroughPage(token);
    // Past the document: the page opens the camera for the face step (none in this browser: its error screen).
    await page
      .locator("[data-screen=camera], [data-screen=camera-error], [data-screen=framing]")
      .first()
      .waitFor();
    const session = await server.services.sessions.get(token);
    expect(session.config.compareWithReference).toBe(true);
    expect(session.referenceImageKey).toMatch(/\/head$/);
    await page.close();
  });

  it("two-sided MLIDCard: front, then the back screen, both read; confirm; session passed", async () => {
    const token = await apply({ CheckMode: 4, IDCardType: "MLIDCard", Language: "en" });
    const page = await browser.newPage();
    await page.goto(`${server.url}/verify?token=${token}`);
    const album = (name: string, buffer: Buffer) =>
      page.locator("input[data-role=album]").setInputFiles({ name, mimeType: "image/jpeg", buffer });
    await album("front.jpg", mykad.photo);
    await page.getByRole("heading", { name: "Now photograph the back of your document" }).waitFor();
    await album("back.jpg", mykadBack.photo);
    await page.locator("button[data-role=confirm]").waitFor({ timeout: 60_000 });
    await page.locator("button[data-role=confirm]").click();
    await page.locator("main[data-screen=result-success]").waitFor({ timeout: 30_000 });
    const session = await server.services.sessions.get(token);
    expect(session.status).toBe("passed");
    const [document] = await server.services.documents.results(session);
    expect(document).toMatchObject({ isPass: true, fieldsValid: true });
    expect(document?.evidence.backRead).toBe(`${document?.evidence.back}-read.json`);
    await page.close();
  });
});
