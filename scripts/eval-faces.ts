/**
 * Face verification accuracy on ../shared/data (face_verify_lfw, face_verify_deepface) with the committed
 * calibration. Prints detection failures, EER, TAR at FAR 1e-2 / 1e-3 and accuracy at the calibrated FAR-1e-3
 * threshold per set, and writes a ROC plot PNG. Usage: npm run eval:faces [-- --out FILE.png] [--workers 2]
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defaultCalibration, FaceEnginePool } from "@openekyc/engine";
import { embedFiles } from "../packages/engine/src/evaluation/embed-cache.ts";
import { rocCurve, verificationMetrics } from "../packages/engine/src/evaluation/metrics.ts";
import {
  buildPairSets,
  type EmbeddingPair,
  loadEvaluationData,
  type PairSet,
} from "../packages/engine/src/evaluation/pair-sets.ts";
import { progressBar } from "../packages/engine/src/evaluation/progress.ts";
import { type RocSeries, renderRocPng } from "../packages/engine/src/evaluation/roc-plot.ts";
import { variantDistance } from "../packages/engine/src/evaluation/variants.ts";

const repo = path.resolve(fileURLToPath(new URL("..", import.meta.url)));
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const out = path.resolve(arg("--out") ?? path.join(repo, ".tmp", "face-roc.png"));
const cal = defaultCalibration();
const variant = { name: "calibrated", ...cal.metric };

const data = loadEvaluationData();
const pool = new FaceEnginePool({ size: Number(arg("--workers") ?? 2) });
const embeddings = await embedFiles(
  pool,
  data.allFiles,
  path.join(repo, ".tmp"),
  progressBar(process.stderr, "embedding"),
);
await pool.close();
const sets = buildPairSets(data, embeddings);

/** A pair with a missed face counts as a non-match (infinite distance). */
const distance = ([a, b]: EmbeddingPair): number =>
  a && b ? variantDistance(variant, a, b) : Number.POSITIVE_INFINITY;
const threshold1e3 = cal.distanceAtFar["1e-3"];
const pct = (v: number): string => `${(v * 100).toFixed(2)}%`;

const rows: { name: string; note: string; set: PairSet }[] = [
  { name: "LFW fold 1, held-out people (official pairs)", note: "report half", set: sets.lfwReportOfficial },
  { name: "LFW fold 1, held-out people (all pairs)", note: "report half", set: sets.lfwReportAllPairs },
  { name: "LFW fold 1 (all official pairs)", note: "half its people calibrated", set: sets.lfwOfficial },
  { name: "deepface (official pairs)", note: "used for calibration", set: sets.deepfaceOfficial },
];
const images = (set: "lfw" | "deepface"): { total: number; missed: number } => {
  const files = [...data[set].identities.keys()];
  return { total: files.length, missed: files.filter((f) => !embeddings.get(f)).length };
};
for (const set of ["lfw", "deepface"] as const) {
  const { total, missed } = images(set);
  console.log(`${set}: ${missed} of ${total} images without a detected face`);
}
console.log(`calibrated FAR-1e-3 distance threshold: ${threshold1e3.toFixed(4)}`);
const series: RocSeries[] = [];
for (const row of rows) {
  const genuine = row.set.genuine.map(distance);
  const impostor = row.set.impostor.map(distance);
  const m = verificationMetrics(genuine, impostor);
  const missedPairs = [...row.set.genuine, ...row.set.impostor].filter(([a, b]) => !a || !b).length;
  const correct =
    genuine.filter((d) => d < threshold1e3).length + impostor.filter((d) => d >= threshold1e3).length;
  const falseAccepts = impostor.filter((d) => d < threshold1e3).length;
  console.log(
    `${row.name} [${row.note}]: ${m.genuine} genuine / ${m.impostor} impostor pairs, ${missedPairs} with a missed face | ` +
      `EER ${pct(m.eer)} | TAR@FAR1e-2 ${pct(m.tarAtFar["1e-2"])} | TAR@FAR1e-3 ${pct(m.tarAtFar["1e-3"])} | ` +
      `at the calibrated 1e-3 threshold: accuracy ${pct(correct / (genuine.length + impostor.length))}, ` +
      `TAR ${pct(genuine.filter((d) => d < threshold1e3).length / genuine.length)}, FAR ${(falseAccepts / impostor.length).toExponential(2)}`,
  );
  if (row.set !== sets.deepfaceOfficial)
    series.push({ label: row.name, points: rocCurve(genuine, impostor) });
}
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, await renderRocPng(series, "openekyc face verification ROC"));
console.log(`ROC plot: ${out}`);
