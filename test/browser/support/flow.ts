import { readFile } from "node:fs/promises";
import type { FaceEngineApi } from "@openekyc/engine";
import type { Page } from "playwright-core";
import sharp from "sharp";
import type { CallAction } from "../../../packages/server/test/compat/clients.ts";
import { screenshot } from "./browser.ts";
import { loadPhoto } from "./photo-capture.ts";

/** A face photo as the synthetic camera's data URL, with the face box the camera lights. */
export async function cameraPhoto(engine: FaceEngineApi, path: string) {
  const photo = await loadPhoto(engine, path);
  const jpeg = await sharp(photo.image.data, {
    raw: { width: photo.image.width, height: photo.image.height, channels: 3 },
  })
    .jpeg({ quality: 92 })
    .toBuffer();
  return { photo: `data:image/jpeg;base64,${jpeg.toString("base64")}`, faceBox: photo.faceBox };
}

export async function applyToken(
  call: CallAction,
  referencePath: string,
  config: Record<string, unknown> = {},
): Promise<{ token: string; url: string }> {
  const response = await call("ApplyWebVerificationBizTokenIntl", {
    RedirectURL: "https://merchant.example/kyc/done?order=42",
    CompareImageBase64: (await readFile(referencePath)).toString("base64"),
    Extra: "order-42",
    Config: config,
  });
  return { token: response.BizToken as string, url: response.VerificationURL as string };
}

/** Start page → consent → flash warning → camera → liveness → result; screenshots of each state. */
export async function runPageFlow(page: Page, url: string, name: string): Promise<string | null> {
  await page.goto(url);
  await page.waitForSelector("[data-screen=start]");
  await screenshot(page, `${name}-1-start`);
  await page.check("#consent");
  await page.click("button.primary");
  await page.waitForSelector("[data-screen=flash-warning]");
  await screenshot(page, `${name}-2-flash-warning`);
  await page.click("button.primary");
  return runAttempt(page, name);
}

/** One attempt from the framing screen on (the first, or a retry from the result page). */
export async function runAttempt(page: Page, name: string): Promise<string | null> {
  await page.waitForSelector("[data-screen=framing]");
  await screenshot(page, `${name}-3-framing`);
  await page.waitForSelector("[data-screen=liveness]", { timeout: 60_000 });
  await page.waitForTimeout(1500);
  await screenshot(page, `${name}-4-liveness`);
  await page.waitForSelector("[data-screen=upload]", { timeout: 60_000 });
  await screenshot(page, `${name}-5-upload`);
  await page.waitForSelector("[data-screen^=result]", { timeout: 150_000 });
  await screenshot(page, `${name}-6-result`);
  return page.getAttribute("[data-code]", "data-code");
}

/** The page API's "start an attempt", called directly, as a tampered page or a replaying attacker would. */
export async function startAttemptDirectly(
  endpoint: string,
  token: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`http://${endpoint}/api/page/attempt`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ token }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
