/** CTC decoding of the PP-OCR recogniser output (index 0 = blank, 1..n = dictionary, n+1 = space). */

export const MRZ_ALPHABET = "<0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

export interface Decoded {
  readonly text: string;
  /** Mean probability of the emitted characters (0 when nothing was emitted). */
  readonly confidence: number;
}

export interface CtcVocabulary {
  /** Character per class index (index 0, the blank, is ""). */
  readonly chars: readonly string[];
  /** MRZ alphabet position per class index, or -1; characters the recogniser confuses in form (full-width
   * letters, lower case, `×`) map onto their MRZ character. */
  readonly mrzClass: Int16Array;
}

/** A class mask (1 = excluded) for the dictionary characters listed in `characters`. */
export function exclusionMask(vocab: CtcVocabulary, characters: string): Uint8Array {
  const listed = new Set(characters);
  return Uint8Array.from(vocab.chars, (ch) => (listed.has(ch) ? 1 : 0));
}

/** Builds the vocabulary from `ppocr_keys_v1.txt` (one character per line). */
export function buildVocabulary(dictionary: string): CtcVocabulary {
  const entries = dictionary.split(/\r?\n/);
  if (entries[entries.length - 1] === "") entries.pop();
  const chars = ["", ...entries, " "];
  const mrzClass = new Int16Array(chars.length).fill(-1);
  chars.forEach((ch, index) => {
    if (index === 0 || ch === " ") return;
    const folded = foldToMrz(ch);
    const position = folded.length === 1 ? MRZ_ALPHABET.indexOf(folded) : -1;
    mrzClass[index] = position;
  });
  return { chars, mrzClass };
}

/** NFKC + upper case + the look-alikes PP-OCR's Chinese dictionary emits for OCR-B glyphs. */
export function foldToMrz(ch: string): string {
  const n = ch.normalize("NFKC").toUpperCase();
  if (n === "×" || n === "Х") return "X";
  if (n === "‹" || n === "＜" || n === "〈" || n === "く") return "<";
  return n;
}

/**
 * Greedy decoding: argmax per step, collapse repeats, drop blanks. `excluded` (1 per class index) removes
 * characters the document cannot print from the choice: each step then takes the best remaining class.
 */
export function decodeGreedy(
  probs: Float32Array,
  steps: number,
  classes: number,
  vocab: CtcVocabulary,
  excluded?: Uint8Array,
): Decoded {
  let text = "";
  let sum = 0;
  let emitted = 0;
  let previous = 0;
  for (let t = 0; t < steps; t++) {
    const row = t * classes;
    let best = 0;
    let bestP = probs[row] as number;
    for (let k = 1; k < classes; k++) {
      if (excluded?.[k]) continue;
      const p = probs[row + k] as number;
      if (p > bestP) {
        bestP = p;
        best = k;
      }
    }
    if (best !== 0 && best !== previous) {
      text += vocab.chars[best] ?? "";
      sum += bestP;
      emitted++;
    }
    previous = best;
  }
  return { text, confidence: emitted === 0 ? 0 : sum / emitted };
}

/**
 * Decoding constrained to the MRZ alphabet: each step picks the best of blank and the 37 MRZ characters
 * (a class's probability is the sum over the dictionary entries that fold onto it). Spaces count as blank,
 * since an MRZ has none and the recogniser emits them inside long filler runs.
 */
export function decodeMrz(
  probs: Float32Array,
  steps: number,
  classes: number,
  vocab: CtcVocabulary,
): Decoded {
  const scores = new Float64Array(MRZ_ALPHABET.length);
  let text = "";
  let sum = 0;
  let emitted = 0;
  let previous = -1;
  for (let t = 0; t < steps; t++) {
    const row = t * classes;
    scores.fill(0);
    let blank = (probs[row] as number) + (probs[row + classes - 1] as number);
    for (let k = 1; k < classes - 1; k++) {
      const cls = vocab.mrzClass[k] as number;
      if (cls >= 0) scores[cls] = (scores[cls] as number) + (probs[row + k] as number);
    }
    let best = -1;
    for (let c = 0; c < scores.length; c++) {
      if ((scores[c] as number) > blank) {
        blank = scores[c] as number;
        best = c;
      }
    }
    if (best >= 0 && best !== previous) {
      text += MRZ_ALPHABET[best];
      sum += blank;
      emitted++;
    }
    previous = best;
  }
  return { text, confidence: emitted === 0 ? 0 : sum / emitted };
}
