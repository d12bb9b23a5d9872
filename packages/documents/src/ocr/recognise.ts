import type { InferenceSession } from "onnxruntime-node";
import { Tensor } from "onnxruntime-node";
import { type CtcVocabulary, type Decoded, decodeGreedy, decodeMrz } from "./ctc.ts";
import type { OrientedBox } from "./geometry.ts";
import { type RgbImage, toTensorBgr, warpBox } from "./image.ts";

/** PP-OCRv4 rec input height; width follows the line's aspect ratio. */
export const REC_HEIGHT = 48;
const MAX_REC_WIDTH = 2400;
const MIN_REC_WIDTH = 16;
/** Lines per inference call; a batch is padded to its widest line, so lines are sorted by width first. */
const BATCH = 8;
const HALF = [0.5, 0.5, 0.5] as const;

export interface RecognisedText {
  readonly text: Decoded;
  /** The same output decoded with the MRZ alphabet only. */
  readonly mrz: Decoded;
}

/** Crops every box upright at the recogniser's height, then recognises them in width-sorted batches. */
export async function recogniseBoxes(
  session: InferenceSession,
  vocab: CtcVocabulary,
  image: RgbImage,
  boxes: readonly OrientedBox[],
  widthScale = 1,
  excluded?: Uint8Array,
): Promise<RecognisedText[]> {
  const crops = boxes.map((box) => {
    // widthScale < 1 squeezes lines horizontally: fewer columns to run, for reads that tolerate it.
    const ratio = (box.width / Math.max(1, box.height)) * widthScale;
    const width = Math.min(MAX_REC_WIDTH, Math.max(MIN_REC_WIDTH, Math.round(ratio * REC_HEIGHT)));
    return warpBox(image, box, width, REC_HEIGHT);
  });
  const order = crops.map((_, i) => i).sort((a, b) => (crops[a]?.width ?? 0) - (crops[b]?.width ?? 0));
  const results: RecognisedText[] = new Array(boxes.length);
  for (let start = 0; start < order.length; ) {
    // Padding costs as much as content: batch only lines within 15% of the batch's narrowest.
    const narrowest = crops[order[start] as number]?.width ?? 0;
    let end = start + 1;
    while (
      end < order.length &&
      end - start < BATCH &&
      (crops[order[end] as number]?.width ?? 0) <= narrowest * 1.15
    )
      end++;
    const indices = order.slice(start, end);
    start = end;
    const batch = indices.map((i) => crops[i] as RgbImage);
    const decoded = await recogniseBatch(session, vocab, batch, excluded);
    indices.forEach((index, k) => {
      results[index] = decoded[k] as RecognisedText;
    });
  }
  return results;
}

async function recogniseBatch(
  session: InferenceSession,
  vocab: CtcVocabulary,
  crops: readonly RgbImage[],
  excluded?: Uint8Array,
) {
  const width = Math.max(...crops.map((c) => c.width));
  const plane = REC_HEIGHT * width;
  // Zero after normalisation is mid-grey padding, what PaddleOCR pads with.
  const input = new Float32Array(crops.length * 3 * plane);
  crops.forEach((crop, n) => {
    const chw = toTensorBgr(crop, HALF, HALF);
    const cropPlane = crop.width * REC_HEIGHT;
    for (let c = 0; c < 3; c++) {
      for (let y = 0; y < REC_HEIGHT; y++) {
        const from = c * cropPlane + y * crop.width;
        input.set(chw.subarray(from, from + crop.width), n * 3 * plane + c * plane + y * width);
      }
    }
  });
  const tensor = new Tensor("float32", input, [crops.length, 3, REC_HEIGHT, width]);
  const output = await session.run({ [session.inputNames[0] as string]: tensor });
  const probs = output[session.outputNames[0] as string];
  if (!probs) throw new Error("recogniser returned no output");
  const [, steps = 0, classes = 0] = probs.dims;
  const data = probs.data as Float32Array;
  return crops.map((_, n) => {
    const slice = data.subarray(n * steps * classes, (n + 1) * steps * classes);
    return {
      text: decodeGreedy(slice, steps, classes, vocab, excluded),
      mrz: decodeMrz(slice, steps, classes, vocab),
    };
  });
}
