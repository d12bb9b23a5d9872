import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import {
  type CompareResult,
  compareEmbeddings,
  decodeImage,
  type FaceEmbedding,
  FaceEnginePool,
  progressBar,
} from "@openekyc/engine";
import { type CommandIo, parseArgs, writeLine } from "../io.ts";

const usage = `Usage:
  openekyc compare IMAGE_A IMAGE_B [--json]
  openekyc compare --pairs FILE.csv --jsonl [--workers N]   (CSV header: a,b)`;

/** An image's embedding, or the error code that stopped it (decode failures carry the catalogue code). */
type Embedded = { embedding: FaceEmbedding | null } | { error: string };

async function embedFile(pool: FaceEnginePool, file: string): Promise<Embedded> {
  try {
    return { embedding: await pool.embed(await decodeImage(readFileSync(file))) };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return { error: typeof code === "string" ? code : "IMAGE_READ_ERROR" };
  }
}

function scorePair(pool: FaceEnginePool, a: Embedded, b: Embedded): CompareResult | { error: string } {
  if ("error" in a) return { error: a.error };
  if ("error" in b) return { error: b.error };
  return compareEmbeddings(pool.calibration, a.embedding, b.embedding);
}

/** Minimal CSV: comma-separated, optional double quotes, header row naming the `a` and `b` columns. */
export function parsePairsCsv(text: string): { a: string; b: string }[] {
  const rows = text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "")
    .map((line) => line.split(",").map((cell) => cell.trim().replace(/^"(.*)"$/, "$1")));
  const header = rows.shift() ?? [];
  const ia = header.indexOf("a");
  const ib = header.indexOf("b");
  if (ia < 0 || ib < 0) throw new Error("the pairs file needs a header row with columns a and b");
  return rows.map((cells) => ({ a: cells[ia] ?? "", b: cells[ib] ?? "" }));
}

async function comparePairs(file: string, workers: number, io: CommandIo): Promise<number> {
  const base = path.dirname(path.resolve(file));
  // Relative paths are taken from the working directory, else from the CSV's own folder.
  const resolve = (p: string): string => (path.isAbsolute(p) || existsSync(p) ? p : path.join(base, p));
  const pairs = parsePairsCsv(readFileSync(file, "utf8"));
  const pool = new FaceEnginePool({ size: workers });
  try {
    const embeddings = new Map<string, Promise<Embedded>>();
    const embedOnce = (p: string): Promise<Embedded> => {
      const key = resolve(p);
      let pending = embeddings.get(key);
      if (!pending) {
        pending = embedFile(pool, key);
        embeddings.set(key, pending);
      }
      return pending;
    };
    const progress = progressBar(io.stderr, "compare");
    let done = 0;
    // The pool queues the work; results are written in input order as they complete.
    const results = pairs.map(async (pair) => {
      const [a, b] = await Promise.all([embedOnce(pair.a), embedOnce(pair.b)]);
      progress(++done, pairs.length);
      return scorePair(pool, a, b);
    });
    for (const [i, pending] of results.entries()) {
      const result = await pending;
      const pair = pairs[i]!;
      const similarity = "similarity" in result && !result.error ? result.similarity : null;
      writeLine(io.stdout, JSON.stringify({ a: pair.a, b: pair.b, similarity, error: result.error ?? null }));
    }
    return 0;
  } finally {
    await pool.close();
  }
}

async function compareTwo(
  fileA: string,
  fileB: string,
  options: { json: boolean; workers: number },
  io: CommandIo,
): Promise<number> {
  const pool = new FaceEnginePool({ size: options.workers });
  try {
    const [a, b] = await Promise.all([embedFile(pool, fileA), embedFile(pool, fileB)]);
    const result = scorePair(pool, a, b);
    if (options.json) writeLine(io.stdout, JSON.stringify({ a: fileA, b: fileB, ...result }));
    else if ("similarity" in result && !result.error) {
      writeLine(
        io.stdout,
        `similarity ${result.similarity} (70 ≈ FAR 1e-3, 80 ≈ FAR 1e-4), faces ${result.facesA}/${result.facesB}`,
      );
    } else writeLine(io.stdout, `error ${result.error}`);
    // A missing face is a result (reported in the output), not a failure of the command.
    return "error" in a || "error" in b ? 1 : 0;
  } finally {
    await pool.close();
  }
}

export async function runCompare(args: string[], io: CommandIo): Promise<number> {
  const { positional, flags } = parseArgs(args, ["json", "jsonl"]);
  const pairsFile = flags.get("pairs");
  const requested = Number(flags.get("workers") ?? 2);
  const workers = Number.isInteger(requested) && requested > 0 ? requested : 2;
  if (typeof pairsFile === "string") return comparePairs(pairsFile, workers, io);
  const [fileA, fileB] = positional;
  if (!fileA || !fileB || positional.length !== 2) {
    writeLine(io.stderr, usage);
    return 2;
  }
  return compareTwo(fileA, fileB, { json: flags.has("json"), workers }, io);
}
