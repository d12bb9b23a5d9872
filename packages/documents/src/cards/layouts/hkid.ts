import { type CardLine, digitsOnly, findPattern, linesIn, valueForLabel } from "../lines.ts";
import {
  CURRENT_SMART_HKID_START_DATE,
  canonicalHkidSymbols,
  FIRST_SMART_HKID_START_DATE,
  isHkidCardConsistent,
  parseHkidNumber,
} from "../numbers/hkid/index.ts";
import { findPrintedDate } from "../printed-dates.ts";
import type { HKIDCard, NormalHKIDCard } from "../types.ts";
import { finish, type ParsedCard } from "./result.ts";

/**
 * Hong Kong smart identity card (2003 and 2018 designs), front. Layout: title band on top, Chinese name, English
 * name `SURNAME, Given Names`, telex code digits, date of birth with sex, symbols, first-issue `(MM-YY)`,
 * date of issue `DD-MM-YY` bottom left and the number `A123456(7)` bottom right; photo on the right.
 */
// The check character is read as any letter so a wrong one (like the specimen's "E") is reported, not dropped.
const NUMBER = /([A-Z]{1,2})\s?([0-9OIlSBZ]{6})\s?[([{]\s?([0-9A-Z])\s?[)\]}]/;
const CJK_NAME = /^[\u3400-\u9fff]{2,5}$/;
const TITLE_WORDS = /香港|身份|證|HONG|KONG|IDENTITY|CARD|永久|居民/;

function readNumber(lines: readonly CardLine[]): { printed: string; valid: boolean } | null {
  let fallback: { printed: string; valid: boolean } | null = null;
  for (const line of lines) {
    const compact = line.text.replace(/\s/g, "");
    const m = NUMBER.exec(compact);
    if (!m) continue;
    const candidate = `${m[1]}${digitsOnly(m[2]!)}(${m[3]})`;
    const parsed = parseHkidNumber(candidate);
    if (parsed.ok) return { printed: parsed.value.complete, valid: true };
    fallback ??= { printed: candidate, valid: false };
  }
  return fallback;
}

function readEnglishName(lines: readonly CardLine[]): string | null {
  const hit = lines.find(
    (l) => /^[A-Z][A-Z'-]+\s?,\s?[A-Za-z][A-Za-z' -]*$/.test(l.text) && !TITLE_WORDS.test(l.text),
  );
  if (!hit) return null;
  // The detector may split "LEE, Chi Nan" at a wide space: take the name-like boxes following on the same row.
  const h = hit.y1 - hit.y0;
  const rest = lines
    .filter(
      (l) =>
        l !== hit &&
        l.x0 > hit.x0 &&
        l.x0 - hit.x1 < 2 * h &&
        Math.abs((l.y0 + l.y1) / 2 - (hit.y0 + hit.y1) / 2) < h / 2,
    )
    .filter((l) => /^[A-Za-z][A-Za-z' -]*$/.test(l.text))
    .sort((a, b) => a.x0 - b.x0)
    .map((l) => l.text);
  return [hit.text, ...rest].join(" ").replace(/\s?,\s?/, ", ");
}

/** Card design from the date of issue (DD-MM-YY): the 2018 design from 26-11-18, otherwise the 2003 one. */
function hkidVersion(issue: string | null): string | null {
  if (!issue) return null;
  const iso = `20${issue.slice(6)}-${issue.slice(3, 5)}-${issue.slice(0, 2)}`;
  return iso >= CURRENT_SMART_HKID_START_DATE ? "2018" : "2003";
}

export function parseHkidCard(lines: readonly CardLine[]): ParsedCard {
  const number = readNumber(lines);
  const englishName = readEnglishName(lines);
  const chineseName = lines.find((l) => CJK_NAME.test(l.text) && !TITLE_WORDS.test(l.text))?.text ?? null;
  const telexDigits = findPattern(lines, /^(\d{4}(?:\s?\d{4}){1,5})$/)?.match[1]?.replace(/\s/g, "");
  const telex = telexDigits ? (telexDigits.match(/\d{4}/g) ?? []).join(" ") : null;
  const dob =
    lines.map((l) => findPrintedDate(l.text)).find((d) => d && /^\d{2}-\d{2}-\d{4}$/.test(d.raw)) ?? null;
  const sexText = valueForLabel(lines, /性別|Sex/i, { accept: (v) => /^(男|女)?\s?[MF]\b/.test(v) })?.value;
  const sex =
    sexText?.match(/[MF]/)?.[0] ?? findPattern(lines, /(?:^|\s)(?:男|女)\s?([MF])$/)?.match[1] ?? null;
  const symbolsRaw = findPattern(lines, /^(\*{0,3}[ACRUZXWOBN]{1,4})$/)?.match[1] ?? null;
  const symbols = symbolsRaw ? canonicalHkidSymbols(symbolsRaw) : null;
  const firstIssue = findPattern(lines, /\((\d{2}-\d{2})\)/)?.match[1] ?? null;
  const issueLine = findPattern(linesIn(lines, 0, 0.55, 0.75, 1), /(?:^|\D)(\d{2}-\d{2}-\d{2})(?!\d|-\d)/);
  const currentIssue = issueLine?.match[1] ?? null;
  const permanent = lines.some((l) => /PERMANENT|永久/.test(l.text))
    ? "1"
    : lines.some((l) => /IDENTITY CARD|身份證/.test(l.text))
      ? "0"
      : "-1";
  const birthIso = dob?.iso ?? null;

  const checks: Record<string, boolean> = { numberCheckDigit: number?.valid ?? false };
  if (birthIso && symbols !== null && currentIssue) {
    const [d, m, y] = currentIssue.split("-");
    const first = firstIssue
      ? `${Number(firstIssue.slice(3)) > 40 ? 19 : 20}${firstIssue.slice(3)}-${firstIssue.slice(0, 2)}`
      : null;
    const registration = `20${y}-${m}-${d}`;
    checks.datesConsistent = isHkidCardConsistent(
      { dateOfBirth: birthIso, symbols, firstRegistrationYearMonth: first, dateOfRegistration: registration },
      registration < CURRENT_SMART_HKID_START_DATE
        ? FIRST_SMART_HKID_START_DATE
        : CURRENT_SMART_HKID_START_DATE,
    );
  }
  const legacy: HKIDCard = {
    CnName: chineseName,
    EnName: englishName,
    TelexCode: telex,
    Sex: sex,
    Birthday: dob?.raw ?? null,
    Permanent: permanent,
    IdNum: number?.printed ?? null,
    Symbol: symbols,
    FirstIssueDate: firstIssue ? `(${firstIssue})` : null,
    CurrentIssueDate: currentIssue,
  };
  const normal: NormalHKIDCard = {
    ChineseName: chineseName,
    FullName: englishName,
    RegistrationNumber: telex,
    Sex: sex,
    Birthday: dob?.raw ?? null,
    Permanent: permanent,
    LicenseNumber: number?.printed ?? null,
    Symbol: symbols,
    IssuedDate: firstIssue ? `(${firstIssue})` : null,
    CurrentIssueDate: currentIssue,
    HKIDVersion: hkidVersion(currentIssue),
  };
  return finish(
    { HKIDCard: normal },
    { HKIDCard: legacy },
    { name: englishName, number: number?.printed ?? null, birthDate: birthIso },
    checks,
  );
}
