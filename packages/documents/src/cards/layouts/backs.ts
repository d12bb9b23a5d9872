import { type CardLine, digitsOnly, readingOrder, valueForLabel } from "../lines.ts";
import { isRealDate } from "../numbers/dates.ts";
import { parseMainlandId } from "../numbers/mainland.ts";
import type { IdCardType } from "../types.ts";
import { parseHmtPermitBack } from "./hmt-permit-back.ts";

/** What a layout parser gives back for one card's back side. */
export interface ParsedBack {
  /**
   * Fields of the type's NormalCardInfo struct that the back prints (reference §6.7 names), e.g. Authority and
   * ValidDate of MainlandIDCard. Merged over the front's struct; null values never replace what the front read.
   */
  normal: Record<string, string | null>;
  /** The same for the legacy CardInfo struct, where the type has one. */
  legacy: Record<string, string | null>;
  /** The document number as the back prints it (cross-checked with the front); null when not printed or not read. */
  number: string | null;
  /**
   * Named checks of the back alone (`backSide`: the photo shows a back, not the front again; …). The merge adds
   * the cross-checks with the front.
   */
  checks: Record<string, boolean>;
  /**
   * What the back prints that the type's struct has no field for, kept for the cross-checks with the front
   * (HMTPermit: the holder's Chinese name and Hong Kong / Macao identity card number).
   */
  crossCheck?: Record<string, string | null>;
  /** The photo shows what only the front prints (its labels, its number): the front photographed again. */
  frontShown?: boolean;
}

/** Types whose back side has a layout parser. */
export const BACK_LAYOUT_TYPES = [
  "MLIDCard",
  "MainlandIDCard",
  "HMTPermit",
] as const satisfies readonly IdCardType[];

/** The back parser of `type`, or null when the type's back is only stored and cut, not read. */
export function parseCardBackLines(
  type: IdCardType,
  lines: readonly CardLine[],
  referenceDate: string,
): ParsedBack | null {
  switch (type) {
    case "MLIDCard":
      return parseMyKadBack(lines);
    case "MainlandIDCard":
      return parseMainlandBack(lines, referenceDate);
    case "HMTPermit":
      return parseHmtPermitBack(lines);
    default:
      return null;
  }
}

const MYKAD_NUMBER = /(\d{6})\s?-\s?(\d{2})\s?-\s?(\d{4})/;

/**
 * MyKad back: the identity number printed again (top left; some cards follow it with `-NN-NN`), the chip,
 * the signature of the Ketua Pengarah Pendaftaran Negara (Director-General of National Registration). The
 * back adds no field of MLIDCard; its number is cross-checked with the front's.
 */
export function parseMyKadBack(lines: readonly CardLine[]): ParsedBack {
  let number: string | null = null;
  for (const line of readingOrder(lines)) {
    // Same digit confusions as on the front (O/I/S/B for 0/1/5/8) inside the number only.
    const m = MYKAD_NUMBER.exec(line.text.replace(/[OIlSB]/g, (c) => digitsOnly(c)));
    if (m) {
      number = `${m[1]}-${m[2]}-${m[3]}`;
      break;
    }
  }
  const text = lines.map((l) => l.text.replace(/\s/g, "").toUpperCase()).join(" ");
  // "KAD PENGENALAN" is the front's title and never on a back: without this a second photo of the front
  // would "match" the front's number.
  const backSide = /PENDAFTARAN|PENGARAH/.test(text) && !/KADPENGENALAN/.test(text);
  return { normal: {}, legacy: {}, number, checks: { backSide, backNumberRead: number !== null } };
}

/** 有效期限 as printed: `2015.03.01-2035.03.01` or `2016.05.10-长期`. */
const VALID_PERIOD =
  /(\d{4})[.．·-]?(\d{2})[.．·-]?(\d{2})\s*[-—–~至]+\s*(?:(\d{4})[.．·-]?(\d{2})[.．·-]?(\d{2})|(长期|長期))/;

/**
 * Mainland resident identity card (2nd generation) back: 中华人民共和国 / 居民身份证, 签发机关 (the issuing public
 * security bureau) → Authority, 有效期限 (validity period) → ValidDate, written `YYYY.MM.DD-YYYY.MM.DD` or
 * `YYYY.MM.DD-长期`. The period must be well formed; with the front's number it must also match the holder's age
 * on the first day (Resident Identity Card Law art. 5: under 16 five years, 16–25 ten, 26–45 twenty, 46+ 长期).
 */
export function parseMainlandBack(lines: readonly CardLine[], referenceDate: string): ParsedBack {
  const authority =
    valueForLabel(lines, /签\s?发\s?机\s?关|簽\s?發\s?機\s?關/)?.value.replace(/\s/g, "") ?? null;
  const validText =
    valueForLabel(lines, /有\s?效\s?期\s?限/, { accept: (v) => VALID_PERIOD.test(v.replace(/\s/g, "")) })
      ?.value ??
    lines.map((l) => l.text).find((t) => VALID_PERIOD.test(t.replace(/\s/g, ""))) ??
    null;
  const period = validText ? VALID_PERIOD.exec(validText.replace(/\s/g, "")) : null;
  const validDate = period
    ? `${period[1]}.${period[2]}.${period[3]}-${period[7] ? "长期" : `${period[4]}.${period[5]}.${period[6]}`}`
    : null;
  const text = lines.map((l) => l.text.replace(/\s/g, "")).join(" ");
  const checks: Record<string, boolean> = {
    backSide: /签发机关|有效期限|居民身份证/.test(text) && !/公民身份号码/.test(text),
    validDateRead: validDate !== null,
  };
  if (period) checks.validPeriodWellFormed = isWellFormedPeriod(period, referenceDate);
  return {
    normal: { Authority: authority, ValidDate: validDate },
    legacy: {},
    number: null,
    checks,
  };
}

function isWellFormedPeriod(period: RegExpExecArray, referenceDate: string): boolean {
  const [y, m, d] = [Number(period[1]), Number(period[2]), Number(period[3])];
  if (!isRealDate(y, m, d) || `${period[1]}-${period[2]}-${period[3]}` > referenceDate) return false;
  if (period[7]) return true;
  const years = Number(period[4]) - y;
  return period[5] === period[2] && period[6] === period[3] && [5, 10, 20].includes(years);
}

/** Validity years the law gives a holder born on `birthIso` whose card starts on `startIso`; null = 长期. */
export function mainlandValidityYears(birthIso: string, startIso: string): number | null {
  const [by, bm, bd] = birthIso.split("-").map(Number) as [number, number, number];
  const [sy, sm, sd] = startIso.split("-").map(Number) as [number, number, number];
  const age = sy - by - (sm < bm || (sm === bm && sd < bd) ? 1 : 0);
  if (age < 16) return 5;
  if (age <= 25) return 10;
  if (age <= 45) return 20;
  return null;
}

/** Whether a read ValidDate (`YYYY.MM.DD-…`) is the period the law gives the holder of `number`. */
export function mainlandPeriodMatchesNumber(
  validDate: string,
  number: string,
  referenceDate: string,
): boolean {
  const holder = parseMainlandId(number, referenceDate);
  const m = /^(\d{4})\.(\d{2})\.(\d{2})-(?:(\d{4})\.\d{2}\.\d{2}|长期)$/.exec(validDate);
  if (!holder || !m) return false;
  const years = mainlandValidityYears(holder.birthDate, `${m[1]}-${m[2]}-${m[3]}`);
  return years === null ? m[4] === undefined : m[4] !== undefined && Number(m[4]) - Number(m[1]) === years;
}
