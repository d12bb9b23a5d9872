import { permitEndDate, permitValidityYears } from "../../src/cards/numbers/travel-permits.ts";
import type { BackDesign } from "./backs.ts";
import { hkidNumber, type Identity } from "./identities.ts";
import { type CardDesign, t } from "./layouts.ts";
import { cjk } from "./mainland.ts";
import { digits, int, pad2, pick, type Rng } from "./random.ts";

/**
 * Mainland travel permits (HMTPermit) in their public layout: the Hong Kong / Macao residents' card (since 2013)
 * and the Taiwan residents' card (since 2015). Title, Chinese name with the English one under it, 出生日期, 性别,
 * 有效期限, 签发机关, the number at the top right and the renewal / issue count; the Taiwan card adds 签发地点.
 * Simplified characters (WenQuanYi Micro Hei), bilingual labels. Holders are fake; the validity period is the
 * term the holder's age on the first day gives (10 years from 18, 5 under 18; Taiwan 5), ending the day before
 * the anniversary as the published samples do.
 */
type Region = "HongKong" | "Macao" | "Taiwan";
/** Simplified surname, Cantonese romanisation (HK/Macao cards), Wade-Giles (Taiwan cards). */
const SURNAMES: [string, string, string][] = [
  ["陈", "CHAN", "CHEN"],
  ["黄", "WONG", "HUANG"],
  ["李", "LEE", "LEE"],
  ["林", "LAM", "LIN"],
  ["张", "CHEUNG", "CHANG"],
  ["刘", "LAU", "LIU"],
  ["何", "HO", "HO"],
  ["梁", "LEUNG", "LIANG"],
  ["周", "CHOW", "CHOU"],
  ["郑", "CHENG", "CHENG"],
];
const GIVEN: [string, string, string][] = [
  ["大文", "TAI MAN", "TA-WEN"],
  ["小明", "SIU MING", "HSIAO-MING"],
  ["美玲", "MEI LING", "MEI-LING"],
  ["家伟", "KA WAI", "CHIA-WEI"],
  ["嘉欣", "KA YAN", "CHIA-HSIN"],
  ["志明", "CHI MING", "CHIH-MING"],
  ["国强", "KWOK KEUNG", "KUO-CHIANG"],
  ["淑仪", "SUK YI", "SHU-YI"],
  ["俊宏", "CHUN WANG", "CHUN-HUNG"],
  ["丽华", "LAI WAH", "LI-HUA"],
];
const TITLES: Record<Region, [string, string]> = {
  HongKong: ["港澳居民来往内地通行证", "MAINLAND TRAVEL PERMIT FOR HONG KONG AND MACAO RESIDENTS"],
  Macao: ["港澳居民来往内地通行证", "MAINLAND TRAVEL PERMIT FOR HONG KONG AND MACAO RESIDENTS"],
  Taiwan: ["台湾居民来往大陆通行证", "MAINLAND TRAVEL PERMIT FOR TAIWAN RESIDENTS"],
};
const AUTHORITY = "公安部出入境管理局";
const PLACES = ["广东", "福建", "上海", "江苏", "北京"];
const GREY = "#4a5160";

const dotted = (iso: string) => iso.replace(/-/g, ".");

export function hmtPermitFront(r: Rng, p: Identity): CardDesign {
  const region = pick<Region>(r, ["HongKong", "HongKong", "Macao", "Taiwan"]);
  const taiwan = region === "Taiwan";
  const [surname, given] = [pick(r, SURNAMES), pick(r, GIVEN)];
  const name = surname[0] + given[0];
  const english = taiwan ? `${surname[2]},${given[2]}` : `${surname[1]},${given[1]}`;
  const number = taiwan ? digits(r, 8) : (region === "HongKong" ? "H" : "M") + digits(r, 8);
  const birthYear = Number(p.birth.slice(0, 4));
  const start = `${int(r, Math.max(2016, birthYear + 1), 2025)}-${pad2(int(r, 1, 12))}-${pad2(int(r, 1, 28))}`;
  const years = permitValidityYears(taiwan ? "taiwan" : "2013", p.birth, start);
  const validDate = `${dotted(start)}-${dotted(permitEndDate(start, years))}`;
  const sex = p.sex === "M" ? "男" : "女";
  const place = taiwan ? pick(r, PLACES) : "";
  const count = pad2(int(r, taiwan ? 1 : 0, 4));
  const label = (x: number, y: number, text: string) => cjk(x, y, 18, text, { fill: GREY });
  const [title, subtitle] = TITLES[region];
  const body = [
    cjk(200, 70, 38, title, { bold: true, spacing: 4 }),
    t(200, 100, 15, subtitle, { fill: GREY }),
    t(770, 78, 32, number, { bold: true }),
    label(70, 150, "姓名 Name"),
    cjk(320, 152, 36, name, { spacing: 4 }),
    t(320, 198, 26, english, { bold: true }),
    label(320, 240, "出生日期 Date of birth"),
    t(320, 276, 28, dotted(p.birth), { bold: true }),
    label(660, 240, "性别 Sex"),
    cjk(660, 278, 30, sex),
    label(320, 322, "有效期限 Period of validity"),
    t(320, 358, 28, validDate, { bold: true }),
    label(320, 404, "签发机关 Issuing authority"),
    cjk(320, 440, 28, AUTHORITY),
    taiwan ? label(320, 486, "签发地点 Place of issue") + cjk(320, 522, 28, place) : "",
    label(660, 486, taiwan ? "签发次数" : "换证次数"),
    t(660, 522, 28, count, { bold: true }),
  ].join("");
  return {
    type: "HMTPermit",
    body,
    tint: taiwan ? ["#e5eef0", "#d6e4dc"] : ["#eef0e2", "#dfe6f0"],
    photo: { x: 70, y: 170, w: 220, h: 290 },
    truth: { name, number, birthDate: p.birth },
    fields: {
      Name: name,
      EnglishName: english,
      Number: number,
      Sex: sex,
      Birthday: dotted(p.birth),
      ValidDate: validDate,
      IssueAuthority: AUTHORITY,
      IssueAddress: place,
    },
  };
}

/** A Macao resident card number as printed: `1234567(8)`; no check rule is published, the last digit is drawn. */
const macaoNumber = (r: Rng) => `${pick(r, ["1", "5", "7"])}${digits(r, 6)}(${digits(r, 1)})`;

/**
 * The back of a Hong Kong / Macao permit: the holder's Chinese name and Hong Kong / Macao permanent identity card
 * number (as the public descriptions of the card list them; label wording not from a specimen). Nothing is
 * drawn on a Taiwan permit's back: no public description of its content was found.
 */
export function hmtPermitBack(r: Rng, front: CardDesign): BackDesign {
  const number = front.truth.number;
  const region = /^H/.test(number) ? "HongKong" : /^M/.test(number) ? "Macao" : "Taiwan";
  if (region === "Taiwan") {
    return { type: "HMTPermit", body: "", tint: ["#e5eef0", "#d6e4dc"], truth: { number: null, fields: {} } };
  }
  const idNumber = region === "HongKong" ? hkidNumber(r) : macaoNumber(r);
  const name = front.fields?.Name ?? "";
  const label = (y: number, text: string) => cjk(80, y, 22, text, { fill: GREY });
  const body = [
    label(200, "姓名 Name"),
    cjk(80, 250, 36, name, { spacing: 4 }),
    label(330, region === "HongKong" ? "香港永久性居民身份证号码" : "澳门永久性居民身份证号码"),
    t(80, 385, 34, idNumber, { bold: true }),
  ].join("");
  return {
    type: "HMTPermit",
    body,
    tint: ["#eef0e2", "#dfe6f0"],
    truth: { number: null, fields: {}, crossCheck: { Name: name, ResidentIdNumber: idNumber } },
  };
}
