import type { FaceObservation, RgbImage } from "@openekyc/engine";
import sharp from "sharp";

/** Decodes the package's JPEG frames to RGB. A frame that does not decode fails the whole package. */
export async function decodeFrames(jpegs: readonly Uint8Array[]): Promise<RgbImage[]> {
  return Promise.all(
    jpegs.map(async (jpeg) => {
      const { data, info } = await sharp(jpeg, { limitInputPixels: 2_000_000 })
        .removeAlpha()
        .raw()
        .toBuffer({ resolveWithObject: true });
      return {
        width: info.width,
        height: info.height,
        data: new Uint8Array(data.buffer, data.byteOffset, data.length),
      };
    }),
  );
}

export async function encodeFrameJpeg(image: RgbImage): Promise<Buffer> {
  return sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } })
    .jpeg({ quality: 90 })
    .toBuffer();
}

/** Faces that count: confident, and at least a quarter the size of the largest (a poster far behind does not). */
export function countedFaces(faces: readonly FaceObservation[]): FaceObservation[] {
  const confident = faces.filter((f) => f.score >= 0.5);
  const largest = Math.max(0, ...confident.map((f) => f.box.width * f.box.height));
  return confident.filter((f) => f.box.width * f.box.height >= largest * 0.25);
}

/** Indices of `count` frames spread evenly over `total`. */
export function spreadIndices(total: number, count: number): number[] {
  if (total <= count) return Array.from({ length: total }, (_, i) => i);
  return Array.from({ length: count }, (_, i) => Math.round((i * (total - 1)) / (count - 1)));
}
