import { ensurePageBuilt } from "@openekyc/web";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../../../../test/browser/support/browser.ts";
import { demoPlugin } from "../../src/demo/demo-plugin.ts";
import { cardPhoto } from "./fixtures.ts";
import { confirmAttempt, readFront } from "./flow.ts";
import { type DocumentsTestServer, fetchJson, startDocumentsServer } from "./server.ts";

/**
 * The demo merchant at /demo offers the identity-document flows (CheckMode 1 and 4 with a chosen IDCardType)
 * next to the face-only one, and its result page shows what was read: a newcomer tries the document step in one
 * browser. Real server, real OCR, Debian chromium.
 */
let server: DocumentsTestServer;
let browser: Browser;
let hkid: Awaited<ReturnType<typeof cardPhoto>>;

beforeAll(async () => {
  ensurePageBuilt();
  let endpoint = "";
  server = await startDocumentsServer([demoPlugin(() => endpoint)]);
  endpoint = server.url;
  hkid = await cardPhoto("HKIDCard", 43);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const start = (body: Record<string, unknown>) =>
  fetchJson(server, "/demo/api/start", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

describe("demo merchant: identity documents", () => {
  it("starts CheckMode 4 and 1 sessions with the chosen type and reports the read card", async () => {
    const started = await start({ mode: "document", idCardType: "HKIDCard" });
    expect(started.status).toBe(200);
    const token = String(started.body.bizToken);
    expect(String(started.body.verificationUrl)).toContain(token);
    const step = await fetchJson(server, `/api/documents/step?token=${token}`);
    expect(step.body).toMatchObject({ checkMode: 4, idCardType: "HKIDCard" });
    const { view } = await readFront(server, token, hkid.photo);
    expect(view).toMatchObject({ status: "read", isPass: true });
    expect((await confirmAttempt(server, token, view.id)).body).toMatchObject({ next: "finished" });
    const result = await fetchJson(server, `/demo/api/result?token=${token}`);
    expect(result.body).toMatchObject({ ErrorCode: 0 });
    const [ocr] = result.body.OCRResult as { NormalCardInfo: { HKIDCard: Record<string, unknown> } }[];
    expect(ocr?.NormalCardInfo.HKIDCard.LicenseNumber).toBe(hkid.truth.number);

    const withFace = await start({ mode: "document-face", idCardType: "MLIDCard", securityLevel: 2 });
    const faceStep = await fetchJson(server, `/api/documents/step?token=${withFace.body.bizToken}`);
    expect(faceStep.body).toMatchObject({ checkMode: 1, idCardType: "MLIDCard", sides: ["front", "back"] });
  });

  it("answers a bad mode or document type with the error, not a session", async () => {
    expect(await start({ mode: "passport-please" })).toMatchObject({
      status: 400,
      body: { code: "InvalidParameterValue" },
    });
    const badType = await start({ mode: "document", idCardType: "LibraryCard" });
    expect(badType.status).toBe(400);
    expect(String(badType.body.code)).toMatch(/^InvalidParameter/);
    expect(await start({ mode: "document" })).toMatchObject({ status: 400 });
  });

  it("in chromium: choose a document flow, read the card on the hosted page, come back to its fields", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/demo`);
    await page.selectOption("#mode", "document");
    expect(await page.locator("#face-options").isHidden()).toBe(true);
    await page.selectOption("#card", "HKIDCard");
    await page.click("#go");
    await page.waitForURL(/\/verify\?/);
    await page.locator("#consent").check();
    await page.locator("main[data-screen=start] button").click();
    await page.locator("input[data-role=album]").setInputFiles({
      name: "card.jpg",
      mimeType: "image/jpeg",
      buffer: hkid.photo,
    });
    await page.locator("button[data-role=confirm]").click({ timeout: 60_000 });
    await page.locator("main[data-screen=result-success] button").click({ timeout: 30_000 });
    await page.waitForURL(/\/demo\/return\?/);
    await expect.poll(() => page.locator("#verdict").textContent()).toContain("Verified: ErrorCode 0");
    const fields = await page.locator("#documents").textContent();
    expect(fields).toContain(`HKIDCard.LicenseNumber${hkid.truth.number}`);
    expect(await page.locator("#documents img").count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator("#raw").textContent()).toMatch(/"CardCutImageBase64": "<\d+ KB>"/);
    await page.close();
  });
});
