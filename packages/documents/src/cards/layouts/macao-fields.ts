import { type CardLine, readingOrder, valueForLabel, valueNearLabel } from "../lines.ts";
import { findPrintedDate } from "../printed-dates.ts";

/**
 * Field readers of the Macao resident card front (see macao.ts): label-anchored first, then by the layout's
 * order when moiré or blur took the small bilingual labels (names: the Han + Latin rows under the title;
 * dates: birth first, then issue on the left and expiry on the right).
 */
const NO_EXPIRY = /^[-—–_]{4,}$/;
const DMY = /^\d{2}-\d{2}-\d{4}$/;

const latin = (v: string) =>
  v
    .replace(/[^A-Z' -]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
const hasHan = (v: string) => /[\u3400-\u9fff]/.test(v);

/** The Latin text of a row: every Latin box of it (the Chinese name may be its own box or share one). */
function rowLatin(lines: readonly CardLine[], anchor: CardLine): string | null {
  const row = lines.filter(
    (l) => Math.abs(l.y0 + l.y1 - anchor.y0 - anchor.y1) < (anchor.y1 - anchor.y0) * 0.8,
  );
  const text = readingOrder(row)
    .map((l) => latin(l.text))
    .filter(Boolean)
    .join(" ");
  return text || null;
}

function latinUnder(lines: readonly CardLine[], label: RegExp): string | null {
  const labelLine = lines.find((l) => label.test(l.text));
  if (!labelLine) return null;
  const found = valueNearLabel(lines, labelLine, {
    right: false,
    accept: (v) => latin(v).replace(/\s/g, "").length >= 2 && !/[a-z]/.test(v),
  });
  return found ? rowLatin(lines, found.line) : null;
}

/**
 * Surname and given names (Latin). Without their labels: the first two rows holding both Han characters and
 * Latin capitals, right of the photo and above the first date (the layout prints the two name fields there).
 */
export function readMacaoNames(lines: readonly CardLine[]): { last: string | null; first: string | null } {
  let last = latinUnder(lines, /^姓(?!名)|Apel/i);
  let first = latinUnder(lines, /^名|Nome\b/i);
  if (last && first) return { last, first };
  const firstDate = readingOrder(lines).find((l) => findPrintedDate(l.text) !== null);
  const nameRows = readingOrder(lines)
    .filter((l) => l.x0 > 0.25 && (!firstDate || l.y1 <= firstDate.y0))
    .filter((l) => hasHan(l.text) && /[A-Z]{2}/.test(l.text) && !/[a-z]/.test(l.text))
    .concat(
      // The Han and the Latin part as two boxes on one row: the Han box anchors the row.
      readingOrder(lines).filter(
        (l) =>
          l.x0 > 0.25 &&
          /^[\u3400-\u9fff]{1,4}$/.test(l.text) &&
          (!firstDate || l.y1 <= firstDate.y0) &&
          lines.some(
            (o) =>
              o !== l &&
              o.x0 > l.x1 &&
              Math.abs(o.y0 + o.y1 - l.y0 - l.y1) < l.y1 - l.y0 &&
              /^[A-Z][A-Z -]*$/.test(o.text),
          ),
      ),
    )
    .sort((a, b) => a.y0 - b.y0);
  const rows = nameRows.filter((l, i) => i === 0 || l.y0 - nameRows[i - 1]!.y0 > (l.y1 - l.y0) * 0.8);
  last ??= rows[0] ? rowLatin(lines, rows[0]) : null;
  first ??= rows[1] ? rowLatin(lines, rows[1]) : null;
  return { last, first };
}

function dateAfter(lines: readonly CardLine[], label: RegExp): string | null {
  // A dash-only value ("------": no expiry) is emptied by the separator clean-up: recognise its raw line.
  const hit = valueForLabel(lines, label, { accept: (v) => findPrintedDate(v) !== null || v === "" });
  if (!hit) return null;
  if (hit.value === "") return NO_EXPIRY.test(hit.line.text.replace(/\s/g, "")) ? "------" : null;
  return findPrintedDate(hit.value)?.raw ?? null;
}

/** Birth, issue and expiry dates as printed (`DD-MM-YYYY`; expiry `------` when the card does not expire). */
export function readMacaoDates(lines: readonly CardLine[]): {
  birth: string | null;
  issued: string | null;
  expiry: string | null;
} {
  let birth = dateAfter(lines, /出生日期|Data\s?de\s?nasc/i);
  // 簽 is not in the recogniser's dictionary: it comes back as 签 or as a look-alike (策); the Portuguese half
  // of the label identifies the line as well.
  let issued = dateAfter(lines, /[發发]\s?日\s?期|Data\s?de\s?emiss/i);
  let expiry = dateAfter(lines, /有效期|V[aá]lido/i);
  const dates = readingOrder(lines).flatMap((line) => {
    const raw = findPrintedDate(line.text)?.raw;
    return raw && DMY.test(raw) ? [{ line, raw }] : [];
  });
  const used = new Set([birth, issued, expiry]);
  const free = dates.filter((d) => !used.has(d.raw));
  const iso = (raw: string) => raw.split("-").reverse().join("-");
  // The birth date stands alone on its row and is the earliest date of the card: an issue date whose row lost
  // its label to glare is neither.
  const alone = (d: (typeof dates)[number]) =>
    !dates.some(
      (o) => o !== d && Math.abs(o.line.y0 + o.line.y1 - d.line.y0 - d.line.y1) < d.line.y1 - d.line.y0,
    );
  const earliest = (d: (typeof dates)[number]) => dates.every((o) => o === d || iso(o.raw) > iso(d.raw));
  const birthCandidate = free.find((d) => alone(d) && earliest(d));
  if (!birth && birthCandidate) {
    birth = birthCandidate.raw;
    free.splice(free.indexOf(birthCandidate), 1);
  }
  issued ??= free.find((d) => d.line.x0 < 0.6)?.raw ?? null;
  expiry ??= free.find((d) => d.line.x0 >= 0.6 && d.raw !== issued)?.raw ?? null;
  return { birth, issued, expiry };
}

/** M or F after 性別 / Sexo, else a lone M or F on the card. */
export function readMacaoSex(lines: readonly CardLine[], label: RegExp): string | null {
  const labelled = valueForLabel(lines, label, { accept: (v) => /^(Sexo)?\s?[MF]\b/i.test(v) })?.value.match(
    /\b[MF]\b/,
  )?.[0];
  return labelled ?? lines.find((l) => /^[MF]$/.test(l.text.trim()))?.text.trim() ?? null;
}
