import { labelPattern } from "../cjk-labels.ts";
import { foldJapanese, JAPANESE_NAME, japaneseAddress, japaneseDate } from "../japanese-text.ts";
import { type CardLine, readingOrder } from "../lines.ts";
import { ageOn } from "../numbers/index.ts";
import type { JapanIDCard } from "../types.ts";
import { rowFrom } from "./labelled-rows.ts";
import { finish, type ParsedCard } from "./result.ts";

/**
 * My Number card (個人番号カード) front: 氏名, 住所, the birth date (`昭和60年 3月 1日生`, era or Western) with 性別,
 * the expiry `2030年 3月 1日まで有効`, the blank e-certificate box and the photo on the right.
 *
 * LicenseNumber is always null. The 12-digit individual number is printed on the back only, and the My Number Act
 * (arts. 19–20) lets a business collect it only for the tax and social-security procedures it lists — an
 * identity check is not one of them — so the reader never asks for the back and ignores a 12-digit number if
 * one shows up. The front's key fields are therefore the name and the birth date (`numberPrinted: false`).
 * Age is computed from the birth date at the reading's reference date (the card prints no age).
 */
const centreY = (l: CardLine) => (l.y0 + l.y1) / 2;
const HAS_DATE = (text: string) => japaneseDate(text) !== null;
// 氏 comes back as 低 or 民 under blur.
export const NAME_LABEL = /[氏低民]\s?名/;
const ADDRESS_LABEL = /住\s?所/;
const BIRTH_LABEL = /生\s?年\s?月\s?日/;
// まで有効 comes back as 飞有效, 末下有幼, 有…: 有 with 效/効/幼 or alone at the end of the expiry row.
const EXPIRY = new RegExp(`有[效効幼]|${labelPattern("有効期限").source}|まで|有$`);
/** Title, box captions and labels: never a name. */
const NOT_NAME = /番号|力一|カ一|カード|証|证|期限|提供|意思|氏名|住所|性|生年|[别別]$/;
const ADDRESS_WORD = /[都道府県县市区町村丁番]/;

/**
 * 一 (健一, 一郎) is one horizontal stroke, which the recogniser often returns as a dash (`健—`). A name holds no
 * dash — the katakana ー it could also be needs kana, which the dictionary lacks — so a dash next to a Han
 * character in a name box is 一.
 */
const DASH_BY_HAN = /(?<=\p{Script=Han})[—―－ー-]|[—―－ー-](?=\p{Script=Han})/gu;

/** A Japanese name as read: Han/kana boxes of one row joined with one space (the card's full-width gap). */
export function japaneseNameIn(texts: readonly string[]): string | null {
  const parts = texts
    .map((t) => foldJapanese(t.replace(/\s+/g, " ").trim()).replace(DASH_BY_HAN, "一"))
    .filter((t) => t.length > 0 && t.split(" ").every((w) => JAPANESE_NAME.test(w)) && !NOT_NAME.test(t));
  const name = parts.join(" ");
  return name.replace(/\s/g, "").length >= 2 ? name : null;
}

/** A two-character box ending in 名: the name label misread, not part of the name. */
const LABEL_LIKE = /^.\s?名$/;
/**
 * Card noise in the wide gap between family and given name is sometimes detected as a box of one or two
 * characters the recogniser itself doubts (`强` at 0.12 between 石川 and 真由美); printed text reads at > 0.8.
 */
const isNoise = (o: CardLine) => o.text.replace(/\s/g, "").length <= 2 && o.confidence < 0.4;

/** The name boxes of the row `line` is on, left to right (labels and dates left out). */
export function nameRow(lines: readonly CardLine[], line: CardLine): string | null {
  const h = line.y1 - line.y0;
  const row = lines
    .filter(
      (o) =>
        Math.abs(centreY(o) - centreY(line)) < h * 0.7 &&
        !/\d/.test(o.text) &&
        !LABEL_LIKE.test(o.text) &&
        !isNoise(o),
    )
    .sort((a, b) => a.x0 - b.x0);
  return japaneseNameIn(row.map((o) => o.text));
}

/** The boxes to the right of a label on its row (the label's own text after it first). */
export function rowAfterLabel(
  lines: readonly CardLine[],
  label: RegExp,
): { texts: string[]; line: CardLine } | null {
  const line = readingOrder(lines).find((l) => label.test(l.text));
  if (!line) return null;
  const own = line.text.slice(label.exec(line.text)!.index + label.exec(line.text)![0].length).trim();
  const h = line.y1 - line.y0;
  const right = lines
    .filter(
      (o) =>
        o !== line &&
        o.x0 >= line.x1 - h / 2 &&
        Math.abs(centreY(o) - centreY(line)) < h * 0.7 &&
        !isNoise(o),
    )
    .sort((a, b) => a.x0 - b.x0)
    .map((o) => o.text);
  return { texts: own ? [own, ...right] : right, line };
}

function readName(
  lines: readonly CardLine[],
  addressLine: CardLine | null,
  birthLine: CardLine | null,
): string | null {
  const labelled = rowAfterLabel(lines, NAME_LABEL);
  const fromLabel = labelled && japaneseNameIn(labelled.texts);
  if (fromLabel) return fromLabel;
  // Label lost (moiré, glare): the name is the Han row above the address and the birth date, below the title.
  const limit = Math.min(addressLine?.y0 ?? 1, birthLine?.y0 ?? 1) + 0.01;
  const above = readingOrder(lines).filter(
    (l) => l.y1 <= limit && !HAS_DATE(l.text) && !ADDRESS_WORD.test(l.text),
  );
  for (const line of above.reverse()) {
    const name = nameRow(lines, line);
    if (name) return name;
  }
  return null;
}

/**
 * The address after its label, or the row that reads like an address. One printed line only: a second address
 * line (long addresses wrap on real cards) is not joined yet — the synthetic layouts print one.
 */
export function readAddress(lines: readonly CardLine[]): { text: string; line: CardLine } | null {
  const labelled = rowAfterLabel(lines, ADDRESS_LABEL);
  const first =
    labelled && labelled.texts.length > 0
      ? { text: labelled.texts.join(""), line: labelled.line }
      : readingOrder(lines)
          .filter(
            (l) =>
              /[市区町村郡]/.test(l.text) &&
              (/[都道府県县]/.test(l.text) || /\d\s?(番地|番|丁目|号)/.test(l.text)) &&
              !/公安/.test(l.text),
          )
          .map((l) => ({ text: rowFrom(lines, l).replace(/\s/g, ""), line: l }))[0];
  if (!first) return null;
  const text = japaneseAddress(first.text);
  return text.length >= 4 ? { text, line: first.line } : null;
}

export function parseJapanId(lines: readonly CardLine[], referenceDate: string): ParsedCard {
  const address = readAddress(lines);
  const ordered = readingOrder(lines);
  const birthLine = ordered.find((l) => /日\s?生/.test(l.text) && japaneseDate(l.text)) ?? null;
  const name = readName(lines, address?.line ?? null, birthLine);
  const birthRow = rowAfterLabel(lines, BIRTH_LABEL);
  const birth =
    japaneseDate(birthRow?.texts.join("")) ??
    // The `…日生` row, or — label and 生 both lost — the first date that is not on the expiry row.
    ordered.map((l) => (/日\s?生/.test(l.text) ? japaneseDate(l.text) : null)).find((d) => d !== null) ??
    ordered
      .filter((l) => !EXPIRY.test(l.text))
      .map((l) => japaneseDate(l.text))
      .find((d) => d !== null) ??
    null;
  const expiry =
    ordered
      .filter((l) => EXPIRY.test(l.text))
      .map((l) => japaneseDate(l.text))
      .find((d) => d !== null && d !== birth) ??
    // The front prints two dates; with the expiry's words lost, it is the later one.
    ordered
      .map((l) => japaneseDate(l.text))
      .filter((d): d is string => d !== null && birth !== null && d > birth)
      .sort()
      .at(-1) ??
    null;
  const checks: Record<string, boolean> = {};
  if (birth) checks.birthDateNotInFuture = birth <= referenceDate;
  if (birth && expiry) checks.expiryAfterBirth = expiry > birth;
  const card: JapanIDCard = {
    FullName: name,
    LicenseNumber: null,
    Age: birth && birth <= referenceDate ? String(ageOn(birth, referenceDate)) : null,
    Birthday: birth,
    ExpirationDate: expiry,
    FormattedAddress: address?.text ?? null,
  };
  return finish(
    { JapanIDCard: card },
    { JapanIDCard: card },
    { name, number: null, birthDate: birth },
    checks,
    { numberPrinted: false },
  );
}
