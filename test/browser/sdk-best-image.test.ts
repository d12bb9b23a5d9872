import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { ensurePageBuilt } from "@openekyc/web";
import type { Browser, Frame, Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { intlEnClient } from "../../packages/server/test/compat/clients.ts";
import {
  type DocumentsTestServer,
  startDocumentsServer,
} from "../../packages/server/test/documents/server.ts";
import { launchBrowser, phonePage, screenshot } from "./support/browser.ts";
import { faces, requireSharedData } from "./support/data.ts";
import { cameraPhoto } from "./support/flow.ts";

/**
 * The browser SDK's bestImage option (the seeds' isNeedBestImage) end to end in Debian chromium: a merchant page
 * on another origin opens the hosted page in the SDK's overlay for an SdkToken (CheckMode 2, liveness + compare
 * with the merchant's photo), the synthetic camera reflects the screen, and `onSuccess` receives the attempt's
 * best frame — the very JPEG the server stored as its evidence.
 */
let server: DocumentsTestServer;
let merchant: Server;
let merchantUrl: string;
let browser: Browser;
let camera: Awaited<ReturnType<typeof cameraPhoto>>;

beforeAll(async () => {
  ensurePageBuilt();
  server = await startDocumentsServer();
  camera = await cameraPhoto(await server.engine(), requireSharedData(faces.sameAsReference));
  const html = `<!doctype html><html><body><h1>Shop</h1><script src="${server.url}/sdk/openekyc.js"></script></body></html>`;
  merchant = createServer((_request, response) =>
    response.writeHead(200, { "content-type": "text/html" }).end(html),
  );
  await new Promise<void>((ready) => merchant.listen(0, "127.0.0.1", ready));
  merchantUrl = `http://localhost:${(merchant.address() as { port: number }).port}/`;
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((closed) => merchant?.close(closed));
  await server?.close();
});

type Outcome = { ok: boolean; token: string; code?: number; bestImage?: string };

async function openSdk(page: Page, token: string, options: Record<string, unknown>): Promise<void> {
  await page.goto(merchantUrl);
  await page.evaluate(
    ({ token, serverUrl, options }) => {
      const w = window as unknown as { outcomes: Outcome[]; OpenEkyc: { openVerification(o: object): void } };
      w.outcomes = [];
      w.OpenEkyc.openVerification({
        token,
        serverUrl,
        ...options,
        onSuccess: (result: Outcome) => w.outcomes.push({ ...result, ok: true }),
        onFail: (failure: Outcome) => w.outcomes.push({ ...failure, ok: false }),
      });
    },
    { token, serverUrl: server.url, options },
  );
}

/** The hosted page's face step inside the overlay: start, consent, flash warning, capture (the SDK closes the
 * overlay as soon as the result is posted, so the result screen is not waited for here). */
async function runFaceStep(page: Page, name: string): Promise<void> {
  let face: Frame | undefined;
  await expect
    .poll(() => (face = page.frames().find((frame) => frame.url().includes("/verify?"))), { timeout: 30_000 })
    .toBeTruthy();
  const frame = face!;
  expect(new URL(frame.url()).searchParams.get("bestImage")).toBe("1");
  await frame.waitForSelector("[data-screen=start]");
  await frame.check("#consent");
  await frame.click("button.primary");
  await frame.waitForSelector("[data-screen=flash-warning]");
  await frame.click("button.primary");
  await frame.waitForSelector("[data-screen=liveness]", { timeout: 60_000 });
  await screenshot(page, `${name}-liveness`);
}

describe("browser SDK bestImage", () => {
  it("hands the passed attempt's best frame to onSuccess, the same JPEG the server keeps as evidence", async () => {
    const { SdkToken } = await intlEnClient(server, {
      reqMethod: "POST",
      signMethod: "TC3-HMAC-SHA256",
    })("ApplySdkVerificationToken", {
      CheckMode: 2,
      // Reflection only (the default 4 adds a blink, which this still photo cannot do).
      SecurityLevel: 3,
      CompareImage: (await readFile(requireSharedData(faces.reference))).toString("base64"),
    });
    const token = String(SdkToken);
    const page = await phonePage(browser, { ...camera, respond: "screen" });
    await openSdk(page, token, { bestImage: true });
    await runFaceStep(page, "sdk-best-image");
    await page.waitForFunction(
      () => (window as unknown as { outcomes: Outcome[] }).outcomes.length > 0,
      null,
      {
        timeout: 150_000,
      },
    );
    const [outcome] = await page.evaluate(() => (window as unknown as { outcomes: Outcome[] }).outcomes);
    expect(outcome).toMatchObject({ ok: true, token });
    const best = Buffer.from(String(outcome?.bestImage), "base64");
    expect((await sharp(best).metadata()).format).toBe("jpeg");

    const session = await server.services.sessions.get(token);
    const [attempt] = await server.deps.store.listAttemptResults(session.id);
    const stored = await server.deps.blobs.get(attempt?.evidence.bestFrame ?? "");
    expect(stored).not.toBeNull();
    expect(best.equals(Buffer.from(stored!.data))).toBe(true);
    await page.context().close();
  }, 300_000);
});
