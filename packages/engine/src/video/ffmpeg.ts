import { spawn } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** The static ffmpeg binary shipped by `@ffmpeg-installer/ffmpeg` (no system ffmpeg needed). */
export function ffmpegPath(): string {
  const installer = require("@ffmpeg-installer/ffmpeg") as { path: string };
  return installer.path;
}

export interface FfmpegRun {
  readonly code: number | null;
  readonly stdout: Buffer;
  readonly stderr: string;
  /** True when the run was killed because it passed `timeoutMs`. */
  readonly timedOut: boolean;
  /** True when stdout passed `maxStdoutBytes` and the run was killed. */
  readonly overflowed: boolean;
}

export interface FfmpegOptions {
  readonly timeoutMs: number;
  readonly maxStdoutBytes: number;
  readonly stdin?: Uint8Array;
}

/** Stderr is only parsed for stream facts and frame timestamps; keep the tail bounded. */
const MAX_STDERR_CHARS = 4 * 1024 * 1024;

/** Runs ffmpeg with a hard time limit and a cap on what it may write, never through a shell. */
export function runFfmpeg(args: readonly string[], options: FfmpegOptions): Promise<FfmpegRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpegPath(), ["-nostdin", "-hide_banner", ...args], {
      stdio: [options.stdin ? "pipe" : "ignore", "pipe", "pipe"],
    });
    const { stdout, stderr: stderrStream } = child;
    if (!stdout || !stderrStream) throw new Error("ffmpeg was spawned without output pipes");
    const chunks: Buffer[] = [];
    let stdoutBytes = 0;
    let stderr = "";
    let timedOut = false;
    let overflowed = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, options.timeoutMs);
    stdout.on("data", (chunk: Buffer) => {
      stdoutBytes += chunk.length;
      if (stdoutBytes > options.maxStdoutBytes) {
        overflowed = true;
        child.kill("SIGKILL");
        return;
      }
      chunks.push(chunk);
    });
    stderrStream.setEncoding("utf8");
    stderrStream.on("data", (text: string) => {
      if (stderr.length < MAX_STDERR_CHARS) stderr += text;
    });
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(chunks), stderr, timedOut, overflowed });
    });
    if (options.stdin && child.stdin) {
      // ffmpeg may exit before reading everything (e.g. on a bad header); that is reported through its exit code.
      child.stdin.on("error", () => {});
      child.stdin.end(options.stdin);
    }
  });
}
