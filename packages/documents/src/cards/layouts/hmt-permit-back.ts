import { type CardLine, digitsOnly, readingOrder, valueForLabel } from "../lines.ts";
import { isWellFormedMacaoId } from "../numbers/east-asia.ts";
import { parseHkidNumber } from "../numbers/hkid/index.ts";
import { parsePermitNumber } from "../numbers/travel-permits.ts";
import type { ParsedBack } from "./backs.ts";

/**
 * Back of the Hong Kong / Macao residents' Mainland travel permit. Its public descriptions (the National
 * Immigration Administration's for the 2024 non-Chinese permit; the back fields of Tencent's own permit reader)
 * list the holder's Chinese name and Hong Kong or Macao permanent identity card number, plus a stay notice; none
 * of it is a field of HMTPermit. What it gives is a cross-check: the name must be the front's and the identity
 * card number a valid one of the permit's region (HKID check digit for `H`, the Macao structure for `M`).
 *
 * No public description of the Taiwan residents' permit back was found: for those permits the back is only
 * checked not to be the front photographed again (`frontShown`).
 */
const HKID = /([A-Z]{1,2})([0-9OIlSBZ]{6})[(（[]([0-9A])[)）\]]/;
const MACAO = /([157][0-9OIlSB]{6})[(（[]([0-9])[)）\]]/;
/** What only a front prints: its field labels, its validity period, a permit number. */
const FRONT_ONLY = /出生日期|有效期限|签发机关|\d{4}\.\d{2}\.\d{2}-\d{4}/;

function residentIdNumber(lines: readonly CardLine[]): string | null {
  for (const line of readingOrder(lines)) {
    const compact = line.text.replace(/\s/g, "").toUpperCase();
    const hk = HKID.exec(compact);
    if (hk) return `${hk[1]}${digitsOnly(hk[2]!)}(${hk[3]})`;
    const mo = MACAO.exec(compact);
    if (mo) return `${mo[1]![0]}${digitsOnly(mo[1]!.slice(1))}(${mo[2]})`;
  }
  return null;
}

/** Whether the number is a valid identity card number of the permit's region (by its letter). */
export function residentIdFitsPermit(idNumber: string, permitNumber: string): boolean {
  const region = parsePermitNumber(permitNumber)?.region;
  if (region === "HongKong") return parseHkidNumber(idNumber).ok;
  if (region === "Macao") return isWellFormedMacaoId(idNumber);
  return false;
}

export function parseHmtPermitBack(lines: readonly CardLine[]): ParsedBack {
  const text = lines.map((l) => l.text.replace(/\s/g, "")).join(" ");
  const frontShown =
    FRONT_ONLY.test(text) || lines.some((l) => /^[HM]A?\d{7,10}$/.test(l.text.replace(/\s/g, "")));
  const name =
    valueForLabel(lines, /姓\s?名/, {
      accept: (v) => /^[\u3400-\u9fff]{2,6}$/.test(v.replace(/\s/g, "")),
    })?.value.replace(/\s/g, "") ?? null;
  const idNumber = residentIdNumber(lines);
  // A back is recognised by what it prints (the identity card number or its label), not only by what it lacks:
  // an upside-down or blurred front lacks the front's labels too.
  const backPrint = idNumber !== null || /身份证号码|身份證號碼/.test(text);
  return {
    normal: {},
    legacy: {},
    number: null,
    checks: { backSide: backPrint && !frontShown },
    crossCheck: { Name: name, ResidentIdNumber: idNumber },
    frontShown,
  };
}

/**
 * The permit's cross-side checks, from the front's HMTPermit struct: for a Hong Kong / Macao permit the back must
 * show a valid identity card number of that region and the front's Chinese name; a Taiwan permit's back only has
 * to be something other than the front (its `backSide` is replaced by that).
 */
export function hmtPermitCrossChecks(
  front: Readonly<Record<string, unknown>> | null,
  back: ParsedBack,
): Record<string, boolean> {
  const number = typeof front?.Number === "string" ? front.Number : null;
  const region = number ? parsePermitNumber(number)?.region : undefined;
  if (region === undefined) return {};
  // What a Taiwan permit's back prints is not publicly described: it can only be told not to be the front again.
  if (region === "Taiwan") return { backSide: back.frontShown === false };
  const idNumber = back.crossCheck?.ResidentIdNumber ?? null;
  const backName = back.crossCheck?.Name ?? null;
  return {
    residentIdNumberRead: idNumber !== null,
    residentIdNumberValid: idNumber !== null && number !== null && residentIdFitsPermit(idNumber, number),
    backNameMatchesFront: backName !== null && backName === front?.Name,
  };
}
