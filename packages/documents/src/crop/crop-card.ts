import sharp from "sharp";
import { decodeImage, type RgbImage } from "../ocr/image.ts";
import { findCardQuad, type Point, type Quad } from "./quad.ts";
import { toGrey } from "./raster.ts";
import { warpQuad } from "./warp.ts";

/** ID-1 (85.6 × 54 mm) output size: about 300 dpi, enough for the recogniser's 48 px line height. */
export const CUT_WIDTH = 1012;
export const CUT_HEIGHT = 638;
const ID1_ASPECT = 85.6 / 54;
/** Passport data page (ID-3, 125 × 88 mm). */
export const ID3_ASPECT = 125 / 88;
/** Side of the grey image the outline search runs on. */
const SEARCH_SIDE = 480;

export interface CardCrop {
  /** Card corners in the input image's pixels, clockwise from top-left. */
  quad: Quad;
  /** The perspective-corrected card, CUT_WIDTH × CUT_HEIGHT. */
  card: RgbImage;
  /** True when a side of the outline was missing or a corner lies on or beyond the image edge (-9101). */
  touchesEdge: boolean;
}

const dist = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);

/**
 * Finds the card outline on a downscaled grey copy, checks it is plausibly an ID-1 card (area, aspect), and warps
 * it upright to the document's ratio (ID-1 cards by default, ID3_ASPECT for a passport page). Returns null when no outline is found; callers then work on the whole image.
 */
export function cropCardPixels(image: RgbImage, aspectRatio = ID1_ASPECT): CardCrop | null {
  const grey = toGrey(image, SEARCH_SIDE);
  const found = findCardQuad(grey);
  if (!found) return null;
  const sx = image.width / grey.width;
  const sy = image.height / grey.height;
  const quad = found.quad.map((p) => ({ x: p.x * sx, y: p.y * sy })) as Quad;
  const [tl, tr, br, bl] = quad;
  const width = (dist(tl, tr) + dist(bl, br)) / 2;
  const height = (dist(tl, bl) + dist(tr, br)) / 2;
  const aspect = width / Math.max(1, height);
  const areaShare = (width * height) / (image.width * image.height);
  if (aspect < aspectRatio * 0.75 || aspect > aspectRatio * 1.3 || areaShare < 0.12 || areaShare > 1.2)
    return null;
  const margin = Math.min(image.width, image.height) * 0.005;
  const outside = quad.some(
    (p) => p.x < margin || p.y < margin || p.x > image.width - 1 - margin || p.y > image.height - 1 - margin,
  );
  const allSides = Object.values(found.sidesFound).every(Boolean);
  const outHeight = aspectRatio === ID1_ASPECT ? CUT_HEIGHT : Math.round(CUT_WIDTH / aspectRatio);
  return { quad, card: warpQuad(image, quad, CUT_WIDTH, outHeight), touchesEdge: outside || !allSides };
}

export async function encodeJpeg(image: RgbImage, quality = 90): Promise<Buffer> {
  return sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } })
    .jpeg({ quality })
    .toBuffer();
}

/** Public form: image bytes in, the upright card as JPEG plus its corners out (null when no card was found). */
export async function cropCard(
  imageBytes: Uint8Array,
): Promise<{ jpeg: Buffer; quad: Quad; touchesEdge: boolean } | null> {
  const crop = cropCardPixels(await decodeImage(imageBytes));
  if (!crop) return null;
  return { jpeg: await encodeJpeg(crop.card), quad: crop.quad, touchesEdge: crop.touchesEdge };
}
