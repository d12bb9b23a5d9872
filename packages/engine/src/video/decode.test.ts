import { readFileSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeVideo } from "./decode.ts";
import { VideoInputError } from "./errors.ts";
import { runFfmpeg } from "./ffmpeg.ts";
import { encodeJpeg } from "./jpeg.ts";
import { sharedDataFile } from "./shared-data.ts";

let dir = "";

/** Makes a short test-pattern clip in the given container with ffmpeg's own synthetic source. */
async function makeClip(
  name: string,
  codecArgs: string[],
  size = "320x240",
  seconds = 2,
): Promise<Uint8Array> {
  const file = join(dir, name);
  const run = await runFfmpeg(
    ["-f", "lavfi", "-i", `testsrc=size=${size}:rate=25`, "-t", String(seconds), ...codecArgs, "-y", file],
    { timeoutMs: 30_000, maxStdoutBytes: 1024 },
  );
  expect(run.code, run.stderr.slice(-500)).toBe(0);
  return readFile(file);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "openekyc-video-test-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("decodeVideo on generated clips", () => {
  const containers: Array<[string, string[]]> = [
    ["clip.mp4", ["-c:v", "libx264", "-pix_fmt", "yuv420p"]],
    ["clip.mov", ["-c:v", "libx264", "-pix_fmt", "yuv420p"]],
    ["clip.webm", ["-c:v", "libvpx", "-b:v", "500k"]],
    ["clip.avi", ["-c:v", "mpeg4"]],
    ["clip.flv", ["-c:v", "flv"]],
  ];
  for (const [name, codecArgs] of containers) {
    it(`decodes ${name} into timed RGB frames`, async () => {
      const video = await decodeVideo(await makeClip(name, codecArgs));
      expect(video.frames.length).toBeGreaterThanOrEqual(28);
      expect(video.frames.length).toBeLessThanOrEqual(31);
      expect(video.sampledFps).toBe(15);
      const first = video.frames[0]!;
      expect([first.width, first.height]).toEqual([320, 240]);
      expect(first.data.length).toBe(320 * 240 * 3);
      expect(first.timestampMs).toBe(0);
      const steps = video.frames.slice(1).map((f, i) => f.timestampMs - video.frames[i]!.timestampMs);
      for (const step of steps) expect(Math.abs(step - 1000 / 15)).toBeLessThanOrEqual(1);
      expect(video.durationMs).toBeGreaterThanOrEqual(1900);
    });
  }

  it("downscales to the long-side cap and lowers the rate to stay within the frame budget", async () => {
    const bytes = await makeClip(
      "big.mp4",
      ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"],
      "1280x720",
      4,
    );
    const video = await decodeVideo(bytes, { maxFrames: 20 });
    expect([video.frames[0]!.width, video.frames[0]!.height]).toEqual([640, 360]);
    expect(video.frames.length).toBeLessThanOrEqual(22);
    expect(video.sampledFps).toBeCloseTo(5, 5);
  });

  it("applies a phone's rotation tag (portrait MOV recorded as landscape pixels)", async () => {
    await makeClip("land.mp4", ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]);
    const rotated = join(dir, "portrait.mov");
    const run = await runFfmpeg(
      ["-i", join(dir, "land.mp4"), "-c", "copy", "-metadata:s:v:0", "rotate=90", "-y", rotated],
      { timeoutMs: 30_000, maxStdoutBytes: 1024 },
    );
    expect(run.code).toBe(0);
    const video = await decodeVideo(await readFile(rotated));
    expect(video.probe.rotation % 180).toBe(90);
    expect([video.frames[0]!.width, video.frames[0]!.height]).toEqual([240, 320]);
  });

  it("refuses garbage, images, playlists, empty, oversized, too long and tiny inputs with a reason", async () => {
    const cases: Array<[Uint8Array, Parameters<typeof decodeVideo>[1], string]> = [
      [new TextEncoder().encode("definitely not a video ".repeat(200)), {}, "invalid"],
      [await makeClip("still.jpg", ["-frames:v", "1"]), {}, "invalid"],
      [
        // An HLS playlist would make ffmpeg fetch URLs (SSRF) or read local files; the demuxer whitelist stops it.
        new TextEncoder().encode(
          "#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2,\nhttp://127.0.0.1:9/seg.ts\n#EXT-X-ENDLIST\n",
        ),
        {},
        "invalid",
      ],
      [new Uint8Array(0), {}, "empty"],
      [await makeClip("a.mp4", ["-c:v", "libx264"]), { maxBytes: 100 }, "too_large"],
      [await makeClip("long.mp4", ["-c:v", "libx264"], "160x120", 6), { maxDurationSeconds: 5 }, "too_long"],
      [await makeClip("tiny.mp4", ["-c:v", "libx264"], "64x48"), {}, "low_resolution"],
    ];
    for (const [bytes, limits, problem] of cases) {
      const error = await decodeVideo(bytes, limits).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(VideoInputError);
      expect((error as VideoInputError).problem).toBe(problem);
    }
  });

  it("encodes a frame as JPEG", async () => {
    const video = await decodeVideo(await makeClip("j.mp4", ["-c:v", "libx264"]));
    const jpeg = await encodeJpeg(video.frames[5]!);
    expect([...jpeg.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    expect(jpeg.length).toBeGreaterThan(2000);
  });
});

describe("decodeVideo on the shared face videos", () => {
  const nonSquare = sharedDataFile("face_videos/liveportrait_d9.mp4");
  const webm = sharedDataFile("face_videos/zubair_real.webm");
  const long = sharedDataFile("face_videos/liveportrait_d6.mp4");

  it.runIf(nonSquare)("corrects non-square pixels (512x480, SAR 15:16 → square)", async () => {
    const video = await decodeVideo(readFileSync(nonSquare!));
    expect([video.frames[0]!.width, video.frames[0]!.height]).toEqual([480, 480]);
    expect(video.durationMs).toBe(19_600);
    expect(video.frames.length).toBeLessThanOrEqual(150);
  });

  it.runIf(webm)("reads VP8 WebM from a webcam", async () => {
    const video = await decodeVideo(readFileSync(webm!));
    expect(video.probe.codec).toBe("vp8");
    expect([video.frames[0]!.width, video.frames[0]!.height]).toEqual([640, 360]);
  });

  it.runIf(long)("refuses a 33 s clip under the default 20 s limit", async () => {
    const error = await decodeVideo(readFileSync(long!)).catch((e: unknown) => e);
    expect((error as VideoInputError).problem).toBe("too_long");
  });
});
