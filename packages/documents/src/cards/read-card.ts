import { EkycError } from "@openekyc/core";
import { type CardCrop, cropCardPixels, encodeJpeg, ID3_ASPECT } from "../crop/crop-card.ts";
import { readMrzWithEngine } from "../mrz/read.ts";
import type { OcrEngine, OcrOptions, OcrResult } from "../ocr/engine.ts";
import { decodeImage, type RgbImage } from "../ocr/image.ts";
import { extractPortraitFromCard, type FaceDetector } from "../portrait/extract.ts";
import { blockingWarnings, type WarningPolicy } from "../warnings/codes.ts";
import { detectWarningsPixels, glareSuspected, type WarningScores } from "../warnings/detect.ts";
import { ghostSourceOf } from "../warnings/jpeg-quality.ts";
import { generalCardFromMrz } from "./general-mrz.ts";
import { flattenGlare, mergeGlareLines } from "./glare.ts";
import type { ParsedCard } from "./layouts/result.ts";
import { type CardLine, type RecognisedLine, textFrame, toCardLines } from "./lines.ts";
import { todayIso } from "./numbers/dates.ts";
import { keyFieldCount, parseCardLines } from "./parse-card.ts";
import { restoreSpaces } from "./spacing.ts";
import { type CardInfo, type IdCardType, isIdCardType, type NormalCardInfo } from "./types.ts";

export interface ReadCardOptions extends WarningPolicy {
  /** Loaded OCR engine (createOcrEngine); shared across calls because loading the models takes seconds. */
  engine: OcrEngine;
  /** Date the card is judged at (two-digit years, "not in the future"); default today (UTC). */
  referenceDate?: string;
  /** Face detector for the portrait; without one the layout's photo box is cut. */
  faceDetector?: FaceDetector;
}

export interface CardReading {
  normalCardInfo: NormalCardInfo;
  cardInfo: CardInfo;
  /** WarnCardInfos codes detected (blocking or not). */
  warnings: number[];
  /** The subset of `warnings` that blocks under the merchant's policy. */
  blockingWarnings: number[];
  /** HeadImageBase64 source: the holder's portrait, JPEG. */
  headImage?: Buffer;
  /** CardCutImageBase64 source: the upright card, JPEG (absent when no card outline was found). */
  cutImage?: Buffer;
  /** Key fields read, every number/date rule holds and no blocking warning. */
  isPass: boolean;
  /** Key fields read and every number/date rule holds. */
  fieldsValid: boolean;
  /** Named rule checks and warning measurements, for logs and the admin console. */
  checks: Record<string, boolean>;
  scores: WarningScores;
}

export function touchesBorder(result: OcrResult): boolean {
  // A line cut by the frame ends a little before the edge: allow 1.5 % of the short side.
  const margin = Math.min(result.width, result.height) * 0.015;
  return result.lines.some(({ box }) => {
    const [x0, x1] = [box.cx - box.width / 2, box.cx + box.width / 2];
    const [y0, y1] = [box.cy - box.height / 2, box.cy + box.height / 2];
    return x0 < margin || y0 < margin || x1 > result.width - margin || y1 > result.height - margin;
  });
}

/** OCR lines with the word spaces the recogniser dropped put back from the image (see spacing.ts). */
export function withSpaces(image: RgbImage, ocr: OcrResult): RecognisedLine[] {
  return ocr.lines.map((line) => ({ ...line, text: restoreSpaces(image, line.text, line.box) }));
}

export function rotate180(image: RgbImage): RgbImage {
  const data = new Uint8Array(image.data.length);
  const pixels = image.width * image.height;
  for (let i = 0; i < pixels; i++) data.set(image.data.subarray(i * 3, i * 3 + 3), (pixels - 1 - i) * 3);
  return { data, width: image.width, height: image.height };
}

/**
 * How a type's print is read: the Taiwan national ID prints traditional Chinese only, so the characters used in
 * simplified Chinese only are left out of its decoding (PP-OCRv4 otherwise returns 陈 for the 陳 printed).
 */
export function ocrOptionsFor(type: IdCardType): OcrOptions {
  return type === "TaiWanIDCard" ? { script: "traditional" } : {};
}

/** Crop lines with the text under a highlight re-read on the contrast-normalised card (see glare.ts). */
async function rereadUnderGlare(
  engine: OcrEngine,
  card: RgbImage,
  lines: readonly CardLine[],
  options: OcrOptions,
): Promise<CardLine[] | null> {
  const flat = flattenGlare(card);
  if (!flat) return null;
  const ocr = await engine.recognisePixels(flat.image, options);
  const frame = { x: 0, y: 0, width: ocr.width, height: ocr.height };
  return mergeGlareLines(lines, toCardLines(withSpaces(flat.image, ocr), frame), flat.region);
}

async function readFields(
  engine: OcrEngine,
  image: RgbImage,
  crop: CardCrop | null,
  type: Exclude<IdCardType, "InternationalIDPassport">,
  referenceDate: string,
): Promise<{ parsed: ParsedCard; textTouchesEdge: boolean; upright: RgbImage | null }> {
  let best: ParsedCard | null = null;
  let upright = crop?.card ?? null;
  const options = ocrOptionsFor(type);
  if (crop) {
    const ocr = await engine.recognisePixels(crop.card, options);
    const cropLines = toCardLines(withSpaces(crop.card, ocr), {
      x: 0,
      y: 0,
      width: ocr.width,
      height: ocr.height,
    });
    best = parseCardLines(type, cropLines, referenceDate);
    if (glareSuspected(crop.card)) {
      const reread = await rereadUnderGlare(engine, crop.card, cropLines, options);
      const merged = reread && parseCardLines(type, reread, referenceDate);
      if (merged && keyFieldCount(merged) >= keyFieldCount(best)) best = merged;
    }
    if (keyFieldCount(best) === 4) return { parsed: best, textTouchesEdge: false, upright };
    if (keyFieldCount(best) <= 1) {
      // Almost nothing read: the card may lie upside down in the photo.
      const turned = rotate180(crop.card);
      const ocr180 = await engine.recognisePixels(turned, options);
      const frame = { x: 0, y: 0, width: ocr180.width, height: ocr180.height };
      const flipped = parseCardLines(type, toCardLines(withSpaces(turned, ocr180), frame), referenceDate);
      if (keyFieldCount(flipped) > keyFieldCount(best)) [best, upright] = [flipped, turned];
      if (keyFieldCount(best) === 4) return { parsed: best, textTouchesEdge: false, upright };
    }
  }
  // No outline, or the crop read badly (a wrong outline, a card upside down in the crop): read the whole photo.
  const whole = await engine.recognisePixels(image, options);
  const frame = textFrame(whole.lines);
  const parsed = parseCardLines(type, toCardLines(withSpaces(image, whole), frame), referenceDate);
  const chosen = best && keyFieldCount(best) >= keyFieldCount(parsed) ? best : parsed;
  return { parsed: chosen, textTouchesEdge: !crop && touchesBorder(whole), upright };
}

/** An IDCardType this package reads, or the API's InvalidParameterValue. */
export function assertIdCardType(idCardType: string): asserts idCardType is IdCardType {
  if (!isIdCardType(idCardType))
    throw new EkycError(
      "INVALID_PARAMETER_VALUE",
      `IDCardType ${JSON.stringify(idCardType)} is not supported.`,
    );
}

/**
 * Reads one card front: locate and straighten the card, OCR it, parse the type's layout, validate the numbers,
 * measure capture/tamper warnings, cut the portrait. Expected failures (undecodable image, unknown type) throw
 * EkycError; a card that cannot be read comes back with null fields and isPass false.
 */
export async function readCard(
  imageBytes: Uint8Array,
  idCardType: string,
  options: ReadCardOptions,
): Promise<CardReading> {
  assertIdCardType(idCardType);
  const referenceDate = options.referenceDate ?? todayIso();
  const now = new Date(`${referenceDate}T00:00:00Z`);
  const image = await decodeImage(imageBytes);
  // GeneralCard (any document) is read from its MRZ when the photo shows one, like a passport.
  const mrz =
    idCardType === "InternationalIDPassport" || idCardType === "GeneralCard"
      ? await readMrzWithEngine(options.engine, imageBytes, { now })
      : null;
  const fromMrz = idCardType === "GeneralCard" && mrz ? generalCardFromMrz(mrz, now) : null;
  // TD3/TD2/MRV pages are ID-3/ID-2 sized (about 1.42:1); a TD1 card is ID-1 like the other cards.
  const pageSized = idCardType === "InternationalIDPassport" || (fromMrz !== null && mrz?.format !== "TD1");
  const crop = cropCardPixels(image, pageSized ? ID3_ASPECT : undefined);
  let parsed: ParsedCard;
  let textTouchesEdge = false;
  let upright = crop?.card ?? null;
  if (idCardType === "InternationalIDPassport") {
    const passport = mrz?.passport ?? null;
    const key = {
      name: passport?.FullName ?? null,
      number: passport?.LicenseNumber ?? null,
      birthDate: passport?.Birthday ?? null,
    };
    const checks = { mrzCheckDigits: mrz?.valid ?? false };
    parsed = {
      normal: { InternationalIDPassport: passport },
      legacy: { InternationalIDPassport: passport },
      key,
      checks,
      fieldsValid: passport !== null && (mrz?.valid ?? false),
    };
  } else if (fromMrz && mrz?.valid) {
    // Check digits hold: the MRZ is the document's data (a printed name that disagrees fails `mrzNameInViz`).
    parsed = fromMrz;
  } else {
    ({ parsed, textTouchesEdge, upright } = await readFields(
      options.engine,
      image,
      crop,
      idCardType,
      referenceDate,
    ));
    // An MRZ whose check digits fail is still the better reading unless the printed labels gave more.
    if (fromMrz && keyFieldCount(fromMrz) >= keyFieldCount(parsed)) parsed = fromMrz;
  }
  const report = await detectWarningsPixels(image, {
    crop,
    textTouchesEdge,
    ghostSource: await ghostSourceOf(imageBytes, image),
  });
  const blocking = blockingWarnings(report.warnings, options);
  const headImage = upright
    ? (
        await extractPortraitFromCard(
          upright,
          pageSized ? "InternationalIDPassport" : idCardType,
          options.faceDetector,
        )
      ).jpeg
    : undefined;
  const cutImage = upright ? await encodeJpeg(upright) : undefined;
  const fieldsValid = parsed.fieldsValid;
  return {
    normalCardInfo: parsed.normal,
    cardInfo: parsed.legacy,
    warnings: report.warnings,
    blockingWarnings: blocking,
    ...(headImage ? { headImage } : {}),
    ...(cutImage ? { cutImage } : {}),
    isPass: fieldsValid && blocking.length === 0,
    fieldsValid,
    checks: parsed.checks,
    scores: report.scores,
  };
}
