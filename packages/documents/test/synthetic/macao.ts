import { macaoValidityYears } from "../../src/cards/numbers/east-asia.ts";
import { ageOn } from "../../src/cards/numbers/hkid/symbols.ts";
import { computeCheckDigit } from "../../src/mrz/check-digit.ts";
import { dmy, type Identity } from "./identities.ts";
import { type CardDesign, t } from "./layouts.ts";
import { cjk } from "./mainland.ts";
import { digits, int, pad2, pick, type Rng } from "./random.ts";

/**
 * Macao permanent resident identity card (BIR), front, in the contactless design's public layout (2013; the
 * 2023 re-issue adds an ICAO machine-readable zone to the front, Administrative Regulation 41/2023): title in
 * Chinese and Portuguese, photo on the left, surname and given names in two separate fields (Chinese and Latin),
 * 出生日期 / Data de nascimento, 性別 / Sexo (M or F), 簽發日期 / Data de emissão, 有效期至 / Válido até (`------`
 * when the card does not expire: holders of 60 and over), the number `1234567(8)`, then the MRZ.
 *
 * Label wording follows the card's bilingual style but is not copied from a specimen (none is published in
 * ../shared/data). The MRZ is an ICAO 9303 TD1 zone built from the printed fields (document number, birth date,
 * sex, expiry, names; issuing state MAC); the regulation lists further contents (first and current issue dates,
 * place of birth) whose positions are not public, so the optional-data fields hold fillers.
 */
/** Traditional surname and given names with the Cantonese romanisation Macao cards use. */
const SURNAMES: [string, string][] = [
  ["陳", "CHAN"],
  ["黃", "WONG"],
  ["李", "LEI"],
  ["何", "HO"],
  ["梁", "LEONG"],
  ["張", "CHEONG"],
  ["劉", "LAO"],
  ["林", "LAM"],
];
const GIVEN: [string, string][] = [
  ["大文", "TAI MAN"],
  ["嘉欣", "KA IAN"],
  ["志明", "CHI MENG"],
  ["美玲", "MEI LENG"],
  ["家豪", "KA HOU"],
  ["詠詩", "WENG SI"],
  ["國強", "KUOK KEONG"],
  ["淑儀", "SOK I"],
];
const GREY = "#4a5160";
const MRZ_FONT = "OCR-B, OCRB, 'OCR B', 'DejaVu Sans Mono', monospace";

const fill = (text: string, width: number) => text.padEnd(width, "<").slice(0, width);
const cd = (data: string) => String(computeCheckDigit(data));
const yymmdd = (iso: string) => iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10);

/** TD1 lines (ICAO 9303-5) for a Macao card; an expiry of null (no expiry) is printed as fillers. */
export function macaoMrz(
  number: string,
  p: { surname: string; given: string; birth: string; sex: "M" | "F"; expiry: string | null },
): string[] {
  const doc = fill(number.replace(/[()]/g, ""), 9);
  const line1 = fill(`I<MAC${doc}${cd(doc)}`, 30);
  const birth = yymmdd(p.birth) + cd(yymmdd(p.birth));
  const expiry = p.expiry ? yymmdd(p.expiry) + cd(yymmdd(p.expiry)) : "<<<<<<<";
  const optional2 = fill("", 11);
  const composite = cd(line1.slice(5, 30) + birth + expiry + optional2);
  const line2 = `${birth}${p.sex}${expiry}CHN${optional2}${composite}`;
  const line3 = fill(`${p.surname.replace(/ /g, "<")}<<${p.given.replace(/ /g, "<")}`, 30);
  return [line1, line2, line3];
}

function mrzText(lines: string[]): string {
  // 2.54 mm pitch (30 px on this 11.8 px/mm card), every character on its own cell.
  return lines
    .flatMap((line, i) =>
      [...line].map(
        (ch, k) =>
          `<text x="${(60 + (k + 0.5) * 29.5).toFixed(1)}" y="${500 + i * 46}" text-anchor="middle" font-family="${MRZ_FONT}" font-size="36" fill="#111">${ch === "<" ? "&lt;" : ch}</text>`,
      ),
    )
    .join("");
}

export function macaoFront(r: Rng, p: Identity): CardDesign {
  const [surname, given] = [pick(r, SURNAMES), pick(r, GIVEN)];
  const number = `${pick(r, ["1", "5", "7"])}${digits(r, 6)}(${digits(r, 1)})`;
  const issued = `${int(r, 2024, 2025)}-${pad2(int(r, 1, 12))}-${pad2(int(r, 1, 28))}`;
  const years = macaoValidityYears(ageOn(p.birth, issued));
  const expiry = years === null ? null : `${Number(issued.slice(0, 4)) + years}${issued.slice(4)}`;
  const label = (x: number, y: number, text: string) => cjk(x, y, 18, text, { fill: GREY });
  const mrz = macaoMrz(number, { surname: surname[1], given: given[1], birth: p.birth, sex: p.sex, expiry });
  const body = [
    cjk(320, 56, 28, "澳門特別行政區永久性居民身份證", { bold: true, spacing: 2 }),
    t(320, 84, 15, "BILHETE DE IDENTIDADE DE RESIDENTE PERMANENTE DA R.A.E.M.", { fill: GREY }),
    label(320, 130, "姓 Apelido"),
    cjk(320, 170, 32, surname[0]),
    t(400, 170, 28, surname[1], { bold: true }),
    label(320, 210, "名 Nome"),
    cjk(320, 250, 32, given[0], { spacing: 2 }),
    t(440, 250, 28, given[1], { bold: true }),
    label(320, 290, "出生日期 Data de nascimento"),
    t(320, 326, 26, dmy(p.birth), { bold: true }),
    label(720, 290, "性別 Sexo"),
    t(720, 326, 26, p.sex, { bold: true }),
    label(320, 366, "簽發日期 Data de emissão"),
    t(320, 402, 26, dmy(issued), { bold: true }),
    label(720, 366, "有效期至 Válido até"),
    t(720, 402, 26, expiry ? dmy(expiry) : "------", { bold: true }),
    t(720, 450, 32, number, { bold: true }),
    mrzText(mrz),
  ].join("");
  return {
    type: "MacaoIDCard",
    body,
    tint: ["#e3eef0", "#efe3d6"],
    photo: { x: 40, y: 130, w: 250, h: 310 },
    truth: { name: `${surname[1]}, ${given[1]}`, number, birthDate: p.birth },
    fields: {
      LastName: surname[1],
      FirstName: given[1],
      Birthday: dmy(p.birth),
      ExpirationDate: expiry ? dmy(expiry) : "",
      LicenseNumber: number,
      Sex: p.sex,
      Field1: mrz[0]!,
      Field2: mrz[1]!,
    },
  };
}
