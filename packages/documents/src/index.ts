import { type MrzImageReading, type ReadMrzOptions, readMrzWithEngine } from "./mrz/read.ts";
import { createOcrEngine, type OcrEngine } from "./ocr/engine.ts";

export { checkDigitMatches, computeCheckDigit } from "./mrz/check-digit.ts";
export type { MrzFormat } from "./mrz/formats.ts";
export { type ParseOptions, parseMrzLines } from "./mrz/parse.ts";
export { expandDate, toInternationalIdPassport } from "./mrz/passport.ts";
export { type MrzImageReading, type ReadMrzOptions, readMrzWithEngine } from "./mrz/read.ts";
export type {
  CheckName,
  InternationalIDPassport,
  MrzCheck,
  MrzCorrection,
  MrzErrorCode,
  MrzFields,
  MrzReading,
  MrzWarning,
  MrzWarningCode,
} from "./mrz/types.ts";
export { checkNameAgainstViz, type NameCheck, type NameCheckStatus } from "./mrz/viz.ts";
export type { OcrEngine, OcrEngineConfig, OcrLine, OcrOptions, OcrResult } from "./ocr/engine.ts";
export { createOcrEngine } from "./ocr/engine.ts";
export type { OrientedBox, Point } from "./ocr/geometry.ts";
export { decodeImage, MAX_IMAGE_BYTES, type RgbImage } from "./ocr/image.ts";

let sharedEngine: Promise<OcrEngine> | null = null;

/** The process-wide engine (sessions load once, on first use). */
export function defaultOcrEngine(): Promise<OcrEngine> {
  sharedEngine ??= createOcrEngine();
  return sharedEngine;
}

/** Finds and reads the MRZ of a document photo with the process-wide engine (or `options.engine`). */
export async function readMrz(
  imageBytes: Uint8Array,
  options: ReadMrzOptions & { engine?: OcrEngine } = {},
): Promise<MrzImageReading> {
  return readMrzWithEngine(options.engine ?? (await defaultOcrEngine()), imageBytes, options);
}
export {
  BACK_LAYOUT_TYPES,
  mainlandValidityYears,
  type ParsedBack,
  parseCardBackLines,
} from "./cards/layouts/backs.ts";
export type { ParsedCard } from "./cards/layouts/result.ts";
export { type CardLine, type RecognisedLine, textFrame, toCardLines } from "./cards/lines.ts";
export { type FrontFields, type MergedCard, mergeCardBack } from "./cards/merge-back.ts";
export * from "./cards/numbers/index.ts";
export { parseCardLines } from "./cards/parse-card.ts";
export { type CardBackReading, type ReadCardBackOptions, readCardBack } from "./cards/read-back.ts";
export { type CardReading, type ReadCardOptions, readCard } from "./cards/read-card.ts";
export type * from "./cards/types.ts";
export {
  cardInfoMember,
  GENERAL_CARD_TYPES,
  ID_CARD_TYPES,
  type IdCardType,
  isIdCardType,
} from "./cards/types.ts";
export {
  type CardCrop,
  CUT_HEIGHT,
  CUT_WIDTH,
  cropCard,
  cropCardPixels,
  ID3_ASPECT,
} from "./crop/crop-card.ts";
export type { Quad } from "./crop/quad.ts";
export {
  extractPortrait,
  extractPortraitFromCard,
  type FaceBox,
  type FaceDetector,
  type Portrait,
} from "./portrait/extract.ts";
export {
  blockingWarnings,
  parseSelectedWarningCodes,
  WARNING_CODES,
  type WarningCode,
  type WarningPolicy,
} from "./warnings/codes.ts";
export {
  detectWarnings,
  detectWarningsPixels,
  WARNING_THRESHOLDS,
  type WarningReport,
  type WarningScores,
} from "./warnings/detect.ts";
