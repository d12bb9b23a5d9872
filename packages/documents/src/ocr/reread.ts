import type { OrientedBox } from "./geometry.ts";
import type { RecognisedText } from "./recognise.ts";

/**
 * Second look at suspicious boxes. A box that reads Han characters next to Latin letters (`E口` for 山口) is
 * almost always a stroke the detector's tight box clipped: card print keeps scripts in separate boxes (labels,
 * bilingual titles), while a clipped Han character turns into the Latin letter it now resembles. Such boxes are
 * read again with a margin, and the margin's reading is kept only when the recogniser is surer of it.
 */
const HAN = /\p{Script=Han}/u;
const LATIN_LETTER = /[A-Za-z]/;

export function mixesHanAndLatin(text: string): boolean {
  return HAN.test(text) && LATIN_LETTER.test(text);
}

/** The box grown by a fifth of its height on every side: room for the strokes a tight box cut. */
export function withMargin(box: OrientedBox): OrientedBox {
  const margin = box.height * 0.2;
  return { ...box, width: box.width + 2 * margin, height: box.height + 2 * margin };
}

/** `first` with the re-read boxes (`again[k]` for `first[indices[k]]`) taken where their text is surer. */
export function keepSurer(
  first: readonly RecognisedText[],
  indices: readonly number[],
  again: readonly RecognisedText[],
): RecognisedText[] {
  const out = [...first];
  indices.forEach((index, k) => {
    const before = out[index];
    const after = again[k];
    if (before && after && after.text.confidence > before.text.confidence)
      out[index] = { text: after.text, mrz: before.mrz };
  });
  return out;
}
