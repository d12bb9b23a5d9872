import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runFfmpeg } from "../video/ffmpeg.ts";

/**
 * Test fixtures cut at test time from the shared face videos (never copied into the repository):
 * ffmpeg re-encodes the requested window so cuts land on exact times, not keyframes.
 */
export class ClipMaker {
  private constructor(readonly dir: string) {}

  static async create(): Promise<ClipMaker> {
    return new ClipMaker(await mkdtemp(join(tmpdir(), "openekyc-clips-")));
  }

  async dispose(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }

  /** Runs ffmpeg with `args` writing to a fresh file; returns its bytes. */
  async make(name: string, args: readonly string[]): Promise<Uint8Array> {
    const out = join(this.dir, name);
    const run = await runFfmpeg(
      [...args, "-an", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-y", out],
      {
        timeoutMs: 60_000,
        maxStdoutBytes: 1024,
      },
    );
    if (run.code !== 0) throw new Error(`ffmpeg failed making ${name}: ${run.stderr.slice(-400)}`);
    return readFile(out);
  }

  /** The window [from, from + seconds) of a video. */
  cut(source: string, from: number, seconds: number, name: string): Promise<Uint8Array> {
    return this.make(name, ["-ss", String(from), "-i", source, "-t", String(seconds)]);
  }

  /** One frame of `source` (at `at` seconds) held still for `seconds`: a photo posing as a video. */
  async still(source: string, at: number, seconds: number, name: string): Promise<Uint8Array> {
    const frame = join(this.dir, `${name}.png`);
    const grab = await runFfmpeg(["-ss", String(at), "-i", source, "-frames:v", "1", "-y", frame], {
      timeoutMs: 30_000,
      maxStdoutBytes: 1024,
    });
    if (grab.code !== 0) throw new Error(`ffmpeg failed grabbing a frame: ${grab.stderr.slice(-400)}`);
    return this.make(name, ["-loop", "1", "-framerate", "25", "-i", frame, "-t", String(seconds)]);
  }

  /** Two videos side by side (both scaled to `height`), for `seconds`. */
  sideBySide(
    left: string,
    right: string,
    seconds: number,
    height: number,
    name: string,
  ): Promise<Uint8Array> {
    return this.make(name, [
      "-i",
      left,
      "-i",
      right,
      "-t",
      String(seconds),
      "-filter_complex",
      `[0:v]scale=-2:${height},setsar=1[a];[1:v]scale=-2:${height},setsar=1[b];[a][b]hstack=inputs=2`,
    ]);
  }

  /** `first` for `seconds`, then `second` for `seconds` (both scaled to size×size): a face swap mid-video. */
  backToBack(
    first: string,
    second: string,
    seconds: number,
    size: number,
    name: string,
  ): Promise<Uint8Array> {
    const fit = `scale=${size}:${size}:force_original_aspect_ratio=decrease,pad=${size}:${size}:(ow-iw)/2:(oh-ih)/2,setsar=1,fps=25`;
    return this.make(name, [
      "-t",
      String(seconds),
      "-i",
      first,
      "-t",
      String(seconds),
      "-i",
      second,
      "-filter_complex",
      `[0:v]${fit}[a];[1:v]${fit}[b];[a][b]concat=n=2:v=1:a=0`,
    ]);
  }

  /** ffmpeg's synthetic test pattern: a video with no face in it. */
  noFace(seconds: number, name: string): Promise<Uint8Array> {
    return this.make(name, ["-f", "lavfi", "-i", `testsrc=size=480x360:rate=25`, "-t", String(seconds)]);
  }
}
