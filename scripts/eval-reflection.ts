/**
 * npm run eval:reflection — reflection liveness end to end on the server, over the synthetic-camera harness on
 * real face photos (../shared/data face_verify_deepface + a sample of face_verify_lfw). Per face and case: a
 * token (ApplyWebVerificationBizTokenIntl through the official SDK, the photo as reference), an attempt from the
 * page API, a capture package synthesised against that attempt's own sequence, uploaded to the page endpoint:
 * the server's real decision (6 detections, same-person check, colour analysis, anti-spoof, reference compare)
 * in its worker pool. Prints bona fide and attack pass rates per case, the colour-phase duration, the server's
 * decision time per attempt (upload to answer) and the page JS size; writes test-artifacts/reflection-eval.json.
 * Options: --deepface N (default all), --lfw N (default 15), --seeds N (default 1), --width PX (default 320,
 * the hosted page's capture width).
 */
import { readdirSync, readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import {
  encodeCapturePackage,
  FaceEngine,
  generateReflectSequence,
  mulberry32,
  sequenceDurationMs,
  sequenceFromWire,
  synthesiseCapture,
  type WireSequence,
} from "@openekyc/engine";
import { ensurePageBuilt, pageDistDir } from "@openekyc/web";
import { intlEnClient } from "../packages/server/test/compat/clients.ts";
import { startTestServer } from "../packages/server/test/compat/harness.ts";
import { frameJpeg } from "../test/browser/support/clips.ts";
import { requireSharedData } from "../test/browser/support/data.ts";
import { loadPhoto } from "../test/browser/support/photo-capture.ts";

const argument = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const lfwCount = argument("lfw", 15);
const deepfaceCount = argument("deepface", Number.POSITIVE_INFINITY);
const seeds = argument("seeds", 1);
const width = argument("width", 320);

const cases = [
  { name: "bona fide, normal room (4 % screen light)", attack: false, kind: "sequence", strength: 0.04 },
  { name: "bona fide, bright room (2 %)", attack: false, kind: "sequence", strength: 0.02 },
  { name: "print / mask (no response)", attack: true, kind: "none", strength: 0.04 },
  { name: "replay (another sequence)", attack: true, kind: "replay", strength: 0.04 },
  { name: "relay, right colours 300 ms late", attack: true, kind: "late", strength: 0.04 },
] as const;

const deepface = readdirSync(requireSharedData("face_verify_deepface/images"))
  .sort()
  .slice(0, deepfaceCount)
  .map((f) => `face_verify_deepface/images/${f}`);
const lfwAll = readdirSync(requireSharedData("face_verify_lfw/images")).sort();
const lfw = Array.from(
  { length: lfwCount },
  (_, i) => lfwAll[Math.floor((i * lfwAll.length) / lfwCount)]!,
).map((f) => `face_verify_lfw/images/${f}`);

ensurePageBuilt();
const server = await startTestServer();
const call = intlEnClient(server, { reqMethod: "POST", signMethod: "TC3-HMAC-SHA256" });
// Only to place the synthetic reflection on the face (as the browser camera is told where the face is).
const locator = await FaceEngine.load();
const base = `http://${server.endpoint}`;

async function startAttempt(reference: Buffer) {
  const applied = await call("ApplyWebVerificationBizTokenIntl", {
    RedirectURL: "https://merchant.example/done",
    CompareImageBase64: reference.toString("base64"),
    Config: { LivenessRetryLimit: 1 },
  });
  const token = applied.BizToken as string;
  const response = await fetch(`${base}/api/page/attempt`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ token }),
  });
  const attempt = (await response.json()) as { Seq: string; Sequence: WireSequence | null };
  if (!attempt.Sequence) throw new Error(`no reflection attempt: ${JSON.stringify(attempt)}`);
  return { token, seq: attempt.Seq, sequence: attempt.Sequence };
}

const tally = cases.map(() => ({ passed: 0, total: 0, codes: {} as Record<number, number> }));
const decisionMs: number[] = [];
const decisionMsByCase = cases.map(() => [] as number[]);
const misjudged: { face: string; case: string; code: number }[] = [];
let noFace = 0;
const photos = [...deepface, ...lfw];
for (const [n, path] of photos.entries()) {
  let photo: Awaited<ReturnType<typeof loadPhoto>>;
  const reference = readFileSync(requireSharedData(path));
  try {
    photo = await loadPhoto(locator, requireSharedData(path), width);
  } catch {
    noFace++;
    continue;
  }
  for (let s = 0; s < seeds; s++) {
    for (const [c, testCase] of cases.entries()) {
      const { token, seq, sequence: wire } = await startAttempt(reference);
      const sequence = sequenceFromWire(wire);
      const random = mulberry32(n * 1000 + s * 10 + c);
      const other = generateReflectSequence({ randomInt: (max) => Math.floor(random() * max) });
      const capture = synthesiseCapture({
        sequence,
        seed: n * 7 + s * 3 + c,
        photo,
        reflectionStrength: testCase.strength,
        respondTo: testCase.kind === "none" ? "none" : testCase.kind === "replay" ? other : "sequence",
        extraDelayMs: testCase.kind === "late" ? 300 : 0,
      });
      const frames = await Promise.all(
        capture.frames.map(async (f) => ({ t: f.t, jpeg: new Uint8Array(await frameJpeg(f.frame, 82)) })),
      );
      const body = encodeCapturePackage({ sequenceId: sequence.id, frames, timeline: capture.timeline });
      const started = performance.now();
      const response = await fetch(`${base}/api/page/attempt/${seq}/capture?token=${token}`, {
        method: "POST",
        headers: { "content-type": "application/octet-stream" },
        body: Buffer.from(body),
      });
      const outcome = (await response.json()) as { ErrorCode?: number; Passed?: boolean };
      const elapsed = performance.now() - started;
      decisionMs.push(elapsed);
      decisionMsByCase[c]!.push(elapsed);
      if (typeof outcome.ErrorCode !== "number")
        throw new Error(`upload refused: ${JSON.stringify(outcome)}`);
      // Liveness only: the reference is the same photo, so a pass is ErrorCode 0 (2016 would be a compare miss).
      const entry = tally[c]!;
      entry.total++;
      if (outcome.ErrorCode === 0) entry.passed++;
      entry.codes[outcome.ErrorCode] = (entry.codes[outcome.ErrorCode] ?? 0) + 1;
      if ((outcome.ErrorCode === 0) === testCase.attack)
        misjudged.push({ face: path, case: testCase.name, code: outcome.ErrorCode });
    }
  }
  process.stderr.write(`\r${n + 1}/${photos.length} faces`);
}
process.stderr.write("\n");
await locator.close();
await server.close();

const durations = Array.from({ length: 1000 }, () => sequenceDurationMs(generateReflectSequence()));
const assets = join(pageDistDir(), "assets");
const js = readdirSync(assets).filter((f) => f.endsWith(".js"));
const gz = (f: string) => gzipSync(readFileSync(join(assets, f))).length;
const mainJs = js.filter((f) => f.startsWith("index-")).reduce((sum, f) => sum + gz(f), 0);
const largestCatalogue = Math.max(...js.filter((f) => !f.startsWith("index-")).map(gz));
const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0);
};
const at = (q: number) => quantile(decisionMs, q);
const summary = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, loadAverageAtEnd: loadavg().map((l) => Math.round(l * 100) / 100) },
  options: { deepface: deepface.length, lfw: lfw.length, seeds, width },
  faces: photos.length - noFace,
  facesWithoutDetection: noFace,
  cases: cases.map((c, i) => ({
    ...c,
    ...tally[i]!,
    rate: tally[i]!.passed / Math.max(1, tally[i]!.total),
    decisionMs: { median: quantile(decisionMsByCase[i]!, 0.5), p90: quantile(decisionMsByCase[i]!, 0.9) },
  })),
  misjudged,
  colourPhaseMs: {
    mean: Math.round(durations.reduce((a, b) => a + b, 0) / durations.length),
    max: Math.max(...durations),
  },
  serverDecisionMs: { median: at(0.5), p90: at(0.9), max: at(1) },
  pageJsGzipBytes: { main: mainJs, largestLanguage: largestCatalogue },
};
await mkdir("test-artifacts", { recursive: true });
await writeFile("test-artifacts/reflection-eval.json", JSON.stringify(summary, null, 2));
console.log("| case | pass rate | result codes | decision median / p90 |\n|---|---|---|---|");
for (const c of summary.cases)
  console.log(
    `| ${c.name} | ${c.passed}/${c.total} (${(c.rate * 100).toFixed(1)} %) | ${Object.entries(c.codes)
      .map(([code, count]) => `${code} ×${count}`)
      .join(", ")} | ${c.decisionMs.median} / ${c.decisionMs.p90} ms |`,
  );
console.log(JSON.stringify({ ...summary, cases: undefined, misjudged: undefined }, null, 2));
