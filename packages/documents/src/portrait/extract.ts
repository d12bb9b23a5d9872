import type { IdCardType } from "../cards/types.ts";
import { cropCardPixels, encodeJpeg } from "../crop/crop-card.ts";
import { cropRgb } from "../crop/raster.ts";
import { decodeImage, type RgbImage } from "../ocr/image.ts";
import { PORTRAIT_BOXES } from "./layout-boxes.ts";

/** A face found by a detector, in the pixels of the image it was given. */
export interface FaceBox {
  x: number;
  y: number;
  width: number;
  height: number;
  score: number;
}

/**
 * Optional face detector (the server passes @openekyc/engine's detector). Without one the layout box is used as is,
 * which is right for an upright, well-cropped card and loose otherwise.
 */
export type FaceDetector = (image: RgbImage) => Promise<readonly FaceBox[]>;

export interface Portrait {
  jpeg: Buffer;
  /** Where the portrait was taken from, in the upright card's pixels. */
  box: { x: number; y: number; width: number; height: number };
  /** "face" when a detector located the face, "layout" when the card layout's photo box was used. */
  source: "face" | "layout";
}

/** Cuts the holder's photo out of an upright card image. */
export async function extractPortraitFromCard(
  card: RgbImage,
  idCardType: IdCardType,
  detector?: FaceDetector,
): Promise<Portrait> {
  const [x0, y0, x1, y1] = PORTRAIT_BOXES[idCardType];
  let box = {
    x: x0 * card.width,
    y: y0 * card.height,
    width: (x1 - x0) * card.width,
    height: (y1 - y0) * card.height,
  };
  let source: Portrait["source"] = "layout";
  if (detector) {
    // Search a generous region around the layout box: real cards vary in print position and crop accuracy.
    const grow = 0.25;
    const region = {
      x: Math.max(0, box.x - box.width * grow),
      y: Math.max(0, box.y - box.height * grow),
      width: Math.min(card.width, box.width * (1 + 2 * grow)),
      height: Math.min(card.height, box.height * (1 + 2 * grow)),
    };
    const faces = await detector(cropRgb(card, region.x, region.y, region.width, region.height));
    const face = [...faces].sort((a, b) => b.width * b.height - a.width * a.height)[0];
    if (face) {
      // ID photos show head and shoulders: widen the face box like the printed portrait does.
      const w = face.width * 1.6;
      const h = face.height * 2;
      box = {
        x: Math.max(0, region.x + face.x + face.width / 2 - w / 2),
        y: Math.max(0, region.y + face.y + face.height * 0.45 - h / 2),
        width: w,
        height: h,
      };
      source = "face";
    }
  }
  const cut = cropRgb(card, box.x, box.y, box.width, box.height);
  return {
    jpeg: await encodeJpeg(cut, 92),
    box: { x: box.x, y: box.y, width: cut.width, height: cut.height },
    source,
  };
}

/** Public form: photo bytes of a card in, the holder's portrait as JPEG out (null when no card was found). */
export async function extractPortrait(
  imageBytes: Uint8Array,
  idCardType: IdCardType,
  detector?: FaceDetector,
): Promise<Portrait | null> {
  const crop = cropCardPixels(await decodeImage(imageBytes));
  return crop ? extractPortraitFromCard(crop.card, idCardType, detector) : null;
}
