import { readFile } from "node:fs/promises";
import type { FaceEngineApi } from "@openekyc/engine";
import sharp from "sharp";

export interface CameraScene {
  readonly photo: string;
  readonly faceBoxes: readonly { x: number; y: number; width: number; height: number }[];
}

const dataUrl = async (image: sharp.Sharp) =>
  `data:image/jpeg;base64,${(await image.jpeg({ quality: 92 }).toBuffer()).toString("base64")}`;

async function facesIn(engine: FaceEngineApi, jpeg: Buffer) {
  const { data, info } = await sharp(jpeg).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const image = { width: info.width, height: info.height, data: new Uint8Array(data) };
  return engine.detect(image, { maxFaces: 4 });
}

/**
 * The camera pointed at the body below the face (the user holds the phone too low): a real part of a real
 * photo, checked face-free by the engine's own detector so the case cannot pass by accident.
 */
export async function noFaceScene(engine: FaceEngineApi, path: string): Promise<CameraScene> {
  const source = await sharp(await readFile(path))
    .rotate()
    .toBuffer();
  const { width, height } = await sharp(source).metadata();
  const [face] = await facesIn(engine, source);
  if (!face) throw new Error(`no face in ${path}: the scene needs one to crop below`);
  const top = Math.round(face.box.y + face.box.height * 1.1);
  if (top > height! - 64) throw new Error(`${path} shows too little below the face for a no-face scene`);
  const jpeg = await sharp(source)
    .extract({ left: 0, top, width: width!, height: height! - top })
    .resize({ width: 240 })
    .jpeg({ quality: 92 })
    .toBuffer();
  const found = await facesIn(engine, jpeg);
  if (found.length > 0)
    throw new Error(`the no-face scene cut from ${path} still shows ${found.length} face(s)`);
  return { photo: await dataUrl(sharp(jpeg)), faceBoxes: [] };
}

/** Two real people side by side (a second person looking over the user's shoulder), each lit by the screen. */
export async function twoFaceScene(engine: FaceEngineApi, left: string, right: string): Promise<CameraScene> {
  const tile = async (path: string) =>
    sharp(await readFile(path))
      .rotate()
      .resize({ width: 240, height: 300, fit: "cover" })
      .removeAlpha()
      .toBuffer();
  const jpeg = await sharp({ create: { width: 480, height: 300, channels: 3, background: "#777" } })
    .composite([
      { input: await tile(left), left: 0, top: 0 },
      { input: await tile(right), left: 240, top: 0 },
    ])
    .jpeg({ quality: 92 })
    .toBuffer();
  const faces = await facesIn(engine, jpeg);
  if (faces.length !== 2) throw new Error(`the two-face scene shows ${faces.length} face(s), not 2`);
  return { photo: await dataUrl(sharp(jpeg)), faceBoxes: faces.map((f) => f.box) };
}
