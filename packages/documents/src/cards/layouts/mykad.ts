import { type CardLine, digitsOnly, readingOrder } from "../lines.ts";
import { parseMyKadNumber } from "../numbers/mykad.ts";
import type { MLIDCard, NormalMLIDCard } from "../types.ts";
import { cleanName, finish, type ParsedCard } from "./result.ts";

/**
 * Malaysian MyKad (and MyPR/MyKAS/MyTentera variants), front. Number `YYMMDD-PB-###G` top left; name (1–2 lines)
 * then address lines (the last with postcode and state) bottom left; citizenship, religion and sex at the bottom.
 * The card prints no birth date: it comes from the number.
 */
const NUMBER = /(\d{6})\s?-\s?(\d{2})\s?-\s?(\d{4})/;
const HEADER = /KAD|PENGENALAN|MALAYSIA|IDENTITY|MYKAD|MyKad|CARD/i;
const FOOTER = /^(WARGANEGARA|BUKAN WARGANEGARA|ISLAM|LELAKI|PEREMPUAN|PENDUDUK TETAP)$/;

export function parseMyKad(lines: readonly CardLine[], referenceDate: string): ParsedCard {
  const ordered = readingOrder(lines);
  let numberIndex = -1;
  let printed: string | null = null;
  for (const [i, line] of ordered.entries()) {
    const m = NUMBER.exec(line.text.replace(/[OIlSB]/g, (c) => digitsOnly(c)));
    if (m) {
      numberIndex = i;
      printed = `${m[1]}-${m[2]}-${m[3]}`;
      break;
    }
  }
  const parsedNumber = printed ? parseMyKadNumber(printed, referenceDate) : null;
  const after = ordered
    .slice(numberIndex + 1)
    .filter((l) => !HEADER.test(l.text) && !FOOTER.test(l.text) && l.x0 < 0.6);
  const nameLines: string[] = [];
  let i = 0;
  for (; i < after.length && nameLines.length < 2; i++) {
    const text = after[i]!.text;
    if (/\d/.test(text)) break;
    nameLines.push(text);
  }
  const addressLines = after
    .slice(i)
    .map((l) => l.text)
    .filter((t) => !/^[A-Z]$/.test(t));
  const sexWord =
    ordered.find((l) => /LELAKI|PEREMPUAN/.test(l.text))?.text.match(/LELAKI|PEREMPUAN/)?.[0] ?? null;
  const sex = sexWord ?? (parsedNumber ? (parsedNumber.sex === "M" ? "LELAKI" : "PEREMPUAN") : null);
  const name = cleanName(nameLines.join(" "));
  const type = ordered.some((l) => /MyPR|PENDUDUK TETAP/i.test(l.text))
    ? "MyPR"
    : ordered.some((l) => /MyKAS/i.test(l.text))
      ? "MyKAS"
      : "MyKad";
  const address = addressLines.length ? addressLines.join(" ") : null;
  const birthday = parsedNumber?.birthDate ?? null;
  const checks: Record<string, boolean> = { numberStructure: parsedNumber !== null };
  if (sexWord && parsedNumber)
    checks.sexMatchesNumber = (sexWord === "LELAKI") === (parsedNumber.sex === "M");
  const legacy: MLIDCard = {
    Name: name,
    ID: printed,
    Sex: sex,
    Address: address,
    Type: type,
    Birthday: birthday,
  };
  const normal: NormalMLIDCard = {
    FullName: name,
    LicenseNumber: printed,
    Sex: sex,
    FormattedAddress: address,
    Type: type,
    Birthday: birthday,
  };
  return finish(
    { MLIDCard: normal },
    { MLIDCard: legacy },
    { name, number: printed, birthDate: birthday },
    checks,
  );
}
