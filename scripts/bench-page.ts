/**
 * First screen of the hosted verification page on a simulated slow 4G phone: starts the service on embedded
 * defaults in a temporary data dir, issues a liveness token through the official SDK, opens /verify in Debian
 * chromium with network and CPU throttling (CDP), and prints first contentful paint, the moment the start button
 * is on screen and enabled, and the bytes transferred. Usage: npm run bench:page [-- --runs 5]
 */
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { configSchema, startServer } from "@openekyc/server";
import { launchBrowser } from "../test/browser/support/browser.ts";

/** Slow 4G as Chrome DevTools' "Slow 4G" preset: 150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up; CPU 4× slower. */
const network = { latency: 150, downloadThroughput: (1.6 * 1e6) / 8, uploadThroughput: (750 * 1e3) / 8 };
const cpuSlowdown = 4;
const runsArg = process.argv.indexOf("--runs");
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;

for (const name of ["http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY"]) delete process.env[name];
const dataDir = await mkdtemp(path.join(tmpdir(), "openekyc-bench-page-"));
const server = await startServer(
  configSchema.parse({ dataDir, port: 0, host: "127.0.0.1", logLevel: "silent" }),
);
const credentials = server.firstApp!;
const require = createRequire(import.meta.url);
const { CommonClient } = require("tencentcloud-sdk-nodejs-common") as {
  CommonClient: new (
    endpoint: string,
    version: string,
    options: Record<string, unknown>,
  ) => { request(action: string, params: unknown): Promise<Record<string, unknown>> };
};
const client = new CommonClient(new URL(server.url).host, "2018-03-01", {
  credential: { secretId: credentials.SecretId, secretKey: credentials.SecretKey },
  region: "ap-singapore",
  profile: { httpProfile: { endpoint: new URL(server.url).host, protocol: "http://" } },
});

const browser = await launchBrowser();
const samples: { fcp: number; startReady: number; bytes: number; requests: number }[] = [];
for (let run = 0; run < runs; run++) {
  const { VerificationURL } = await client.request("ApplyWebVerificationBizTokenIntl", {
    RedirectURL: "https://merchant.example/back",
    Config: { CheckMode: 3 },
  });
  // A fresh context each run: nothing cached, as on a first visit.
  const context = await browser.newContext({ viewport: { width: 360, height: 640 }, isMobile: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, ...network });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpuSlowdown });
  let bytes = 0;
  let requests = 0;
  cdp.on("Network.loadingFinished", (event: { encodedDataLength: number }) => {
    bytes += event.encodedDataLength;
    requests++;
  });
  await page.goto(String(VerificationURL), { waitUntil: "commit" });
  await page.waitForSelector("[data-screen=start] button.primary:not([disabled])");
  const timing = await page.evaluate(() => ({
    startReady: performance.now(),
    fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Number.NaN,
  }));
  samples.push({ ...timing, bytes, requests });
  await context.close();
}
await browser.close();
await server.close();
await rm(dataDir, { recursive: true, force: true });

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
console.log(
  `slow 4G (RTT ${network.latency} ms, 1.6 Mbit/s down, 750 kbit/s up), CPU ${cpuSlowdown}x slower, 360x640, ${runs} cold loads`,
);
console.log(`first contentful paint: median ${median(samples.map((s) => s.fcp)).toFixed(0)} ms`);
console.log(
  `start button on screen and enabled: median ${median(samples.map((s) => s.startReady)).toFixed(0)} ms (target <= 2000 ms)`,
);
console.log(
  `transferred before the start screen: ${(median(samples.map((s) => s.bytes)) / 1024).toFixed(1)} KiB in ${median(samples.map((s) => s.requests))} requests`,
);
