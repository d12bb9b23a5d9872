/**
 * Face engine latency and throughput on a 640x480 selfie made from a shared-data portrait.
 * Per-stage wall and CPU medians (in-process), then verifications/s with 1 and 2 worker threads and memory per
 * worker. Usage: npm run bench:engine [-- --runs 15]. Numbers depend on machine load: say so when recording them.
 */
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { decodeImage } from "../packages/engine/src/decode.ts";
import { detectFaces } from "../packages/engine/src/detect.ts";
import { alignedChip, describeChip, landmarks68 } from "../packages/engine/src/embed.ts";
import { FaceEngine } from "../packages/engine/src/engine.ts";
import { sharedDataDir } from "../packages/engine/src/evaluation/datasets.ts";
import { FaceEnginePool } from "../packages/engine/src/pool/pool.ts";
import { loadModels } from "../packages/engine/src/runtime/models.ts";

const runsArg = process.argv.indexOf("--runs");
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 15;
const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const cpuMs = (): number => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

async function selfie(file: string): Promise<Buffer> {
  return sharp(readFileSync(path.join(sharedDataDir, file)))
    .rotate()
    .resize(640, 480, { fit: "contain", background: "#808080" })
    .jpeg({ quality: 90 })
    .toBuffer();
}

async function measure(label: string, fn: () => Promise<unknown>): Promise<void> {
  await fn();
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = cpuMs();
    const t0 = performance.now();
    await fn();
    walls.push(performance.now() - t0);
    cpus.push(cpuMs() - c0);
  }
  console.log(
    `${label.padEnd(34)} wall median ${median(walls).toFixed(1).padStart(7)} ms   cpu median ${median(cpus).toFixed(1).padStart(7)} ms`,
  );
}

console.log(
  `load average at start: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")} (2 vCPU; > 2 means contended)`,
);
const jpegA = await selfie("face_verify_deepface/images/img1.jpg");
const jpegB = await selfie("face_verify_deepface/images/img2.jpg");
const imageA = await decodeImage(jpegA);
const imageB = await decodeImage(jpegB);
const models = await loadModels();
const engine = await FaceEngine.load();
const face = (await detectFaces(models, imageA))[0]!;
const marks = await landmarks68(models, imageA, face.observation.box);
const chip = alignedChip(imageA, marks);

console.log(`\nper stage, one 640x480 selfie, in-process, ${runs} runs:`);
await measure("decode (sharp JPEG → RGB)", () => decodeImage(jpegA));
await measure("detect (BlazeFace + mesh)", () => detectFaces(models, imageA, { retryWithPadding: false }));
await measure("landmarks (face-api 68)", () => landmarks68(models, imageA, face.observation.box));
await measure("align (5-point similarity warp)", async () => alignedChip(imageA, marks));
await measure("embed (128-d, + mirror)", () => describeChip(models, chip));
await measure("detect + anti-spoof + liveness", () =>
  detectFaces(models, imageA, { antispoof: true, retryWithPadding: false }),
);
await measure("engine.embed (all of the above)", () => engine.embed(imageA));
await measure("engine.compare (2 photos, 1 thread)", () => engine.compare(imageA, imageB));

for (const size of [1, 2]) {
  const rssBefore = process.memoryUsage().rss;
  const pool = new FaceEnginePool({ size });
  await pool.ready();
  await pool.compare(imageA, imageB);
  const rssAfter = process.memoryUsage().rss;
  const walls: number[] = [];
  for (let i = 0; i < Math.min(runs, 8); i++) {
    const t0 = performance.now();
    await pool.compare(imageA, imageB);
    walls.push(performance.now() - t0);
  }
  const total = runs * 2;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: total }, () => pool.compare(imageA, imageB)));
  const seconds = (performance.now() - t0) / 1000;
  const memory = await pool.memory();
  console.log(
    `\npool of ${size}: one compare wall median ${median(walls).toFixed(0)} ms; ` +
      `${(total / seconds).toFixed(2)} verifications/s (${total} concurrent compares of two 640x480 photos)`,
  );
  console.log(
    `  process RSS +${((rssAfter - rssBefore) / 2 ** 20 / size).toFixed(0)} MiB per worker after load + first compare; ` +
      memory
        .map(
          (m, i) =>
            `worker ${i}: heap ${(m.heapUsed / 2 ** 20).toFixed(0)} MiB, tensors ${(m.tensorBytes / 2 ** 20).toFixed(0)} MiB`,
        )
        .join("; "),
  );
  await pool.close();
}
console.log(
  `\nload average at end: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`,
);
