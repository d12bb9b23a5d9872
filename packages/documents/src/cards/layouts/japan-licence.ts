import { japaneseDate, prefectureAtEnd } from "../japanese-text.ts";
import { type CardLine, digitsOnly, readingOrder } from "../lines.ts";
import {
  isWellFormedJapanLicenceNumber,
  LICENCE_COMMISSION_CODES,
  licenceYearPlausible,
} from "../numbers/japan.ts";
import { addressFromLines, generalCard } from "./general-card.ts";
import { japaneseNameIn, NAME_LABEL, nameRow, readAddress, rowAfterLabel } from "./japan-id.ts";
import { datesInOrder } from "./labelled-rows.ts";
import { finish, type ParsedCard } from "./result.ts";

/**
 * Japanese driving licence (運転免許証) front: 氏名 with the birth date (`昭和60年 3月 1日生`) on the same row,
 * 住所, 交付 (era date and a 5-digit enquiry number), the coloured band `2030年(令和12年) 5月 8日まで有効`,
 * 免許の条件等, `番号 第 301234567890 号`, the first-licence dates of the class groups (二・小・原, 他, 二種: era
 * dates too — never the birth date), the classes grid, `東京都公安委員会` and the photo on the right.
 *
 * Read into GeneralCard: LicenseNumber, FullName, Birthday, IssuedDate, ExpirationDate, IssuedAuthority (the
 * commission as printed), IssuedCountry "Japan", Address (one line; Subdivision = the prefecture it starts with).
 * The conditions and classes have no GeneralCard field; the card prints no sex.
 */
const centreY = (l: CardLine) => (l.y0 + l.y1) / 2;
const PREFECTURES = [...new Set(Object.values(LICENCE_COMMISSION_CODES))];
const EXPIRY = /有[效効幼]|まで|有$|年\s?[(（]/;
// 第 and 号 around the number are sometimes lost or read as 弟/亏; the 12 digits are what matters.
const NUMBER = /(?:番号|第|弟)\s*([0-9OoIlDSBZ ]{12,16})\s*[号亏]?/;

function readNumber(lines: readonly CardLine[]): string | null {
  for (const line of readingOrder(lines)) {
    const m = NUMBER.exec(line.text);
    const digits = m ? digitsOnly(m[1]!) : null;
    if (digits?.length === 12) return digits;
  }
  // Label words lost: a line that is exactly twelve digits (the enquiry number on the 交付 row has five).
  const bare = lines.map((l) => l.text.replace(/[\s第号]/g, "")).find((t) => /^\d{12}$/.test(t));
  return bare ?? null;
}

/** The birth date: the `…日生` date of the name row (the class-group dates carry no 生). */
function readBirth(lines: readonly CardLine[], nameLine: CardLine | null): string | null {
  const ordered = readingOrder(lines);
  const marked = ordered.map((l) => (/日\s?生/.test(l.text) ? japaneseDate(l.text) : null)).find((d) => d);
  if (marked) return marked;
  if (!nameLine) return null;
  // 生 lost: the date on the name's row.
  const h = nameLine.y1 - nameLine.y0;
  return (
    ordered
      .filter((l) => Math.abs(centreY(l) - centreY(nameLine)) < h * 0.7)
      .map((l) => japaneseDate(l.text))
      .find((d) => d !== null) ?? null
  );
}

function readAuthority(lines: readonly CardLine[]): string | null {
  const line = lines.find((l) => /公安/.test(l.text));
  if (!line) return null;
  const prefecture = prefectureAtEnd(line.text.replace(/\s/g, "").split("公安")[0]!);
  return prefecture ? `${prefecture}公安委員会` : null;
}

export function parseJapanDrivingLicense(lines: readonly CardLine[]): ParsedCard {
  const labelled = rowAfterLabel(lines, NAME_LABEL);
  // The birth date shares the name's row: only the Han boxes before it are the name.
  const birthLine = readingOrder(lines).find((l) => /日\s?生/.test(l.text) && japaneseDate(l.text));
  const name =
    (labelled && japaneseNameIn(labelled.texts.filter((t) => !/\d/.test(t)))) ||
    // Label lost: the Han boxes of the birth date's row.
    (birthLine ? nameRow(lines, birthLine) : null);
  const birth = readBirth(lines, labelled?.line ?? null);
  // 交 read as 文 under blur; with the label lost, the date followed by the 5-digit enquiry number.
  const issueRow = rowAfterLabel(lines, /[交文]\s?付/);
  const issued =
    japaneseDate(issueRow?.texts.join("")) ??
    japaneseDate(lines.find((l) => /日\s?\d{5}$/.test(l.text.replace(/\s/g, "")))?.text);
  const expiry =
    readingOrder(lines)
      .filter((l) => EXPIRY.test(l.text))
      .map((l) => japaneseDate(l.text))
      .find((d) => d !== null && d !== birth && d !== issued) ?? null;
  const number = readNumber(lines);
  const address = readAddress(lines);
  const prefecture = address && PREFECTURES.find((p) => address.text.startsWith(p));
  const card = generalCard(
    {
      LicenseNumber: number,
      FullName: name,
      Birthday: birth,
      IssuedDate: issued,
      ExpirationDate: expiry,
      IssuedAuthority: readAuthority(lines),
      IssuedCountry: "Japan",
    },
    address ? addressFromLines([address.text], { Country: "Japan", Subdivision: prefecture ?? null }) : null,
  );
  const checks: Record<string, boolean> = {
    numberStructure: number !== null && isWellFormedJapanLicenceNumber(number),
  };
  if (number && birth && issued) checks.numberYearPlausible = licenceYearPlausible(number, birth, issued);
  const ordered = datesInOrder(birth, issued, expiry);
  if (ordered !== null) checks.datesInOrder = ordered;
  return finish({ GeneralCard: card }, { GeneralCard: card }, { name, number, birthDate: birth }, checks);
}
