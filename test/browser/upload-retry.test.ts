import { FaceEngine } from "@openekyc/engine";
import { ensurePageBuilt } from "@openekyc/web";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CallAction, intlEnClient } from "../../packages/server/test/compat/clients.ts";
import { startTestServer, type TestServer } from "../../packages/server/test/compat/harness.ts";
import { launchBrowser, phonePage, screenshot } from "./support/browser.ts";
import { faces, requireSharedData } from "./support/data.ts";
import { applyToken, cameraPhoto, runPageFlow } from "./support/flow.ts";

// A phone on a bad network: the capture upload is lost once. The page must offer to send the same capture
// again (the attempt was never received, so it is not used up), and the second upload gets a real result.
let server: TestServer;
let browser: Browser;
let call: CallAction;
let engine: FaceEngine;

beforeAll(async () => {
  ensurePageBuilt();
  [server, browser, engine] = await Promise.all([startTestServer(), launchBrowser(), FaceEngine.load()]);
  call = intlEnClient(server, { reqMethod: "POST", signMethod: "TC3-HMAC-SHA256" });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await engine?.close();
  await server?.close();
});

describe("upload lost on the network", () => {
  it("offers 'Try again' and the resent capture is judged", async () => {
    const camera = await cameraPhoto(engine, requireSharedData(faces.sameAsReference));
    const { token, url } = await applyToken(call, requireSharedData(faces.reference));
    const page = await phonePage(browser, { ...camera, respond: "screen" });
    let dropped = 0;
    await page.route("**/api/page/attempt/*/capture?*", async (route) => {
      if (dropped++ === 0) return route.abort("connectionreset");
      return route.continue();
    });
    const flow = runPageFlow(page, url, "10-upload-retry").catch(() => null);
    await page.waitForSelector("[data-screen=upload-failed]", { timeout: 120_000 });
    await screenshot(page, "10-upload-retry-failed");
    expect(await page.textContent("[role=alert]")).toBe("Something went wrong. Please try again.");
    await page.click("button.primary");
    await page.waitForSelector("[data-screen^=result]", { timeout: 150_000 });
    await flow;
    await screenshot(page, "10-upload-retry-result");
    expect(await page.getAttribute("[data-code]", "data-code")).toBe("0");
    expect(dropped).toBe(2);
    const result = await call("GetWebVerificationResultIntl", { BizToken: token });
    expect(result.ErrorCode).toBe(0);
    expect(result.VerificationDetailList as unknown[]).toHaveLength(1);
    await page.context().close();
  }, 300_000);
});
