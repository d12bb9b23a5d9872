import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCompare } from "../../cli/src/commands/compare.ts";
import { FaceEnginePool } from "../src/pool/pool.ts";
import { decodeFile, deepface } from "./shared-faces.ts";

function capture(): { io: { stdout: PassThrough; stderr: PassThrough }; out: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let text = "";
  stdout.on("data", (chunk: Buffer) => {
    text += chunk.toString();
  });
  stderr.resume();
  return { io: { stdout, stderr }, out: () => text };
}

describe("FaceEnginePool (worker threads)", () => {
  let pool: FaceEnginePool;
  beforeAll(async () => {
    pool = new FaceEnginePool({ size: 2 });
    await pool.ready();
  });
  afterAll(async () => {
    await pool.close();
  });

  it("answers detect and compare from workers, with the event loop free meanwhile", async () => {
    const [a, b, other] = await Promise.all(
      ["img1.jpg", "img2.jpg", "img17.jpg"].map((f) => decodeFile(deepface(f))),
    );
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const [faces, genuine, impostor] = await Promise.all([
      pool.detect(a!),
      pool.compare(a!, b!),
      pool.compare(a!, other!),
    ]);
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(3);
    expect(faces).toHaveLength(1);
    expect(genuine.similarity).toBeGreaterThan(impostor.similarity);
    expect(genuine.similarity).toBeGreaterThanOrEqual(70);
    expect(impostor.similarity).toBeLessThan(70);
  });

  it("reports each worker's memory", async () => {
    const memory = await pool.memory();
    expect(memory).toHaveLength(2);
    for (const m of memory) {
      expect(m.rss).toBeGreaterThan(m.heapUsed);
      expect(m.tensorCount).toBeGreaterThan(0);
    }
  });

  it("rejects a malformed frame and keeps serving", async () => {
    await expect(pool.detect({ width: 10, height: 10, data: new Uint8Array(5) })).rejects.toBeInstanceOf(
      Error,
    );
    expect((await pool.detect(await decodeFile(deepface("img20.jpg")))).length).toBe(1);
  });
});

describe("openekyc compare", () => {
  it("compares two images as one JSON object", async () => {
    const { io, out } = capture();
    const code = await runCompare(
      [deepface("img1.jpg"), deepface("img2.jpg"), "--json", "--workers", "1"],
      io,
    );
    expect(code).toBe(0);
    const result = JSON.parse(out());
    expect(result.similarity).toBeGreaterThanOrEqual(70);
    expect(result).toMatchObject({ facesA: 1, facesB: 1 });
    expect(Object.keys(result.thresholds)).toEqual(["1e-3", "1e-4", "1e-5", "1e-6"]);
  });

  it("compares a CSV of pairs as JSON lines in input order, null similarity for a missing face", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "openekyc-compare-"));
    const notAFace = path.join(dir, "blank.txt");
    writeFileSync(notAFace, "not an image");
    const blank = path.join(dir, "blank.png");
    await sharp({ create: { width: 320, height: 240, channels: 3, background: "#999" } })
      .png()
      .toFile(blank);
    const csv = path.join(dir, "pairs.csv");
    const rows = [
      [deepface("img1.jpg"), deepface("img2.jpg")],
      [deepface("img1.jpg"), notAFace],
      [blank, deepface("img2.jpg")],
    ];
    writeFileSync(csv, `a,b\n${rows.map((r) => r.join(",")).join("\n")}\n`);
    const { io, out } = capture();
    expect(await runCompare(["--pairs", csv, "--jsonl", "--workers", "1"], io)).toBe(0);
    const lines = out()
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ a: deepface("img1.jpg"), error: null });
    expect(lines[0].similarity).toBeGreaterThanOrEqual(70);
    expect(lines[1]).toMatchObject({ similarity: null, error: "IMAGE_DECODE_ERROR" });
    expect(lines[2]).toMatchObject({ a: blank, similarity: null, error: "NO_FACE_FOUND" });
  });
});
