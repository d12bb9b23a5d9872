import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RgbImage } from "../types.ts";
import { VideoInputError } from "./errors.ts";
import { runFfmpeg } from "./ffmpeg.ts";
import { parseProbe, type VideoProbe } from "./probe.ts";

/** One decoded frame: RGB pixels plus where it sits in the video. */
export interface VideoFrame extends RgbImage {
  readonly index: number;
  readonly timestampMs: number;
}

export interface DecodedVideo {
  readonly probe: VideoProbe;
  readonly frames: readonly VideoFrame[];
  /** Container duration, or the last frame's time plus one frame interval when the container does not say. */
  readonly durationMs: number;
  /** Frames per second actually sampled (after the caps). */
  readonly sampledFps: number;
}

export interface VideoDecodeLimits {
  /** Largest encoded input, bytes. */
  readonly maxBytes: number;
  /** Longest video accepted, seconds. */
  readonly maxDurationSeconds: number;
  /** Most frames handed to analysis; the sampling rate drops to stay under it. */
  readonly maxFrames: number;
  /** Highest sampling rate, frames per second. */
  readonly maxFps: number;
  /** Frames are downscaled so the longer side is at most this. */
  readonly maxLongSide: number;
  /** Below this longer side the video is refused as too low in definition. */
  readonly minLongSide: number;
  /** Wall-clock limit for each ffmpeg run. */
  readonly timeoutMs: number;
}

export const defaultVideoDecodeLimits: VideoDecodeLimits = {
  maxBytes: 16 * 1024 * 1024,
  maxDurationSeconds: 20,
  maxFrames: 150,
  maxFps: 15,
  maxLongSide: 640,
  minLongSide: 120,
  timeoutMs: 30_000,
};

/**
 * Demuxers ffmpeg may open: MP4/MOV (and 3GP), Matroska/WebM, AVI, FLV. Anything else (images, playlists,
 * concat lists that could read other files or URLs) is refused before a byte is demuxed.
 */
const FORMAT_WHITELIST = "mov,mp4,m4a,3gp,3g2,mj2,matroska,webm,avi,flv";
const INPUT_GUARDS = ["-protocol_whitelist", "file", "-format_whitelist", FORMAT_WHITELIST];
const PROBE_TIMEOUT_MS = 5_000;
const SHOWINFO_TIME = /\bn:\s*(\d+)\s+pts:\s*-?\d+\s+pts_time:(-?\d+(?:\.\d+)?)/g;

/** Decodes a video into evenly sampled, downscaled RGB frames with their timestamps. */
export async function decodeVideo(
  bytes: Uint8Array,
  limits: Partial<VideoDecodeLimits> = {},
): Promise<DecodedVideo> {
  const caps = { ...defaultVideoDecodeLimits, ...limits };
  if (bytes.length === 0) throw new VideoInputError("empty", "The video is empty.");
  if (bytes.length > caps.maxBytes) {
    throw new VideoInputError(
      "too_large",
      `The video is ${bytes.length} bytes; the limit is ${caps.maxBytes}.`,
    );
  }
  const dir = await mkdtemp(join(tmpdir(), "openekyc-video-"));
  try {
    const file = join(dir, "input");
    await writeFile(file, bytes);
    const probe = await probeFile(file);
    checkProbe(probe, caps);
    return await sampleFrames(file, probe, caps);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function probeFile(file: string): Promise<VideoProbe> {
  const run = await runFfmpeg([...INPUT_GUARDS, "-i", file], {
    timeoutMs: PROBE_TIMEOUT_MS,
    maxStdoutBytes: 0,
  });
  if (run.timedOut) throw new VideoInputError("timeout", "Reading the video header took too long.");
  const probe = parseProbe(run.stderr);
  if (!probe) {
    throw new VideoInputError(
      "invalid",
      "The video format is incorrect: no MP4, MOV, WebM, AVI or FLV video stream could be read.",
    );
  }
  return probe;
}

function checkProbe(probe: VideoProbe, caps: VideoDecodeLimits): void {
  if (probe.durationSeconds !== null && probe.durationSeconds > caps.maxDurationSeconds) {
    throw new VideoInputError(
      "too_long",
      `The video lasts ${probe.durationSeconds.toFixed(1)} s; the limit is ${caps.maxDurationSeconds} s.`,
    );
  }
  if (Math.max(probe.width, probe.height) < caps.minLongSide) {
    throw new VideoInputError(
      "low_resolution",
      `The video is ${probe.width}x${probe.height}; the longer side must be at least ${caps.minLongSide} px.`,
    );
  }
}

/** Output size: the display size scaled so the longer side fits, rounded to even numbers for the scaler. */
export function frameSize(probe: VideoProbe, maxLongSide: number): { width: number; height: number } {
  const scale = Math.min(1, maxLongSide / Math.max(probe.width, probe.height));
  const even = (value: number) => Math.max(2, Math.round((value * scale) / 2) * 2);
  return { width: even(probe.width), height: even(probe.height) };
}

export function samplingFps(probe: VideoProbe, caps: VideoDecodeLimits): number {
  const duration = probe.durationSeconds ?? caps.maxDurationSeconds;
  const byFrameBudget = caps.maxFrames / Math.max(duration, 0.1);
  return Math.max(1, Math.min(caps.maxFps, probe.fps ?? caps.maxFps, byFrameBudget));
}

async function sampleFrames(file: string, probe: VideoProbe, caps: VideoDecodeLimits): Promise<DecodedVideo> {
  const { width, height } = frameSize(probe, caps.maxLongSide);
  const fps = samplingFps(probe, caps);
  const frameBytes = width * height * 3;
  // Decode a little past the limit so a container that hides its duration is still caught as too long.
  const decodeSeconds = caps.maxDurationSeconds + 0.5;
  const maxOutputFrames = Math.min(caps.maxFrames, Math.ceil(fps * decodeSeconds)) + 2;
  const run = await runFfmpeg(
    [
      ...INPUT_GUARDS,
      "-i",
      file,
      "-t",
      decodeSeconds.toFixed(2),
      "-an",
      "-sn",
      "-dn",
      "-vf",
      `fps=${fps.toFixed(4)},scale=${width}:${height}:flags=area,setsar=1,showinfo`,
      "-frames:v",
      String(maxOutputFrames),
      "-f",
      "rawvideo",
      "-pix_fmt",
      "rgb24",
      "pipe:1",
    ],
    { timeoutMs: caps.timeoutMs, maxStdoutBytes: frameBytes * maxOutputFrames },
  );
  if (run.timedOut) throw new VideoInputError("timeout", "Decoding the video took too long.");
  const frameCount = Math.floor(run.stdout.length / frameBytes);
  if (run.code !== 0 && frameCount === 0) {
    throw new VideoInputError("invalid", "The video format is incorrect: its frames could not be decoded.");
  }
  if (frameCount === 0) throw new VideoInputError("empty", "The video contains no frames.");
  const times = frameTimes(run.stderr, frameCount, fps);
  const frames: VideoFrame[] = [];
  for (let index = 0; index < frameCount; index++) {
    const start = index * frameBytes;
    frames.push({
      index,
      timestampMs: times[index] ?? Math.round((index * 1000) / fps),
      width,
      height,
      // A copy per frame: a view would drag the whole decode buffer along when a frame is posted to a worker.
      data: Uint8Array.prototype.slice.call(run.stdout, start, start + frameBytes),
    });
  }
  const lastMs = frames[frames.length - 1]?.timestampMs ?? 0;
  const durationMs = probe.durationSeconds !== null ? probe.durationSeconds * 1000 : lastMs + 1000 / fps;
  if (durationMs > caps.maxDurationSeconds * 1000) {
    throw new VideoInputError("too_long", `The video lasts more than ${caps.maxDurationSeconds} s.`);
  }
  return { probe, frames, durationMs: Math.round(durationMs), sampledFps: fps };
}

/** Frame times from ffmpeg's showinfo lines (ms), relative to the first frame. */
function frameTimes(stderr: string, frameCount: number, fps: number): number[] {
  const times: number[] = [];
  for (const match of stderr.matchAll(SHOWINFO_TIME)) {
    const n = Number(match[1]);
    if (n < frameCount) times[n] = Number(match[2]) * 1000;
  }
  const origin = times[0] ?? 0;
  return Array.from({ length: frameCount }, (_, i) =>
    Math.round(times[i] !== undefined ? times[i] - origin : (i * 1000) / fps),
  );
}
