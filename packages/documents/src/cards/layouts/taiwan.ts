import { labelPattern, labelSource } from "../cjk-labels.ts";
import { type CardLine, digitsOnly, readingOrder, valueForLabel } from "../lines.ts";
import { isoDate, isRealDate } from "../numbers/dates.ts";
import { isValidTaiwanId, rocYearToGregorian, taiwanIdSex } from "../numbers/east-asia.ts";
import type { TaiWanIDCard } from "../types.ts";
import { finish, type ParsedCard } from "./result.ts";

/**
 * Republic of China (Taiwan) national identity card (中華民國國民身分證, 2005 design), front. It prints, in
 * traditional characters: 姓名, 出生年月日 as a 民國 (ROC era) date, 性別, 發證日期 (民國 date, the issuing place in
 * brackets and 初發/換發/補發), 統一編號 (letter + 1/2 + 8 digits) and the photo on the right. The back (parents,
 * spouse, military service, birthplace, address, a barcode of the number) carries nothing of TaiWanIDCard.
 *
 * TaiWanIDCard has no birth-date field: the birth date feeds the key fields and the checks only. readCard decodes
 * this card without the characters used in simplified Chinese only (`ocrOptionsFor`), so a printed 陳 is not
 * returned as 陈; label words are matched in either form all the same (cjk-labels.ts), because 別/編/簽 are not in
 * the recogniser's dictionary at all.
 */
const ROC_DATE = new RegExp(
  `${labelSource("民國")}\\s?(\\d{2,3})\\s?年\\s?(\\d{1,2})\\s?月\\s?(\\d{1,2})\\s?日?`,
);
// The sex digit may come back as I or l, the other digits with the usual look-alikes.
const NUMBER = /([A-Z])([12Il][0-9OQDIlSBZG]{8})(?![0-9])/;
const HAN_NAME = /^[\u3400-\u9fff]{2,5}$/;
const NOT_NAME = new RegExp(`${labelSource("國民")}|${labelSource("身分證")}|中${labelSource("華")}`);

/** A 民國 date in `text` as ISO, when it is a real calendar date. */
export function rocDate(text: string | null | undefined): string | null {
  const m = text ? ROC_DATE.exec(text.replace(/\s/g, "")) : null;
  if (!m) return null;
  const [year, month, day] = [rocYearToGregorian(Number(m[1])), Number(m[2]), Number(m[3])];
  return isRealDate(year, month, day) ? isoDate(year, month, day) : null;
}

function readNumber(lines: readonly CardLine[]): string | null {
  let fallback: string | null = null;
  for (const line of readingOrder(lines)) {
    const m = NUMBER.exec(line.text.replace(/\s/g, "").toUpperCase());
    if (!m) continue;
    const candidate = m[1] + digitsOnly(m[2]!);
    if (candidate.length !== 10) continue;
    if (isValidTaiwanId(candidate)) return candidate;
    fallback ??= candidate;
  }
  return fallback;
}

/**
 * The name after 姓名; when moiré took the label, the Han-only line between the title and the birth-date row
 * (the layout prints nothing else there).
 */
function readName(lines: readonly CardLine[]): string | null {
  const labelled = valueForLabel(lines, /姓\s?名/, {
    below: false,
    accept: (v) => HAN_NAME.test(v.replace(/\s/g, "")),
  });
  if (labelled) return labelled.value.replace(/\s/g, "");
  const title = lines.find((l) => NOT_NAME.test(l.text));
  const birthRow = readingOrder(lines).find((l) => rocDate(l.text) !== null);
  if (!title || !birthRow) return null;
  const between = readingOrder(lines).find(
    (l) =>
      l.y0 >= title.y1 - 0.01 &&
      l.y1 <= birthRow.y0 + 0.01 &&
      HAN_NAME.test(l.text.replace(/\s/g, "")) &&
      !NOT_NAME.test(l.text) &&
      !/姓|名/.test(l.text),
  );
  return between ? between.text.replace(/\s/g, "") : null;
}

export function parseTaiwanId(lines: readonly CardLine[], referenceDate: string): ParsedCard {
  const number = readNumber(lines);
  const name = readName(lines);
  const sexText = valueForLabel(lines, labelPattern("性別"), {
    below: false,
    accept: (v) => /^[男女]/.test(v),
  });
  const sex =
    sexText?.value.slice(0, 1) ?? lines.find((l) => /^[男女]$/.test(l.text.trim()))?.text.trim() ?? null;
  const issueLabel = labelPattern("發證");
  const issueText = valueForLabel(lines, issueLabel, { below: false, accept: (v) => rocDate(v) !== null });
  const issued = rocDate(issueText?.value ?? lines.find((l) => issueLabel.test(l.text))?.text);
  const birthText = valueForLabel(lines, /出\s?生/, {
    below: false,
    accept: (v) => rocDate(v) !== null,
  })?.value;
  // Without its label the birth date is the first 民國 date that is not the issue date.
  const birth =
    rocDate(birthText) ??
    readingOrder(lines)
      .filter((l) => !issueLabel.test(l.text) && l !== issueText?.line)
      .map((l) => rocDate(l.text))
      .find((d) => d !== null) ??
    null;

  const checks: Record<string, boolean> = { numberCheckDigit: number !== null && isValidTaiwanId(number) };
  const numberSex = number ? taiwanIdSex(number) : null;
  if (numberSex && sex) checks.sexMatchesNumber = (sex === "男") === (numberSex === "M");
  if (birth) checks.birthDateNotInFuture = birth <= referenceDate;
  if (birth && issued) checks.issuedAfterBirth = issued >= birth && issued <= referenceDate;
  const card: TaiWanIDCard = {
    FullName: name && !NOT_NAME.test(name) ? name : null,
    LicenseNumber: number,
    Sex: sex,
    IssuedCountry: "Taiwan",
    RegistrationNumber: null,
  };
  return finish(
    { TaiWanIDCard: card },
    { TaiWanIDCard: card },
    { name: card.FullName, number, birthDate: birth },
    checks,
  );
}
