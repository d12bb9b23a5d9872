import { type CardLine, digitsOnly, readingOrder, valueForLabel } from "../lines.ts";
import {
  isWellFormedPermitPeriod,
  type PermitNumber,
  parsePermitNumber,
  parseValidPeriod,
  permitEndDate,
  permitValidityYears,
} from "../numbers/travel-permits.ts";
import type { HMTPermit } from "../types.ts";
import { finish, type ParsedCard } from "./result.ts";

/**
 * Mainland travel permit (HMTPermit), front: the card of Hong Kong / Macao residents (港澳居民来往内地通行证, since
 * 2013) and of Taiwan residents (台湾居民来往大陆通行证, since 2015). Both print, in simplified characters with
 * English labels: the title, the Chinese name with the English one under it (`HE,CHENG`), 出生日期, 性别,
 * 有效期限 `YYYY.MM.DD-YYYY.MM.DD`, 签发机关, the number at the top right, the renewal / issue count; the
 * Taiwan card adds 签发地点 (→ IssueAddress). Photo on the left. Dates are reported as printed (`2000.01.01`).
 */
const DATE = /(\d{4})\.?(\d{2})\.?(\d{2})/;
const PERIOD = /(\d{4})[.,]?(\d{2})[.,]?(\d{2})\s*[-—–~_一]+\s*(\d{4})[.,]?(\d{2})[.,]?(\d{2})/;
const HAN_NAME = /^[\u3400-\u9fff]{2,6}$/;
const ENGLISH_NAME = /^([A-Z][A-Z' -]*)\s?,\s?([A-Z][A-Z' -]*)$/;
const HK_MACAO_TITLE = /港澳居民/;
const TAIWAN_TITLE = /台湾居民/;

const dotted = (m: RegExpExecArray, from = 1) => `${m[from]}.${m[from + 1]}.${m[from + 2]}`;

function readNumber(lines: readonly CardLine[]): PermitNumber | null {
  const ordered = readingOrder(lines);
  for (const line of ordered) {
    const compact = line.text.replace(/\s/g, "").toUpperCase();
    const m = /(?:^|[^A-Z0-9])([HM]A?)([0-9OQDIlSBZG]{7,10})(?![0-9])/.exec(` ${compact}`);
    const parsed = m ? parsePermitNumber(m[1]! + digitsOnly(m[2]!)) : null;
    if (parsed) return parsed;
  }
  // The Taiwan number is 8 digits alone: only where the card prints it (top of the card), never a date.
  for (const line of ordered.filter((l) => l.y1 < 0.3)) {
    const compact = line.text.replace(/\s/g, "");
    if (/^\d{8}$/.test(compact)) return parsePermitNumber(compact);
  }
  return null;
}

function readNames(lines: readonly CardLine[]): { chinese: string | null; english: string | null } {
  const englishLine = lines.find((l) => ENGLISH_NAME.test(l.text.replace(/\s+/g, " ")));
  const english = englishLine ? englishLine.text.replace(/\s*,\s*/, ",").replace(/\s+/g, " ") : null;
  const labelled = valueForLabel(lines, /姓\s?名/, {
    below: false,
    accept: (v) => HAN_NAME.test(v.replace(/\s/g, "")),
  })?.value;
  // Without its label, the Chinese name is the Han line right above the English name.
  const above = englishLine
    ? lines
        .filter((l) => l.y1 <= englishLine.y0 + 0.01 && englishLine.y0 - l.y1 < 0.08)
        .find((l) => HAN_NAME.test(l.text.replace(/\s/g, "")) && !/通行证|居民/.test(l.text))?.text
    : undefined;
  const chinese = (labelled ?? above)?.replace(/\s/g, "") ?? null;
  return { chinese, english };
}

export function parseHmtPermit(lines: readonly CardLine[], referenceDate: string): ParsedCard {
  const permit = readNumber(lines);
  const { chinese, english } = readNames(lines);
  const birthText = valueForLabel(lines, /出生日期|Date\s?of\s?birth/i, {
    accept: (v) => DATE.test(v),
  })?.value;
  const periodLine = lines.map((l) => PERIOD.exec(l.text.replace(/\s/g, ""))).find((m) => m !== null);
  const validDate = periodLine ? `${dotted(periodLine)}-${dotted(periodLine, 4)}` : null;
  // The birth date is the first full date that is not part of the validity period.
  const birthMatch =
    (birthText ? DATE.exec(birthText.replace(/\s/g, "")) : null) ??
    readingOrder(lines)
      .filter((l) => !PERIOD.test(l.text.replace(/\s/g, "")))
      .map((l) => /(\d{4})\.(\d{2})\.(\d{2})/.exec(l.text.replace(/\s/g, "")))
      .find((m) => m !== null) ??
    null;
  const birthday = birthMatch ? dotted(birthMatch) : null;
  const birthIso = birthday ? birthday.replace(/\./g, "-") : null;
  // The small labels go first under moiré: the lone 男/女 and the bureau's name ("…局") are recognisable alone.
  const sex =
    valueForLabel(lines, /性\s?别|Sex/i, { accept: (v) => /^[男女]/.test(v) })?.value.slice(0, 1) ??
    lines.find((l) => /^[男女]$/.test(l.text.trim()))?.text.trim() ??
    null;
  const authorityText =
    valueForLabel(lines, /签\s?发\s?机|发\s?机\s?关|Issuing\s?authority/i, {
      accept: (v) => /[\u4e00-\u9fff]{4,}/.test(v),
    })?.value ?? lines.find((l) => /^[\u4e00-\u9fff]{4,}局$/.test(l.text.replace(/\s/g, "")))?.text;
  const authority = authorityText?.replace(/[^\u4e00-\u9fff]/g, "") ?? null;
  // Under its label: the issue-count label stands to its right on the same row.
  const place =
    valueForLabel(lines, /签\s?发\s?地\s?点/, {
      right: false,
      accept: (v) => /^[\u4e00-\u9fff]{2,4}$/.test(v) && !/次数|签发/.test(v),
    })?.value ?? null;

  const checks: Record<string, boolean> = { numberStructure: permit !== null };
  const title = lines.find((l) => HK_MACAO_TITLE.test(l.text) || TAIWAN_TITLE.test(l.text))?.text;
  if (permit && title) checks.numberMatchesTitle = TAIWAN_TITLE.test(title) === (permit.region === "Taiwan");
  if (birthIso) checks.birthDateNotInFuture = birthIso <= referenceDate;
  const period = validDate ? parseValidPeriod(validDate) : null;
  if (validDate)
    checks.validPeriodWellFormed =
      period !== null && (!permit || isWellFormedPermitPeriod(period, permit.series));
  if (period && permit && birthIso) {
    const years = permitValidityYears(permit.series, birthIso, period.start);
    checks.validPeriodMatchesAge = permitEndDate(period.start, years) === period.end;
    checks.issuedAfterBirth = period.start >= birthIso && period.start <= referenceDate;
  }
  const card: HMTPermit = {
    Name: chinese,
    EnglishName: english,
    Number: permit?.number ?? null,
    Sex: sex,
    ValidDate: validDate,
    IssueAuthority: authority,
    IssueAddress: place,
    Birthday: birthday,
  };
  // No legacy CardInfo member exists for this permit (reference §6.7).
  return finish(
    { HMTPermitCard: card },
    {},
    { name: chinese ?? english, number: permit?.number ?? null, birthDate: birthIso },
    checks,
  );
}
