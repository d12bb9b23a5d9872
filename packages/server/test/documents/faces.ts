import { readFile } from "node:fs/promises";
import type { FaceEngineApi } from "@openekyc/engine";
import sharp from "sharp";
import { faces, requireSharedData } from "../../../../test/browser/support/data.ts";

/** One labelled pair of `face_verify_deepface` (its MANIFEST.json, from the source's master.csv). */
interface FacePair {
  readonly a: string;
  readonly b: string;
  readonly label: "genuine" | "impostor";
}

/**
 * The browser tests' face trio (`faces` of test/browser/support/data.ts: `reference` goes on the card,
 * `sameAsReference` and `otherPerson` are the selfies), checked against the data set's own pair list so the
 * test never rests on a guess about who is who.
 */
export async function deepfaceTrio(): Promise<{ holder: string; same: string; other: string }> {
  const manifest = JSON.parse(
    await readFile(requireSharedData("face_verify_deepface/MANIFEST.json"), "utf8"),
  ) as { pairs: FacePair[] };
  const name = (path: string) => path.replace(/^face_verify_deepface\//, "");
  const labelOf = (a: string, b: string) =>
    manifest.pairs.find(
      (pair) => (pair.a === name(a) && pair.b === name(b)) || (pair.a === name(b) && pair.b === name(a)),
    )?.label;
  if (labelOf(faces.reference, faces.sameAsReference) !== "genuine")
    throw new Error(`${faces.reference} / ${faces.sameAsReference} is not a genuine pair of the set`);
  if (labelOf(faces.reference, faces.otherPerson) !== "impostor")
    throw new Error(`${faces.reference} / ${faces.otherPerson} is not an impostor pair of the set`);
  return {
    holder: requireSharedData(faces.reference),
    same: requireSharedData(faces.sameAsReference),
    other: requireSharedData(faces.otherPerson),
  };
}

async function rgbOf(path: string) {
  const upright = await sharp(await readFile(path))
    .rotate()
    .removeAlpha()
    .toBuffer();
  const { data, info } = await sharp(upright).raw().toBuffer({ resolveWithObject: true });
  return { upright, image: { width: info.width, height: info.height, data: new Uint8Array(data) } };
}

/**
 * An ID-style portrait (head and shoulders, `aspect` = width / height) cut around the face the engine
 * detects in a full photo, as a photo studio would frame it for the card.
 */
export async function idPortrait(engine: FaceEngineApi, path: string, aspect: number): Promise<Buffer> {
  const { upright, image } = await rgbOf(path);
  const [face] = await engine.detect(image, { maxFaces: 1 });
  if (!face) throw new Error(`no face in ${path}`);
  const width = Math.min(image.width, face.box.width * 1.9);
  const height = Math.min(image.height, width / aspect);
  const left = clamp(face.box.x + face.box.width / 2 - width / 2, 0, image.width - width);
  const top = clamp(face.box.y + face.box.height * 0.5 - height * 0.45, 0, image.height - height);
  return sharp(upright)
    .extract({
      left: Math.floor(left),
      top: Math.floor(top),
      width: Math.floor(width),
      height: Math.floor(height),
    })
    .jpeg({ quality: 92 })
    .toBuffer();
}

function clamp(value: number, low: number, high: number): number {
  return Math.max(low, Math.min(high, value));
}
