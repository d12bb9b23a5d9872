import type { RgbImage } from "../types.ts";
import { runFfmpeg } from "./ffmpeg.ts";

/** Encodes RGB pixels as a baseline JPEG (the best frame the API returns as BestFrameBase64). */
export async function encodeJpeg(image: RgbImage, quality = 90): Promise<Buffer> {
  // ffmpeg's mjpeg qscale runs 2 (best) … 31 (worst); map the familiar 1-100 scale onto it.
  const qscale = Math.round(2 + ((100 - Math.min(100, Math.max(1, quality))) / 99) * 29);
  const run = await runFfmpeg(
    [
      "-f",
      "rawvideo",
      "-pix_fmt",
      "rgb24",
      "-s",
      `${image.width}x${image.height}`,
      "-i",
      "pipe:0",
      "-frames:v",
      "1",
      "-q:v",
      String(qscale),
      "-pix_fmt",
      "yuvj420p",
      "-f",
      "image2pipe",
      "-vcodec",
      "mjpeg",
      "pipe:1",
    ],
    { stdin: image.data, timeoutMs: 10_000, maxStdoutBytes: 16 * 1024 * 1024 },
  );
  if (run.code !== 0 || run.stdout.length === 0) {
    throw new Error(`JPEG encoding failed: ${run.stderr.split("\n").slice(-3).join(" ").trim()}`);
  }
  return run.stdout;
}
