import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClipMaker } from "../../../engine/src/liveness/test-clips.ts";
import { sharedDataFile } from "../../../engine/src/video/shared-data.ts";
import { type LivenessCliResult, runLiveness } from "./liveness.ts";

function capture() {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const read = (stream: PassThrough) => stream.read()?.toString() ?? "";
  return { io: { stdout, stderr }, out: () => read(stdout), err: () => read(stderr) };
}

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "openekyc-cli-liveness-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("openekyc liveness", () => {
  it("prints usage and exits 2 on bad arguments", async () => {
    for (const args of [
      [],
      ["a.mp4", "b.mp4"],
      ["a.mp4", "--actions", "wink"],
      ["a.mp4", "--max-seconds", "0"],
    ]) {
      const run = capture();
      expect(await runLiveness(args, run.io)).toBe(2);
      expect(run.err()).toContain("Usage:");
    }
  });

  it("reports a file that is not a video with the pure-API code, exit 1", async () => {
    const file = join(dir, "junk.mp4");
    await writeFile(file, "this is not a video at all ".repeat(100));
    const run = capture();
    expect(await runLiveness([file, "--json"], run.io)).toBe(1);
    const result = JSON.parse(run.out()) as LivenessCliResult;
    expect(result).toMatchObject({
      passed: false,
      code: "FailedOperation.LipVideoInvalid",
      framesAnalysed: 0,
    });
  });

  const frontal = sharedDataFile("face_videos/liveportrait_d18.mp4");
  it.runIf(frontal)(
    "checks a real clip for a mouth action and writes the best frame",
    { timeout: 240_000 },
    async () => {
      const clips = await ClipMaker.create();
      try {
        const file = join(dir, "frontal.mp4");
        await writeFile(file, await clips.cut(frontal!, 0, 3.5, "frontal.mp4"));
        const bestFrame = join(dir, "best.jpg");
        const run = capture();
        const code = await runLiveness(
          [file, "--actions", "mouth", "--json", "--max-fps", "5", "--best-frame", bestFrame],
          run.io,
        );
        const result = JSON.parse(run.out()) as LivenessCliResult;
        expect(result.code).toBe("Success");
        expect(code).toBe(0);
        expect(result.actionsMatched.map((e) => e.action)).toEqual(["mouth"]);
        expect(result.actionsSeen.every((e) => e.peakMs >= 0 && e.peakMs <= 3500)).toBe(true);
        expect(result.framesAnalysed).toBeGreaterThan(15);
        expect(result.bestFrame?.timestampMs).toBeGreaterThanOrEqual(0);
        expect(result.antiSpoof?.frames.length).toBeGreaterThan(0);
        expect([...readFileSync(bestFrame).subarray(0, 2)]).toEqual([0xff, 0xd8]);
      } finally {
        await clips.dispose();
      }
    },
  );
});
