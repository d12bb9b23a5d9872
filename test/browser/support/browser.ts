import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";

export const chromiumPath = "/usr/bin/chromium";
const flags = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** Debian chromium; installed with apt when missing; a loud failure when that is impossible. */
export function ensureChromium(): void {
  if (existsSync(chromiumPath)) return;
  try {
    execFileSync("apt-get", ["update"], { stdio: "ignore" });
    execFileSync("apt-get", ["install", "-y", "chromium"], {
      stdio: "ignore",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
  } catch (error) {
    throw new Error(
      `Browser tests need ${chromiumPath}; "apt-get install -y chromium" failed: ${String(error)}`,
    );
  }
  if (!existsSync(chromiumPath))
    throw new Error(`Browser tests need ${chromiumPath}, and it is still missing.`);
}

/** Debian chromium with the project's flags (plus any extra ones, e.g. a fake camera device). */
export async function launchBrowser(extraFlags: readonly string[] = []): Promise<Browser> {
  ensureChromium();
  return chromium.launch({ executablePath: chromiumPath, args: [...flags, ...extraFlags], headless: true });
}

export const artifactsDir = fileURLToPath(new URL("../../../test-artifacts/browser/", import.meta.url));

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(artifactsDir, { recursive: true });
  await page.screenshot({ path: `${artifactsDir}${name}.png` });
}

export interface CameraConfig {
  readonly photo?: string | null;
  readonly faceBox?: { x: number; y: number; width: number; height: number } | null;
  readonly faceBoxes?: readonly { x: number; y: number; width: number; height: number }[];
  readonly respond?: "screen" | "none" | "other" | "replay";
  /** respond "replay": another attempt's sequence (page wire format: hex colours, durations) and its lead-in. */
  readonly replay?: { restRgb: string; leadMs: number; colours: { rgb: string; durationMs: number }[] };
  readonly extraDelayMs?: number;
  readonly strength?: number;
  readonly fail?: "NotAllowedError" | "NotReadableError" | "NotFoundError" | null;
  readonly noMediaDevices?: boolean;
  /** Real video frames per action (same size as `photo`), played when the page prompts that action. */
  readonly clips?: Readonly<Record<string, { frames: readonly string[]; fps: number }>>;
}

const cameraSource = readFile(fileURLToPath(new URL("./synthetic-camera.js", import.meta.url)), "utf8");

/** A phone-sized page (360×640) with the synthetic camera installed before any page script runs. */
export async function phonePage(browser: Browser, camera: CameraConfig): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 640 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: "en-US",
  });
  const page = await context.newPage();
  await page.addInitScript({
    content: `window.__camera = ${JSON.stringify(camera)};\n${await cameraSource}`,
  });
  return page;
}
