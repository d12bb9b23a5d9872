import { type CardLine, valueForLabel } from "../lines.ts";
import { parseMainlandId } from "../numbers/mainland.ts";
import type { MainlandIDCard } from "../types.ts";
import { finish, type ParsedCard } from "./result.ts";

/**
 * Mainland China resident identity card (2nd generation), front: 姓名, 性别 + 民族, 出生 年 月 日, 住址 (several
 * lines), 公民身份号码 at the bottom; photo on the right. Birth date and sex are cross-checked with the number.
 */
export function parseMainlandCard(lines: readonly CardLine[], referenceDate: string): ParsedCard {
  const numberLine = lines
    .map((l) => /(\d{17}[\dXx])/.exec(l.text.replace(/\s/g, "")))
    .find((m) => m !== null);
  const number = numberLine ? numberLine[1]!.toUpperCase() : null;
  const parsed = number ? parseMainlandId(number, referenceDate) : null;
  const name = valueForLabel(lines, /姓\s?名/, { below: false })?.value ?? null;
  const sex =
    valueForLabel(lines, /性\s?别/, { below: false, accept: (v) => /^[男女]/.test(v) })?.value.slice(0, 1) ??
    null;
  const nation = valueForLabel(lines, /民\s?族/, { below: false })?.value ?? null;
  const birthText = valueForLabel(lines, /出\s?生/, { below: false })?.value ?? null;
  const birthMatch = birthText?.match(/(\d{4})\s?年\s?(\d{1,2})\s?月\s?(\d{1,2})\s?日?/);
  const birthIso = birthMatch
    ? `${birthMatch[1]}-${birthMatch[2]!.padStart(2, "0")}-${birthMatch[3]!.padStart(2, "0")}`
    : (parsed?.birthDate ?? null);
  const addressStart = valueForLabel(lines, /住\s?址/, { below: false });
  let address = addressStart?.value ?? null;
  if (addressStart) {
    const h = addressStart.line.y1 - addressStart.line.y0;
    const continuation = lines.filter(
      (l) =>
        l.y0 > addressStart.line.y0 &&
        l.y0 - addressStart.line.y1 < h * 3 &&
        Math.abs(l.x0 - addressStart.line.x0) < h * 2 &&
        !/公民身份号码|\d{17}/.test(l.text),
    );
    address = [address, ...continuation.map((l) => l.text)].join("");
  }
  const checks: Record<string, boolean> = { numberCheckCharacter: parsed !== null };
  if (parsed && birthMatch) checks.birthDateMatchesNumber = parsed.birthDate === birthIso;
  if (parsed && sex) checks.sexMatchesNumber = (sex === "男") === (parsed.sex === "M");
  const card: MainlandIDCard = {
    FullName: name,
    Sex: sex,
    Nation: nation,
    Birthday: birthIso,
    Address: address,
    LicenseNumber: number,
    FormattedAddress: address,
    Authority: null,
    ValidDate: null,
  };
  return finish({ MainlandIDCard: card }, {}, { name, number, birthDate: birthIso }, checks);
}
