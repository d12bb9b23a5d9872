import { type CardCrop, cropCardPixels } from "../crop/crop-card.ts";
import type { Quad } from "../crop/quad.ts";
import { toGrey } from "../crop/raster.ts";
import { decodeImage, type RgbImage } from "../ocr/image.ts";
import { WARNING_CODES } from "./codes.ts";
import { jpegGhostScore } from "./edited.ts";
import { type GhostSource, ghostSourceOf } from "./jpeg-quality.ts";
import { chromaSpread, laplacianVariance, largestSaturatedBlob, spectralPeakRatio } from "./metrics.ts";

/** Decision thresholds, calibrated on the synthetic degradations (scripts/eval-cards.ts prints the scores). */
export const WARNING_THRESHOLDS = {
  /** Laplacian variance of the card at 640 px below this → -9108. */
  blurVariance: 350,
  /** Largest saturated blob between these shares of the card → -9107 (above: a white card or an overexposed copy). */
  glareShare: 0.006,
  glareShareMax: 0.35,
  /** …and the ring around it brighter than the card's median luma by at least this (a highlight's halo). */
  glareHalo: 2.5,
  /** Opponent-colour spread below this → -9102 (black-and-white copy). */
  photocopyChroma: 2.5,
  /** log10 peak/median of the high-frequency spectrum above this → -9103. */
  screenPeak: 2.25,
  /** JPEG-ghost cluster ratio above this → -9104. */
  editedGhost: 6.5,
};

export interface WarningScores {
  blurVariance: number;
  glareShare: number;
  glareHalo: number;
  photocopyChroma: number;
  screenPeak: number;
  editedGhost: number;
  /** The quality the card was saved at before its last save (JPEG ghost), or null when none shows. */
  earlierJpegQuality: number | null;
  cardFound: boolean;
  touchesEdge: boolean;
}

export interface WarningReport {
  /** WarnCardInfos codes, ascending. */
  warnings: number[];
  scores: WarningScores;
}

function glareScores(blob: { share: number; haloLift: number }) {
  return { glareShare: blob.share, glareHalo: blob.haloLift };
}

function boundingBox(quad: Quad) {
  const xs = quad.map((p) => p.x);
  const ys = quad.map((p) => p.y);
  return {
    x: Math.min(...xs),
    y: Math.min(...ys),
    w: Math.max(...xs) - Math.min(...xs),
    h: Math.max(...ys) - Math.min(...ys),
  };
}

/** A 256×256 grey patch at native resolution from the middle of the card (or of the image). */
function centrePatch(image: RgbImage, crop: CardCrop | null) {
  const grey = toGrey(image);
  const c = crop ? boundingBox(crop.quad) : { x: 0, y: 0, w: image.width, h: image.height };
  const size = Math.min(256, grey.width, grey.height);
  const x = Math.round(Math.min(Math.max(0, c.x + c.w / 2 - size / 2), grey.width - size));
  const y = Math.round(Math.min(Math.max(0, c.y + c.h / 2 - size / 2), grey.height - size));
  const data = new Float32Array(256 * 256);
  for (let row = 0; row < 256; row++)
    for (let col = 0; col < 256; col++)
      data[row * 256 + col] = grey.data[(y + (row % size)) * grey.width + x + (col % size)]!;
  return { data, width: 256, height: 256 };
}

/**
 * Capture and tamper warnings for a decoded photo. `crop` may be passed when the caller already located the card;
 * `textTouchesEdge` lets the caller add OCR evidence for -9101 (text boxes cut by the image border).
 */
export async function detectWarningsPixels(
  image: RgbImage,
  options: { crop?: CardCrop | null; textTouchesEdge?: boolean; ghostSource?: GhostSource | null } = {},
): Promise<WarningReport> {
  const crop = options.crop === undefined ? cropCardPixels(image) : options.crop;
  const card = crop?.card ?? image;
  const region = crop ? boundingBox(crop.quad) : { x: 0, y: 0, w: image.width, h: image.height };
  // Without the file's own grid (unknown source, resized or turned on decode) the ghost check has nothing to read.
  const ghost = options.ghostSource
    ? await jpegGhostScore(image, region, options.ghostSource.lastQuality)
    : { score: 1, earlierQuality: null };
  const scores: WarningScores = {
    blurVariance: laplacianVariance(card),
    ...glareScores(largestSaturatedBlob(card)),
    photocopyChroma: chromaSpread(card),
    screenPeak: spectralPeakRatio(centrePatch(image, crop)),
    editedGhost: ghost.score,
    earlierJpegQuality: ghost.earlierQuality,
    cardFound: crop !== null,
    touchesEdge: crop?.touchesEdge ?? false,
  };
  const t = WARNING_THRESHOLDS;
  const warnings: number[] = [];
  if (scores.touchesEdge || options.textTouchesEdge) warnings.push(WARNING_CODES.BORDER_INCOMPLETE);
  if (scores.photocopyChroma < t.photocopyChroma) warnings.push(WARNING_CODES.PHOTOCOPY);
  if (scores.screenPeak > t.screenPeak) warnings.push(WARNING_CODES.SCREEN_RECAPTURE);
  if (scores.editedGhost > t.editedGhost) warnings.push(WARNING_CODES.EDITED);
  if (isGlare(scores)) warnings.push(WARNING_CODES.GLARE);
  if (scores.blurVariance < t.blurVariance) warnings.push(WARNING_CODES.BLUR);
  return { warnings: warnings.sort((a, b) => a - b), scores };
}

/** The -9107 rule on its own, for callers that want to treat a card under a highlight differently (re-reading). */
export function glareSuspected(card: RgbImage): boolean {
  return isGlare(glareScores(largestSaturatedBlob(card)));
}

function isGlare({ glareShare, glareHalo }: { glareShare: number; glareHalo: number }): boolean {
  const t = WARNING_THRESHOLDS;
  return glareShare > t.glareShare && glareShare < t.glareShareMax && glareHalo >= t.glareHalo;
}

/** Public form: image bytes in, warning codes and the measurements behind them out. */
export async function detectWarnings(imageBytes: Uint8Array): Promise<WarningReport> {
  const image = await decodeImage(imageBytes);
  return detectWarningsPixels(image, { ghostSource: await ghostSourceOf(imageBytes, image) });
}
