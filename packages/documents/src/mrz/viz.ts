/**
 * Cross-check of the MRZ name (no check digit protects it) against the printed visual zone (VIZ).
 * Every MRZ name part must occur in the VIZ text, allowing one OCR slip in parts of 5+ letters.
 */

export type NameCheckStatus = "match" | "mismatch" | "unchecked";

export interface NameCheck {
  readonly status: NameCheckStatus;
  /** MRZ name parts not found in the VIZ. */
  readonly missing: string[];
}

/** Upper-case Latin letters only; accents dropped and ligatures spelled out as ICAO 9303 transliterates. */
export function lettersOnly(text: string): string {
  return text
    .replace(/[ßẞ]/g, "SS")
    .replace(/[æÆ]/g, "AE")
    .replace(/[øØ]/g, "O")
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toUpperCase()
    .replace(/[^A-Z]/g, "");
}

export function checkNameAgainstViz(
  surname: string,
  givenNames: string,
  vizTexts: readonly string[],
): NameCheck {
  const viz = vizTexts.map(lettersOnly).join("|");
  const parts = `${surname} ${givenNames}`.split(/\s+/).filter((p) => p.length >= 2);
  if (parts.length === 0 || viz.replace(/\|/g, "").length < 4) return { status: "unchecked", missing: [] };
  // Short parts (≤ 3 letters) occur inside many words: they must stand as a word of their own.
  const words = new Set(vizTexts.flatMap((t) => t.split(/[^\p{L}]+/u).map(lettersOnly)));
  const found = (part: string) =>
    part.length <= 3 ? words.has(part) : containsApprox(viz, part, part.length >= 5 ? 1 : 0);
  const missing = parts.filter((part) => !found(part));
  // An empty primary identifier is legal but rare, and a misread name line often produces one.
  if (surname.trim() === "") missing.push("(no surname)");
  return { status: missing.length === 0 ? "match" : "mismatch", missing };
}

/** Whether `needle` occurs in `haystack` with at most `maxEdits` edits (Sellers' approximate matching). */
export function containsApprox(haystack: string, needle: string, maxEdits: number): boolean {
  if (maxEdits === 0) return haystack.includes(needle);
  let previous = new Uint16Array(needle.length + 1);
  let current = new Uint16Array(needle.length + 1);
  for (let i = 0; i <= needle.length; i++) previous[i] = i;
  for (let j = 1; j <= haystack.length; j++) {
    current[0] = 0;
    for (let i = 1; i <= needle.length; i++) {
      const cost = needle[i - 1] === haystack[j - 1] ? 0 : 1;
      current[i] = Math.min(
        (previous[i - 1] as number) + cost,
        (previous[i] as number) + 1,
        (current[i - 1] as number) + 1,
      );
    }
    if ((current[needle.length] as number) <= maxEdits) return true;
    [previous, current] = [current, previous];
  }
  return (previous[needle.length] as number) <= maxEdits;
}
