import { isoDate, isRealDate } from "./dates.ts";

/**
 * Japanese dates and the driving licence number.
 *
 * Era (元号) years: year n of an era is its first Gregorian year + n − 1, 元年 being year 1. First days as the
 * Cabinet Office gives them: 明治 1868-01-25 (calendar reform counted from 1873; earlier dates are not on any
 * living holder's card), 大正 1912-07-30, 昭和 1926-12-25, 平成 1989-01-08, 令和 2019-05-01. A date before its
 * era's first day (昭和元年 1月) or after the next era began (昭和65年) does not exist and is rejected, so a
 * misread era or year is not turned into a plausible but wrong date.
 */
export const ERAS = [
  { name: "明治", start: "1868-01-25" },
  { name: "大正", start: "1912-07-30" },
  { name: "昭和", start: "1926-12-25" },
  { name: "平成", start: "1989-01-08" },
  { name: "令和", start: "2019-05-01" },
] as const;
export type EraName = (typeof ERAS)[number]["name"];

/** An era date as ISO, or null when the era has no such day. */
export function eraToIso(era: EraName, year: number, month: number, day: number): string | null {
  const index = ERAS.findIndex((e) => e.name === era);
  const first = Number(ERAS[index]!.start.slice(0, 4));
  const gregorian = first + year - 1;
  if (year < 1 || !isRealDate(gregorian, month, day)) return null;
  const iso = isoDate(gregorian, month, day);
  const next = ERAS[index + 1];
  return iso >= ERAS[index]!.start && (!next || iso < next.start) ? iso : null;
}

/** The era an ISO date falls in and its era year (1 = 元年). */
export function isoToEra(iso: string): { era: EraName; year: number } {
  const era = [...ERAS].reverse().find((e) => iso >= e.start) ?? ERAS[0];
  return { era: era.name, year: Number(iso.slice(0, 4)) - Number(era.start.slice(0, 4)) + 1 };
}

/**
 * Prefectural public safety commission (公安委員会) codes that open a driving licence number, as publicly
 * reported (the National Police Agency publishes no number format; these two digits are the commission of the
 * first licence, not necessarily the one that issued the card). Hokkaido has five areas (10–14).
 */
export const LICENCE_COMMISSION_CODES: Readonly<Record<string, string>> = {
  "10": "北海道",
  "11": "北海道",
  "12": "北海道",
  "13": "北海道",
  "14": "北海道",
  "20": "青森県",
  "21": "岩手県",
  "22": "宮城県",
  "23": "秋田県",
  "24": "山形県",
  "25": "福島県",
  "30": "東京都",
  "40": "茨城県",
  "41": "栃木県",
  "42": "群馬県",
  "43": "埼玉県",
  "44": "千葉県",
  "45": "神奈川県",
  "46": "新潟県",
  "47": "山梨県",
  "48": "長野県",
  "49": "静岡県",
  "50": "富山県",
  "51": "石川県",
  "52": "福井県",
  "53": "岐阜県",
  "54": "愛知県",
  "55": "三重県",
  "60": "滋賀県",
  "61": "京都府",
  "62": "大阪府",
  "63": "兵庫県",
  "64": "奈良県",
  "65": "和歌山県",
  "70": "鳥取県",
  "71": "島根県",
  "72": "岡山県",
  "73": "広島県",
  "74": "山口県",
  "80": "徳島県",
  "81": "香川県",
  "82": "愛媛県",
  "83": "高知県",
  "90": "福岡県",
  "91": "佐賀県",
  "92": "長崎県",
  "93": "熊本県",
  "94": "大分県",
  "95": "宮崎県",
  "96": "鹿児島県",
  "97": "沖縄県",
};

/**
 * Structure of a Japanese driving licence number (第 NNNNNNNNNNNN 号) as publicly described: 12 digits — the
 * commission code of the first licence (2), the last two digits of that year (2), a serial (6), a check digit
 * (1) and the count of reissues after loss (1). The check digit's rule is not published by the police and the
 * formulas circulating are unconfirmed, so it is not computed: a number passes on structure alone.
 */
export function isWellFormedJapanLicenceNumber(number: string): boolean {
  return /^\d{12}$/.test(number) && LICENCE_COMMISSION_CODES[number.slice(0, 2)] !== undefined;
}

/**
 * Whether the number's first-licence year (digits 3–4, two-digit Western year) can be a year between the holder's
 * 16th birthday year (the youngest licensing age, mopeds and motorcycles) and the card's issue year.
 */
export function licenceYearPlausible(number: string, birthIso: string, issuedIso: string): boolean {
  const yy = Number(number.slice(2, 4));
  const [from, to] = [Number(birthIso.slice(0, 4)) + 16, Number(issuedIso.slice(0, 4))];
  for (let year = from; year <= to; year++) if (year % 100 === yy) return true;
  return false;
}
