import { isoDate, isRealDate } from "./dates.ts";
import { ageOn } from "./hkid/symbols.ts";

/**
 * Numbers and validity of the Mainland travel permits (HMTPermit): the permit of Hong Kong / Macao residents
 * (港澳居民来往内地通行证, "Home Return Permit") and the permit of Taiwan residents (台湾居民来往大陆通行证).
 *
 * Number rules, as the issuing authorities publish them (no check digit is published, so the structure is all
 * that is checked):
 * - Ministry of Public Security, 港澳居民来往内地通行证号码规则 (1999 card): 11 characters, `H` (Hong Kong) or `M`
 *   (Macao), the holder's life-long 8-digit number, then 2 digits counting the renewals (first issue 00).
 * - Card since 2013: the 9-character `H`/`M` + life-long number; the renewal count is printed on its own.
 * - Non-Chinese permanent residents (National Immigration Administration, 2024): 9 characters starting `HA`/`MA`,
 *   "one person, one number, unchanged for life".
 * - Taiwan residents (since 2008-09-25): the 8-digit life-long number ("一人一号、终身不变"); issue count and
 *   issuing office were moved out of the number.
 */
export type PermitRegion = "HongKong" | "Macao" | "Taiwan";

export interface PermitNumber {
  /** The number as printed. */
  readonly number: string;
  readonly region: PermitRegion;
  /** `1999`: the 11-character number with the renewal count; `2013`: the card number without it. */
  readonly series: "1999" | "2013" | "non-chinese" | "taiwan";
  /** Renewal count carried in the number (1999 series only). */
  readonly renewals: number | null;
}

export function parsePermitNumber(input: string): PermitNumber | null {
  const number = input.replace(/\s/g, "").toUpperCase();
  const region = (letter: string): PermitRegion => (letter === "H" ? "HongKong" : "Macao");
  let m = /^([HM])A\d{7}$/.exec(number);
  if (m) return { number, region: region(m[1]!), series: "non-chinese", renewals: null };
  m = /^([HM])\d{8}$/.exec(number);
  if (m) return { number, region: region(m[1]!), series: "2013", renewals: null };
  m = /^([HM])\d{8}(\d{2})$/.exec(number);
  if (m) return { number, region: region(m[1]!), series: "1999", renewals: Number(m[2]) };
  if (/^\d{8}$/.test(number)) return { number, region: "Taiwan", series: "taiwan", renewals: null };
  return null;
}

/** A validity period as printed on the permits: `2014.04.10-2019.04.09`. */
export interface ValidPeriod {
  readonly start: string;
  readonly end: string;
}

const PERIOD = /^(\d{4})\.(\d{2})\.(\d{2})-(\d{4})\.(\d{2})\.(\d{2})$/;

export function parseValidPeriod(text: string): ValidPeriod | null {
  const m = PERIOD.exec(text);
  if (!m) return null;
  const [sy, sm, sd, ey, em, ed] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  if (!isRealDate(sy, sm, sd) || !isRealDate(ey, em, ed)) return null;
  return { start: isoDate(sy, sm, sd), end: isoDate(ey, em, ed) };
}

/** `start` + `years` − 1 day, the end date every published sample prints (2014.04.10-2019.04.09, …). */
export function permitEndDate(startIso: string, years: number): string {
  const [y, m, d] = startIso.split("-").map(Number) as [number, number, number];
  const end = new Date(Date.UTC(y + years, m - 1, d));
  // 29 February + N years lands on 1 March: the day before is 28 February, as for any other start.
  if (end.getUTCMonth() !== m - 1) end.setUTCDate(0);
  else end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

/**
 * The validity the permit gives its holder, in years, from the age on the first day:
 * - Hong Kong / Macao, card since 2013 and non-Chinese permit: 10 years from 18, 5 years under 18.
 * - Hong Kong / Macao, 1999 card (Ministry of Public Security, 2010 number rule): 10 years from 18, 3 under 18.
 * - Taiwan residents' card: 5 years (the five-year permit).
 */
export function permitValidityYears(
  series: PermitNumber["series"],
  birthIso: string,
  startIso: string,
): number {
  if (series === "taiwan") return 5;
  const adult = ageOn(birthIso, startIso) >= 18;
  if (adult) return 10;
  return series === "1999" ? 3 : 5;
}

/** Whether a validity period has the form the permits print: end = start + N years − 1 day, N a term they issue. */
export function isWellFormedPermitPeriod(period: ValidPeriod, series: PermitNumber["series"]): boolean {
  const terms = series === "taiwan" ? [5] : series === "1999" ? [3, 10] : [5, 10];
  return terms.some((years) => permitEndDate(period.start, years) === period.end);
}
