import { cropCardPixels, encodeJpeg } from "../crop/crop-card.ts";
import type { OcrEngine } from "../ocr/engine.ts";
import { decodeImage, type RgbImage } from "../ocr/image.ts";
import { detectWarningsPixels, type WarningScores } from "../warnings/detect.ts";
import { ghostSourceOf } from "../warnings/jpeg-quality.ts";
import { BACK_LAYOUT_TYPES, type ParsedBack, parseCardBackLines } from "./layouts/backs.ts";
import { textFrame, toCardLines } from "./lines.ts";
import { todayIso } from "./numbers/dates.ts";
import { assertIdCardType, rotate180, touchesBorder, withSpaces } from "./read-card.ts";
import type { IdCardType } from "./types.ts";

export interface ReadCardBackOptions {
  engine: OcrEngine;
  /** Date the card is judged at; default today (UTC). */
  referenceDate?: string;
}

export interface CardBackReading {
  /** What the back prints, or null when the type's back has no layout parser (stored and cut only). */
  back: ParsedBack | null;
  /** WarnCardInfos codes measured on the back photo. */
  warnings: number[];
  /** CardBackCutImageBase64 source: the upright back, JPEG (absent when no card outline was found). */
  cutImage?: Buffer;
  scores: WarningScores;
}

/** How much of the back a parse read: its fields, its number, and whether its own checks hold. */
function backScore(parsed: ParsedBack): number {
  const fields = Object.values(parsed.normal).filter((v) => v !== null).length;
  const checks = Object.values(parsed.checks).filter(Boolean).length;
  return fields + (parsed.number ? 1 : 0) + checks;
}

const complete = (parsed: ParsedBack) => Object.values(parsed.checks).every(Boolean);

async function parseImage(
  engine: OcrEngine,
  image: RgbImage,
  type: IdCardType,
  referenceDate: string,
  frame: "image" | "text",
): Promise<{ parsed: ParsedBack | null; touchesEdge: boolean }> {
  const ocr = await engine.recognisePixels(image);
  const box = frame === "image" ? { x: 0, y: 0, width: ocr.width, height: ocr.height } : textFrame(ocr.lines);
  const lines = toCardLines(withSpaces(image, ocr), box);
  return { parsed: parseCardBackLines(type, lines, referenceDate), touchesEdge: touchesBorder(ocr) };
}

/**
 * Reads one card back: locate and straighten the card, OCR it, parse the type's back layout, measure the capture
 * warnings, cut the image. Like `readCard`, an upside-down crop or a missing outline falls back to the turned
 * crop and to the whole photo. The result is merged with the front's by `mergeCardBack`.
 */
export async function readCardBack(
  imageBytes: Uint8Array,
  idCardType: string,
  options: ReadCardBackOptions,
): Promise<CardBackReading> {
  assertIdCardType(idCardType);
  const referenceDate = options.referenceDate ?? todayIso();
  const image = await decodeImage(imageBytes);
  const crop = cropCardPixels(image);
  let upright = crop?.card ?? null;
  let best: ParsedBack | null = null;
  let textTouchesEdge = false;
  // A type without a back layout is only cut: no OCR at all.
  if ((BACK_LAYOUT_TYPES as readonly string[]).includes(idCardType)) {
    const better = (candidate: ParsedBack | null) =>
      candidate !== null && (best === null || backScore(candidate) > backScore(best));
    if (crop) {
      best = (await parseImage(options.engine, crop.card, idCardType, referenceDate, "image")).parsed;
      if (best && !complete(best)) {
        const turned = rotate180(crop.card);
        const flipped = (await parseImage(options.engine, turned, idCardType, referenceDate, "image")).parsed;
        if (better(flipped)) [best, upright] = [flipped, turned];
      }
    }
    // No outline, or the crop read badly (a wrong outline): read the whole photo.
    if (best === null || !complete(best)) {
      const whole = await parseImage(options.engine, image, idCardType, referenceDate, "text");
      if (better(whole.parsed)) best = whole.parsed;
      textTouchesEdge = !crop && whole.touchesEdge;
    }
  }
  const report = await detectWarningsPixels(image, {
    crop,
    textTouchesEdge,
    ghostSource: await ghostSourceOf(imageBytes, image),
  });
  const cutImage = upright ? await encodeJpeg(upright) : undefined;
  return {
    back: best,
    warnings: report.warnings,
    ...(cutImage ? { cutImage } : {}),
    scores: report.scores,
  };
}
