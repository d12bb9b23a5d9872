import { monitorEventLoopDelay } from "node:perf_hooks";
import { createWorkerCardReader, engineCardReader } from "../../src/services/documents/index.ts";
import { cardPhoto } from "./fixtures.ts";

// How long one document read takes and how much it blocks the event loop (what the request path would feel):
//   node --import tsx packages/server/test/documents/bench-read.ts [reads] [worker|inline]
// It also prints the peak memory the reader adds to the process.
const reads = Number(process.argv[2] ?? 4);
const worker = createWorkerCardReader();
const reader = process.argv[3] === "inline" ? engineCardReader : worker;
const photos = await Promise.all(
  (["HKIDCard", "MLIDCard", "SingaporeIDCard", "ThailandIDCard"] as const).map((type, i) =>
    cardPhoto(type, 50 + i),
  ),
);
// Process memory before any OCR model is loaded: what the reader adds is measured against it.
const baselineRss = process.memoryUsage().rss;
let started = performance.now();
await reader(photos[0]!.photo, "HKIDCard");
console.log(`first read (loads the OCR models): ${Math.round(performance.now() - started)} ms`);
const types = ["HKIDCard", "MLIDCard", "SingaporeIDCard", "ThailandIDCard"];
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
const durations: number[] = [];
for (let i = 0; i < reads; i++) {
  started = performance.now();
  await reader(photos[i % photos.length]!.photo, types[i % types.length]!);
  durations.push(performance.now() - started);
}
loop.disable();
durations.sort((a, b) => a - b);
console.log(
  `reads: ${reads}, median ${Math.round(durations[Math.floor(reads / 2)]!)} ms, max ${Math.round(durations.at(-1)!)} ms`,
);
console.log(
  `event loop delay during reads: p50 ${Math.round(loop.percentile(50) / 1e6)} ms, p99 ${Math.round(loop.percentile(99) / 1e6)} ms, max ${Math.round(loop.max / 1e6)} ms`,
);
const mib = (bytes: number) => Math.round(bytes / 2 ** 20);
// maxRSS is in KiB; the reader worker shares this process, so peak − baseline is what the reader costs.
const peakRss = process.resourceUsage().maxRSS * 1024;
console.log(
  `memory: process RSS ${mib(baselineRss)} MiB before the first read, peak ${mib(peakRss)} MiB → the reader (${process.argv[3] === "inline" ? "inline" : "worker thread"}) adds ≤ ${mib(peakRss - baselineRss)} MiB`,
);
await worker.close();
