import { readFile } from "node:fs/promises";
import {
  encodeCapturePackage,
  type FaceEngineApi,
  generateReflectSequence,
  mulberry32,
  type ReflectSequence,
  sequenceFromWire,
  synthesiseCapture,
  type WireSequence,
} from "@openekyc/engine";
import sharp from "sharp";

export type CaptureKind = "bona-fide" | "print" | "replay" | "late";

export interface PhotoCaptureOptions {
  readonly engine: FaceEngineApi;
  readonly photoPath: string;
  readonly sequence: WireSequence | ReflectSequence;
  readonly kind: CaptureKind;
  readonly seed: number;
  /** Screen light relative to ambient on the face (0.02 bright room … 0.06 dim room). */
  readonly reflectionStrength?: number;
  readonly width?: number;
}

/** A real face photo, scaled to a phone-capture size, with its face box from the engine's detector. */
export async function loadPhoto(engine: FaceEngineApi, path: string, width = 240) {
  const { data, info } = await sharp(await readFile(path))
    .rotate()
    .resize({ width })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const image = { width: info.width, height: info.height, data: new Uint8Array(data) };
  const faces = await engine.detect(image, { maxFaces: 1 });
  if (!faces[0]) throw new Error(`no face in ${path}`);
  return { image: { ...image, channels: 3 as const }, faceBox: faces[0].box };
}

/**
 * What a native app or test would upload: the photo relit frame by frame with the synthetic physics
 * (engine `synthesiseCapture`), each frame a real JPEG.
 */
export async function photoCapturePackage(options: PhotoCaptureOptions): Promise<Uint8Array> {
  const sequence = "SequenceId" in options.sequence ? sequenceFromWire(options.sequence) : options.sequence;
  const photo = await loadPhoto(options.engine, options.photoPath, options.width);
  const random = mulberry32(options.seed + 7919);
  const other = generateReflectSequence({ randomInt: (max) => Math.floor(random() * max) });
  const capture = synthesiseCapture({
    sequence,
    seed: options.seed,
    photo,
    reflectionStrength: options.reflectionStrength ?? 0.04,
    respondTo: options.kind === "print" ? "none" : options.kind === "replay" ? other : "sequence",
    extraDelayMs: options.kind === "late" ? 300 : 0,
  });
  const frames = await Promise.all(
    capture.frames.map(async (f) => ({
      t: f.t,
      jpeg: new Uint8Array(
        await sharp(f.frame.data, { raw: { width: f.frame.width, height: f.frame.height, channels: 3 } })
          .jpeg({ quality: 82 })
          .toBuffer(),
      ),
    })),
  );
  return encodeCapturePackage({ sequenceId: sequence.id, frames, timeline: capture.timeline });
}
