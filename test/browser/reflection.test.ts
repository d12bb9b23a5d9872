import { FaceEngine } from "@openekyc/engine";
import { ensurePageBuilt } from "@openekyc/web";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CallAction, intlEnClient } from "../../packages/server/test/compat/clients.ts";
import { startTestServer, type TestServer } from "../../packages/server/test/compat/harness.ts";
import { launchBrowser, phonePage, screenshot } from "./support/browser.ts";
import { faces, requireSharedData } from "./support/data.ts";
import { applyToken, cameraPhoto, runPageFlow } from "./support/flow.ts";

// The real page in Debian chromium, a real server and face engine; the synthetic camera relights a real photo.
let server: TestServer;
let browser: Browser;
let call: CallAction;
let engine: FaceEngine;
let camera: Awaited<ReturnType<typeof cameraPhoto>>;
const reference = () => requireSharedData(faces.reference);

beforeAll(async () => {
  ensurePageBuilt();
  [server, browser, engine] = await Promise.all([startTestServer(), launchBrowser(), FaceEngine.load()]);
  call = intlEnClient(server, { reqMethod: "POST", signMethod: "TC3-HMAC-SHA256" });
  camera = await cameraPhoto(engine, requireSharedData(faces.sameAsReference));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await engine?.close();
  await server?.close();
});

describe("reflection liveness in the browser", () => {
  it("passes a face that reflects the screen on time, and the merchant reads the result", async () => {
    const { token, url } = await applyToken(call, reference());
    const page = await phonePage(browser, { ...camera, respond: "screen" });
    const code = await runPageFlow(page, url, "01-bona-fide");
    expect(code).toBe("0");
    // The merchant's page is not on this network: answer it locally, keep the navigation real.
    await page.route("https://merchant.example/**", (route) =>
      route.fulfill({ body: "merchant", contentType: "text/plain" }),
    );
    await page.click("button.primary");
    await page.waitForURL(/merchant\.example/);
    expect(new URL(page.url()).searchParams.get("token")).toBe(token);
    const result = await call("GetWebVerificationResultIntl", { BizToken: token });
    expect(result.ErrorCode).toBe(0);
    expect(result.Extra).toBe("order-42");
    const details = result.VerificationDetailList as { ErrorCode: number; Similarity: number }[];
    expect(details).toHaveLength(1);
    expect(details[0]!.Similarity).toBeGreaterThanOrEqual(70);
    expect(typeof result.BestFrameBase64).toBe("string");
    await page.context().close();
  }, 240_000);

  it("fails a print that does not reflect the screen (1401)", async () => {
    const { url } = await applyToken(call, reference(), { LivenessRetryLimit: 1 });
    const page = await phonePage(browser, { ...camera, respond: "none" });
    // 1401 (no reflection), or 1002 when the print's own motion changes its colour: never a pass.
    expect(["1401", "1002"]).toContain(await runPageFlow(page, url, "02-print"));
    await page.context().close();
  }, 240_000);

  it("fails the right colours 300 ms late (1002)", async () => {
    const { token, url } = await applyToken(call, reference(), { LivenessRetryLimit: 1 });
    const page = await phonePage(browser, { ...camera, respond: "screen", extraDelayMs: 300 });
    expect(await runPageFlow(page, url, "04-late")).toBe("1002");
    const result = await call("GetWebVerificationResultIntl", { BizToken: token });
    expect(result.ErrorCode).toBe(1002);
    await page.context().close();
  }, 240_000);

  it("shows the seed's message for each camera problem, with a way to try again", async () => {
    const messages = {
      NotReadableError:
        "Unable to access your camera/mic. Please make sure that there is no other app requesting access to them and try again.",
      NotAllowedError:
        "Mic and camera permissions of your device are required during the whole verification. Please clear your browser cache and try again.",
      NotFoundError: "Please check whether the camera/mic can be accessed normally and try again",
    } as const;
    for (const [fail, message] of Object.entries(messages)) {
      const { url } = await applyToken(call, reference(), {
        SkipPrivacyPolicy: true,
        AutoSkipStartPage: true,
      });
      const page = await phonePage(browser, { fail: fail as keyof typeof messages });
      await page.goto(url);
      await page.click("button.primary"); // flash warning → continue
      await page.waitForSelector("[data-screen=camera-error]");
      expect(await page.textContent("[role=alert]")).toBe(message);
      expect(await page.isVisible("button.primary")).toBe(true);
      await screenshot(page, `06-camera-${fail}`);
      await page.context().close();
    }
  }, 120_000);

  it("falls back to recording a video when the browser has no live camera, and judges it", async () => {
    const { token, url } = await applyToken(call, reference());
    const page = await phonePage(browser, { noMediaDevices: true });
    await page.goto(url);
    await page.waitForSelector("[data-screen=video-mode]");
    await screenshot(page, "06-video-mode");
    await page.setInputFiles("#video-file", requireSharedData("face_videos/liveportrait_d18.mp4"));
    await page.waitForSelector("[data-screen^=result]", { timeout: 150_000 });
    await screenshot(page, "06-video-mode-result");
    const code = await page.getAttribute("[data-code]", "data-code");
    const result = await call("GetWebVerificationResultIntl", { BizToken: token });
    const details = result.VerificationDetailList as { ErrorCode: number }[];
    // A real decision by the engine on the real clip (another person than the reference): never an engine error.
    expect(details).toHaveLength(1);
    expect(String(details[0]!.ErrorCode)).toBe(code);
    expect([1001, 1104, 1107]).not.toContain(details[0]!.ErrorCode);
    await page.context().close();
  }, 240_000);

  it("refuses an expired token and a finished one with the right messages", async () => {
    const page = await phonePage(browser, {});
    await page.goto(`http://${server.endpoint}/verify?token=NOT-A-REAL-TOKEN-0000`);
    await page.waitForSelector("[data-screen=fatal]");
    expect(await page.textContent("[role=alert]")).toBe("This link has expired.");
    await screenshot(page, "08-invalid-token");
    await page.context().close();
  }, 60_000);
});
