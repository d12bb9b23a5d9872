import { parseGenericCard } from "./layouts/generic-card.ts";
import { parseHkidCard } from "./layouts/hkid.ts";
import { parseHmtPermit } from "./layouts/hmt-permit.ts";
import { parseIndonesiaDrivingLicense } from "./layouts/indonesia-licence.ts";
import { parseJapanId } from "./layouts/japan-id.ts";
import { parseJapanDrivingLicense } from "./layouts/japan-licence.ts";
import { parseKtp } from "./layouts/ktp.ts";
import { parseMacaoId } from "./layouts/macao.ts";
import { parseMainlandCard } from "./layouts/mainland.ts";
import { parseMalaysiaDrivingLicense } from "./layouts/malaysia-licence.ts";
import { parseMyKad } from "./layouts/mykad.ts";
import {
  parseDrivingLicense,
  parseSssId,
  parseTinId,
  parseUmid,
  parseVoterId,
} from "./layouts/philippines.ts";
import { parsePhilippinesId } from "./layouts/philsys.ts";
import type { ParsedCard } from "./layouts/result.ts";
import { parseSingaporeId } from "./layouts/singapore.ts";
import { parseSingaporeDrivingLicense } from "./layouts/singapore-licence.ts";
import { parseTaiwanId } from "./layouts/taiwan.ts";
import { parseThaiId } from "./layouts/thai.ts";
import { parseThaiDrivingLicense } from "./layouts/thai-licence.ts";
import type { CardLine } from "./lines.ts";
import type { IdCardType } from "./types.ts";

/** Layout parsers by card type (the passport goes through the MRZ reader instead; GeneralCard when it has no MRZ). */
export function parseCardLines(
  type: Exclude<IdCardType, "InternationalIDPassport">,
  lines: readonly CardLine[],
  referenceDate: string,
): ParsedCard {
  switch (type) {
    case "HKIDCard":
      return parseHkidCard(lines);
    case "MLIDCard":
      return parseMyKad(lines, referenceDate);
    case "IndonesiaIDCard":
      return parseKtp(lines, referenceDate);
    case "ThailandIDCard":
      return parseThaiId(lines);
    case "SingaporeIDCard":
      return parseSingaporeId(lines);
    case "MainlandIDCard":
      return parseMainlandCard(lines, referenceDate);
    case "PhilippinesVoteID":
      return parseVoterId(lines);
    case "PhilippinesDrivingLicense":
      return parseDrivingLicense(lines);
    case "PhilippinesTinID":
      return parseTinId(lines);
    case "PhilippinesSSSID":
      return parseSssId(lines);
    case "PhilippinesUMID":
      return parseUmid(lines);
    case "TaiWanIDCard":
      return parseTaiwanId(lines, referenceDate);
    case "JapanIDCard":
      return parseJapanId(lines, referenceDate);
    case "MacaoIDCard":
      return parseMacaoId(lines, referenceDate);
    case "HMTPermit":
      return parseHmtPermit(lines, referenceDate);
    case "IndonesiaDrivingLicense":
      return parseIndonesiaDrivingLicense(lines);
    case "PhilippinesIDCard":
      return parsePhilippinesId(lines);
    case "ThailandDrivingLicense":
      return parseThaiDrivingLicense(lines);
    case "MLDrivingLicense":
      return parseMalaysiaDrivingLicense(lines, referenceDate);
    case "SingaporeDrivingLicense":
      return parseSingaporeDrivingLicense(lines);
    case "JapanDrivingLicense":
      return parseJapanDrivingLicense(lines);
    case "GeneralCard":
      return parseGenericCard(lines, referenceDate);
  }
}

/** How many of the key fields a parse found: used to choose between the card crop and the whole-image read. */
export function keyFieldCount(parsed: ParsedCard): number {
  const { name, number, birthDate } = parsed.key;
  // A side that prints no number cannot miss it: count it as found so such a card can reach the full count.
  const numberFound = number !== null || parsed.numberPrinted === false;
  return (
    [name, birthDate].filter((v) => v !== null).length + (numberFound ? 1 : 0) + (parsed.fieldsValid ? 1 : 0)
  );
}
