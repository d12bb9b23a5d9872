/**
 * npm run eval:reflection — reflection liveness over the synthetic-camera harness on real face photos
 * (../shared/data face_verify_deepface + a sample of face_verify_lfw): bona fide pass rate and attack pass rate
 * per attack kind, colour-phase duration, server analysis time per attempt, page JS size. Writes a JSON summary
 * to test-artifacts/reflection-eval.json and prints a Markdown table for docs/reflection-results.md.
 * Options: --deepface N (default all 25), --lfw N (LFW faces, default 15), --seeds N (per face and case, default 1).
 */
import { readdirSync, readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import {
  analyseReflection,
  FaceEngine,
  generateReflectSequence,
  measureFrame,
  mulberry32,
  sequenceDurationMs,
  synthesiseCapture,
} from "@openekyc/engine";
import { pageDistDir } from "@openekyc/web";
import sharp from "sharp";
import { requireSharedData } from "../test/browser/support/data.ts";
import { loadPhoto } from "../test/browser/support/photo-capture.ts";

const argument = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const lfwCount = argument("lfw", 15);
const deepfaceCount = argument("deepface", 25);
const seeds = argument("seeds", 1);

const cases = [
  { name: "bona fide, normal room (4 % screen light)", attack: false, kind: "sequence", strength: 0.04 },
  { name: "bona fide, bright room (2 %)", attack: false, kind: "sequence", strength: 0.02 },
  { name: "print / mask (no response)", attack: true, kind: "none", strength: 0.04 },
  { name: "replay (another sequence)", attack: true, kind: "replay", strength: 0.04 },
  { name: "relay, right colours 300 ms late", attack: true, kind: "late", strength: 0.04 },
] as const;

const deepface = readdirSync(requireSharedData("face_verify_deepface/images"))
  .slice(0, deepfaceCount)
  .map((f) => `face_verify_deepface/images/${f}`);
const lfwAll = readdirSync(requireSharedData("face_verify_lfw/images")).sort();
const lfw = Array.from(
  { length: lfwCount },
  (_, i) => lfwAll[Math.floor((i * lfwAll.length) / lfwCount)]!,
).map((f) => `face_verify_lfw/images/${f}`);

async function jpegRoundTrip(frame: { width: number; height: number; data: Uint8Array | Uint8ClampedArray }) {
  const jpeg = await sharp(frame.data, { raw: { width: frame.width, height: frame.height, channels: 3 } })
    .jpeg({ quality: 82 })
    .toBuffer();
  const { data, info } = await sharp(jpeg).raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, channels: 3 as const, data: new Uint8Array(data) };
}

const engine = await FaceEngine.load();
const tally = cases.map(() => ({ passed: 0, total: 0, codes: {} as Record<number, number> }));
const analysisMs: number[] = [];
let noFace = 0;
const photos = [...deepface, ...lfw];
for (const [n, path] of photos.entries()) {
  let photo: Awaited<ReturnType<typeof loadPhoto>>;
  try {
    photo = await loadPhoto(engine, requireSharedData(path), 200);
  } catch {
    noFace++;
    continue;
  }
  for (let s = 0; s < seeds; s++) {
    for (const [c, testCase] of cases.entries()) {
      const random = mulberry32(n * 1000 + s * 10 + c);
      const randomInt = (max: number) => Math.floor(random() * max);
      const sequence = generateReflectSequence({ randomInt });
      const respondTo =
        testCase.kind === "none"
          ? "none"
          : testCase.kind === "replay"
            ? generateReflectSequence({ randomInt })
            : "sequence";
      const capture = synthesiseCapture({
        sequence,
        seed: n * 7 + s * 3 + c,
        photo,
        reflectionStrength: testCase.strength,
        respondTo,
        extraDelayMs: testCase.kind === "late" ? 300 : 0,
      });
      const frames = await Promise.all(capture.frames.map((f) => jpegRoundTrip(f.frame)));
      const started = performance.now();
      // The server detects on a spread of frames; boxes in between are interpolated (here: first and last).
      const [first, last] = await Promise.all([engine.detect(frames[0]!), engine.detect(frames.at(-1)!)]);
      const box = first[0]?.box ?? last[0]?.box ?? photo.faceBox;
      const samples = frames.map((frame, i) => measureFrame(frame, box, capture.frames[i]!.t));
      const verdict = analyseReflection(sequence, capture.timeline, samples);
      analysisMs.push(performance.now() - started);
      const entry = tally[c]!;
      entry.total++;
      if (verdict.passed) entry.passed++;
      entry.codes[verdict.code] = (entry.codes[verdict.code] ?? 0) + 1;
    }
  }
  process.stdout.write(`\r${n + 1}/${photos.length} faces`);
}
await engine.close();
process.stdout.write("\n");

const durations = Array.from({ length: 1000 }, () => sequenceDurationMs(generateReflectSequence()));
const assets = join(pageDistDir(), "assets");
const js = readdirSync(assets).filter((f) => f.endsWith(".js"));
const gz = (f: string) => gzipSync(readFileSync(join(assets, f))).length;
const mainJs = js.filter((f) => f.startsWith("index-")).reduce((sum, f) => sum + gz(f), 0);
const largestCatalogue = Math.max(...js.filter((f) => !f.startsWith("index-")).map(gz));
analysisMs.sort((a, b) => a - b);
const summary = {
  faces: photos.length - noFace,
  facesWithoutDetection: noFace,
  cases: cases.map((c, i) => ({ ...c, ...tally[i]!, rate: tally[i]!.passed / Math.max(1, tally[i]!.total) })),
  colourPhaseMs: {
    mean: durations.reduce((a, b) => a + b, 0) / durations.length,
    max: Math.max(...durations),
  },
  analysisMs: {
    median: analysisMs[analysisMs.length >> 1],
    p95: analysisMs[Math.floor(analysisMs.length * 0.95)],
  },
  pageJsGzipBytes: { main: mainJs, largestLanguage: largestCatalogue },
};
await mkdir("test-artifacts", { recursive: true });
await writeFile("test-artifacts/reflection-eval.json", JSON.stringify(summary, null, 2));
console.log("| case | pass rate | codes |\n|---|---|---|");
for (const c of summary.cases)
  console.log(
    `| ${c.name} | ${c.passed}/${c.total} (${(c.rate * 100).toFixed(1)} %) | ${JSON.stringify(c.codes)} |`,
  );
console.log(JSON.stringify({ ...summary, cases: undefined }, null, 2));
