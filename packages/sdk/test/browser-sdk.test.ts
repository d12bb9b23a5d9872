import { createServer, type Server } from "node:http";
import { ensurePageBuilt } from "@openekyc/web";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../../../test/browser/support/browser.ts";
import { intlEnClient } from "../../server/test/compat/clients.ts";
import { cardPhoto } from "../../server/test/documents/fixtures.ts";
import { type DocumentsTestServer, startDocumentsServer } from "../../server/test/documents/server.ts";

/**
 * The browser SDK in Debian chromium: a merchant page on its own origin loads /sdk/openekyc.js, opens the
 * hosted document step for a token in an overlay, the user uploads a synthetic card from the album and
 * confirms, and the callbacks fire with the seeds' codes. Origins are checked both ways.
 */
// A fake camera, so the capture screen runs its camera path; the photo itself comes from the album.
const fakeCameraFlags = ["--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream"];

let server: DocumentsTestServer;
let merchant: Server;
let merchantUrl: string;
let browser: Browser;
let hkid: Awaited<ReturnType<typeof cardPhoto>>;

beforeAll(async () => {
  ensurePageBuilt();
  server = await startDocumentsServer();
  hkid = await cardPhoto("HKIDCard", 31);
  // The merchant's page: another origin (localhost vs 127.0.0.1, another port) than the eKYC server.
  const html = `<!doctype html><html><body><h1>Shop checkout</h1><script src="${server.url}/sdk/openekyc.js"></script></body></html>`;
  merchant = createServer((_request, response) =>
    response.writeHead(200, { "content-type": "text/html" }).end(html),
  );
  await new Promise<void>((ready) => merchant.listen(0, "127.0.0.1", ready));
  merchantUrl = `http://localhost:${(merchant.address() as { port: number }).port}/`;
  browser = await launchBrowser(fakeCameraFlags);
});
afterAll(async () => {
  await browser?.close();
  await new Promise((closed) => merchant?.close(closed));
  await server?.close();
});

type Outcome = { ok: boolean; token: string; code?: number; message?: string };

/** Every URL any frame of a page navigated to: the SDK removes its overlay once the result is in. */
const visitedUrls = new WeakMap<Page, string[]>();

async function open(token: string, options: Record<string, unknown> = {}): Promise<Page> {
  const page = await browser.newPage();
  const urls: string[] = [];
  visitedUrls.set(page, urls);
  page.on("framenavigated", (frame) => urls.push(frame.url()));
  await page.goto(merchantUrl);
  await page.evaluate(
    ({ token, serverUrl, options }) => {
      const w = window as unknown as {
        outcomes: Outcome[];
        handle: unknown;
        OpenEkyc: { openVerification: (o: object) => unknown };
      };
      w.outcomes = [];
      w.handle = w.OpenEkyc.openVerification({
        token,
        serverUrl,
        ...options,
        onSuccess: (result: Outcome) => w.outcomes.push({ ...result, ok: true }),
        onFail: (failure: Outcome) => w.outcomes.push({ ...failure, ok: false }),
      });
    },
    { token, serverUrl: server.url, options },
  );
  return page;
}

const outcomes = (page: Page) => page.evaluate(() => (window as unknown as { outcomes: Outcome[] }).outcomes);

async function uploadAndConfirm(page: Page): Promise<void> {
  const frame = page.frameLocator("iframe");
  await frame
    .locator("input[data-role=album]")
    .setInputFiles({ name: "card.jpg", mimeType: "image/jpeg", buffer: hkid.photo });
  const confirm = frame.locator("button[data-role=confirm]");
  await confirm.waitFor({ timeout: 60_000 });
  await expect(frame.locator("input[name=LicenseNumber]").inputValue()).resolves.toBe(hkid.truth.number);
  await confirm.click();
}

describe("browser SDK", () => {
  it("CheckMode 4 from the album: Chinese page, manual mode, success callback, result through the official SDK", async () => {
    const call = intlEnClient(server, { reqMethod: "POST" });
    const { BizToken } = await call("ApplyWebVerificationBizTokenIntl", {
      RedirectURL: "https://shop.example.com/done",
      Config: { CheckMode: 4, IDCardType: "HKIDCard" },
    });
    const page = await open(String(BizToken), { language: "zh-cn", ocrMode: "manual", style: "dark" });
    const frame = page.frameLocator("iframe");
    await expect(frame.locator("h1").textContent()).resolves.toBe("请拍摄证件正面");
    // Manual mode: the shutter is offered as soon as the camera is up (slower on a loaded machine), without
    // waiting for auto-capture.
    await frame.locator("button[data-role=shutter]").waitFor({ state: "visible", timeout: 15_000 });
    await uploadAndConfirm(page);
    await page.waitForFunction(
      () => (window as unknown as { outcomes: Outcome[] }).outcomes.length > 0,
      null,
      {
        timeout: 30_000,
      },
    );
    expect(await outcomes(page)).toEqual([{ ok: true, token: BizToken }]);
    await expect(page.locator("iframe").count()).resolves.toBe(0);
    const result = await call("GetWebVerificationResultIntl", { BizToken });
    expect(result.ErrorCode).toBe(0);
    const [ocr] = result.OCRResult as {
      IsPass: boolean;
      NormalCardInfo: { HKIDCard: { LicenseNumber: string } };
    }[];
    expect(ocr?.IsPass).toBe(true);
    expect(ocr?.NormalCardInfo.HKIDCard.LicenseNumber).toBe(hkid.truth.number);
    await page.close();
  });

  it("SdkToken CheckMode 1: the document step hands over to the face step; cancel reports 12000", async () => {
    const { SdkToken } = await intlEnClient(server, { reqMethod: "POST" })("ApplySdkVerificationToken", {
      CheckMode: 1,
      IdCardType: "HK",
    });
    const page = await open(String(SdkToken), { ocrMode: "auto+manual", ocrAutoTimeoutMs: 5000 });
    await uploadAndConfirm(page);
    const face = page.frames().find((frame) => frame !== page.mainFrame());
    await expect.poll(() => face?.url() ?? "", { timeout: 30_000 }).toContain(`/verify?token=${SdkToken}`);
    expect(await outcomes(page)).toEqual([]);
    const session = await server.services.sessions.get(String(SdkToken));
    const [document] = await server.services.documents.results(session);
    expect(document).toMatchObject({ status: "confirmed", isPass: true });
    await page.getByRole("button", { name: "Cancel" }).click();
    expect(await outcomes(page)).toEqual([
      { ok: false, token: SdkToken, code: 12000, message: "The user actively canceled the operation" },
    ]);
    await page.close();
  });

  it("CheckMode 3 goes straight to the face step, whose final result reaches the SDK (12009 when not passed)", async () => {
    const { SdkToken } = await intlEnClient(server, { reqMethod: "POST" })("ApplySdkVerificationToken", {
      CheckMode: 3,
    });
    const token = String(SdkToken);
    // The user left this verification earlier: the hosted page opens on its final result.
    await server.services.sessions.finish(token, { status: "cancelled" });
    const page = await open(token);
    await page.waitForFunction(
      () => (window as unknown as { outcomes: Outcome[] }).outcomes.length > 0,
      null,
      {
        timeout: 30_000,
      },
    );
    expect(visitedUrls.get(page)?.some((url) => url.includes(`/verify?token=${token}`))).toBe(true);
    expect(await outcomes(page)).toEqual([
      { ok: false, token, code: 12009, message: "Failed to perform the local identity verification" },
    ]);
    await page.close();
  });

  it("hideAlbum: no album upload while the camera works", async () => {
    const { BizToken } = await intlEnClient(server, { reqMethod: "POST" })(
      "ApplyWebVerificationBizTokenIntl",
      {
        RedirectURL: "https://shop.example.com/done",
        Config: { CheckMode: 4, IDCardType: "HKIDCard" },
      },
    );
    const page = await open(String(BizToken), { ocrMode: "manual", hideAlbum: true });
    const frame = page.frameLocator("iframe");
    await frame.locator("button[data-role=shutter]").waitFor({ state: "visible", timeout: 15_000 });
    await expect(frame.locator("input[data-role=album]").count()).resolves.toBe(0);
    await page.getByRole("button", { name: "Cancel" }).click();
    expect(await outcomes(page)).toMatchObject([{ ok: false, code: 12000 }]);
    await page.close();
  });

  it("an unknown token fails with 12004; a forged message from another window is ignored", async () => {
    const page = await open("5E1F0000-AAAA-4BBB-8CCC-000000000000");
    await page.waitForFunction(() => (window as unknown as { outcomes: Outcome[] }).outcomes.length > 0);
    expect(await outcomes(page)).toMatchObject([{ ok: false, code: 12004, message: "Invalid token" }]);
    await page.close();

    const { SdkToken } = await intlEnClient(server, { reqMethod: "POST" })("ApplySdkVerificationToken", {
      CheckMode: 1,
    });
    const forged = await open(String(SdkToken));
    await forged.frameLocator("iframe").locator("h1").waitFor();
    // The merchant page itself (wrong origin, not the iframe) claims success: the SDK must not believe it.
    await forged.evaluate(
      (token) => window.postMessage({ source: "openekyc", kind: "success", token }, "*"),
      SdkToken,
    );
    await forged.waitForTimeout(300);
    expect(await outcomes(forged)).toEqual([]);
    await forged.close();
  });
});
