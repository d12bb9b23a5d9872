import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { type FaceEngineApi, ffmpegPath, type RgbImage } from "@openekyc/engine";
import sharp from "sharp";

const run = promisify(execFile);

/** Frames `fromS`…`toS` of a real face video at `fps`, scaled to `width` (square clips stay square). */
export async function videoFrames(
  path: string,
  fromS: number,
  toS: number,
  fps: number,
  width = 240,
): Promise<RgbImage[]> {
  const probe = await sharp(await firstFrameJpeg(path, fromS)).metadata();
  const height = Math.round(((probe.height ?? width) * width) / (probe.width ?? width) / 2) * 2;
  const { stdout } = await run(
    ffmpegPath(),
    [
      ...["-nostdin", "-hide_banner", "-loglevel", "error", "-ss", String(fromS), "-t", String(toS - fromS)],
      ...[
        "-i",
        path,
        "-vf",
        `fps=${fps},scale=${width}:${height}`,
        "-f",
        "rawvideo",
        "-pix_fmt",
        "rgb24",
        "-",
      ],
    ],
    { encoding: "buffer", maxBuffer: 256 * 1024 * 1024 },
  );
  const size = width * height * 3;
  const frames: RgbImage[] = [];
  for (let offset = 0; offset + size <= stdout.length; offset += size)
    frames.push({ width, height, data: new Uint8Array(stdout.subarray(offset, offset + size)) });
  return frames;
}

async function firstFrameJpeg(path: string, atS: number): Promise<Buffer> {
  const { stdout } = await run(
    ffmpegPath(),
    ["-nostdin", "-loglevel", "error", "-ss", String(atS), "-i", path, "-frames:v", "1", "-f", "mjpeg", "-"],
    { encoding: "buffer", maxBuffer: 32 * 1024 * 1024 },
  );
  return stdout;
}

export async function frameJpeg(
  frame: { readonly width: number; readonly height: number; readonly data: Uint8Array | Uint8ClampedArray },
  quality = 92,
): Promise<Buffer> {
  return sharp(frame.data, { raw: { width: frame.width, height: frame.height, channels: 3 } })
    .jpeg({ quality })
    .toBuffer();
}

const dataUrl = (jpeg: Buffer) => `data:image/jpeg;base64,${jpeg.toString("base64")}`;

/**
 * The synthetic camera set up to perform one action for real: it shows the clip's first frame, plays the
 * clip (e.g. a real blink) when the page prompts `action`, then holds the clip's last frame for the colour
 * phase. The face box the camera lights is the engine's detection on that last frame.
 */
export async function cameraActionClip(
  engine: FaceEngineApi,
  action: string,
  clip: readonly RgbImage[],
  fps: number,
) {
  const last = clip.at(-1)!;
  const [face] = await engine.detect(last, { maxFaces: 1 });
  if (!face) throw new Error("no face in the clip's last frame");
  const urls = await Promise.all(clip.map(async (frame) => dataUrl(await frameJpeg(frame))));
  return { photo: urls[0]!, faceBox: face.box, clips: { [action]: { frames: urls, fps } } };
}
