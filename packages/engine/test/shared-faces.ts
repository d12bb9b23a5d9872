import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import sharp from "sharp";
import { decodeImage } from "../src/decode.ts";
import type { DecodedImage } from "../src/types.ts";

/** `<repo>/../shared/data`, the team's development data (read in place, never copied). */
export const sharedData = path.resolve(fileURLToPath(new URL("../../../../shared/data", import.meta.url)));

export function sharedFace(relative: string): string {
  const file = path.join(sharedData, relative);
  if (!existsSync(file)) {
    const hint = `shared test data missing: ${file} — these face tests need ../shared/data (see its README)`;
    if (process.env.CI === "true") throw new Error(hint);
    throw new Error(`${hint}; they were not run`);
  }
  return file;
}

export const deepface = (name: string): string => sharedFace(`face_verify_deepface/images/${name}`);

export async function decodeFile(file: string): Promise<DecodedImage> {
  return decodeImage(readFileSync(file));
}

/** Re-encodes an altered version of a shared photo and decodes it like an upload. */
export async function altered(
  file: string,
  alter: (image: sharp.Sharp) => sharp.Sharp,
): Promise<DecodedImage> {
  const bytes = await alter(sharp(readFileSync(file)).rotate())
    .jpeg({ quality: 92 })
    .toBuffer();
  return decodeImage(bytes);
}
