import { isoToEra } from "../../src/cards/numbers/japan.ts";
import type { Identity } from "./identities.ts";
import type { CardDesign } from "./layouts.ts";
import { cjk } from "./mainland.ts";
import { digits, int, pad2, pick, type Rng } from "./random.ts";

/**
 * Japanese cards in their public layouts, drawn in WenQuanYi Micro Hei (it has kana and the Japanese kanji used
 * here): the My Number card front (個人番号カード: 氏名, 住所, 生年月日 + 性別, 有効期限 "…まで有効", photo right;
 * the 12-digit individual number is printed on the back only) and the driving licence front (氏名 + birth date,
 * 住所, 交付, the coloured "…まで有効" band, 免許の条件等, 番号 第…号, the class dates, the commission).
 *
 * Holders are fake. Names use kanji PP-OCRv4's Chinese dictionary has (斎, 沢, 咲 are not in it and could never
 * be read: see docs/documents-cards.md); addresses include 県 prefectures and 福岡 although 県 and 岡 are not in
 * the dictionary either, because most Japanese addresses have them — the evaluation then measures what the
 * reader makes of them.
 */
const SURNAMES = ["佐藤", "鈴木", "高橋", "田中", "伊藤", "山本", "中村", "小林", "加藤", "吉田", "山田"];
const MORE_SURNAMES = ["松本", "井上", "木村", "清水", "山口", "池田", "橋本", "石川", "前田", "後藤"];
const GIVEN_M = ["太郎", "一郎", "健太", "翔太", "直樹", "拓也", "和也", "達也", "健一", "秀樹", "博", "誠"];
const GIVEN_F = ["花子", "陽子", "裕子", "優子", "由美", "真由美", "明美", "美穂", "結衣", "愛", "智子"];

/** Address lines with the prefecture's licence commission code. */
const ADDRESSES: readonly { code: string; lines: (r: Rng) => string }[] = [
  { code: "30", lines: (r) => `東京都千代田区大手町${int(r, 1, 3)}丁目${int(r, 1, 9)}番${int(r, 1, 20)}号` },
  { code: "30", lines: (r) => `東京都新宿区西新宿${int(r, 1, 8)}丁目${int(r, 1, 20)}番${int(r, 1, 9)}号` },
  { code: "62", lines: (r) => `大阪府大阪市北区梅田${int(r, 1, 3)}丁目${int(r, 1, 9)}番${int(r, 1, 20)}号` },
  {
    code: "10",
    lines: (r) => `北海道札幌市中央区北${int(r, 1, 9)}条西${int(r, 1, 20)}丁目${int(r, 1, 9)}番地`,
  },
  { code: "45", lines: (r) => `神奈川県横浜市中区山下町${int(r, 1, 200)}番地` },
  {
    code: "54",
    lines: (r) => `愛知県名古屋市中区丸の内${int(r, 1, 3)}丁目${int(r, 1, 20)}番${int(r, 1, 9)}号`,
  },
  { code: "61", lines: (r) => `京都府京都市中京区河原町${int(r, 1, 300)}番地` },
  {
    code: "90",
    lines: (r) => `福岡県福岡市博多区博多駅前${int(r, 1, 4)}丁目${int(r, 1, 20)}番${int(r, 1, 9)}号`,
  },
];
const PREFECTURE = /^(東京都|大阪府|京都府|北海道|.{2,3}県)/;

export function japaneseName(r: Rng, p: Identity): { family: string; given: string } {
  return {
    family: pick(r, [...SURNAMES, ...MORE_SURNAMES]),
    given: pick(r, p.sex === "M" ? GIVEN_M : GIVEN_F),
  };
}

/** `昭和60年 3月 1日` (元年 for year 1), day and month padded with a space the way the cards align them. */
export function eraDate(iso: string): string {
  const { era, year } = isoToEra(iso);
  const sp = (n: number) => (n < 10 ? ` ${n}` : String(n));
  return `${era}${year === 1 ? "元" : year}年${sp(Number(iso.slice(5, 7)))}月${sp(Number(iso.slice(8, 10)))}日`;
}
const westernDate = (iso: string) =>
  `${iso.slice(0, 4)}年 ${Number(iso.slice(5, 7))}月 ${Number(iso.slice(8, 10))}日`;
const plusYears = (iso: string, years: number) => `${Number(iso.slice(0, 4)) + years}${iso.slice(4)}`;
const dateIn = (r: Rng, from: number, to: number) =>
  `${int(r, from, to)}-${pad2(int(r, 1, 12))}-${pad2(int(r, 1, 28))}`;
const LABEL = "#4a4a5a";

export function myNumberFront(r: Rng, p: Identity): CardDesign {
  const { family, given } = japaneseName(r, p);
  const address = pick(r, ADDRESSES).lines(r);
  // Birth dates in the era form most cards print, some in the Western form the card also allows.
  const birth = r() < 0.7 ? eraDate(p.birth) : westernDate(p.birth);
  const issued = dateIn(r, 2016, 2025);
  // Valid ten years from issue for adults (to the 10th birthday after issue; the day is kept simple here).
  const expires = plusYears(issued, 10);
  const label = (x: number, y: number, text: string) => cjk(x, y, 20, text, { fill: LABEL, spacing: 2 });
  const body = [
    cjk(40, 56, 28, "個人番号カード", { bold: true, fill: "#1d3f7a", spacing: 3 }),
    label(40, 126, "氏名"),
    cjk(120, 132, 42, `${family}　${given}`, { spacing: 4 }),
    label(40, 200, "住所"),
    cjk(120, 204, 26, address),
    label(40, 290, "生年月日"),
    cjk(150, 294, 26, `${birth}生`),
    label(430, 290, "性別"),
    cjk(500, 294, 26, p.sex === "M" ? "男" : "女"),
    `<rect x="36" y="332" width="480" height="56" fill="none" stroke="#7a8aa0" stroke-width="2"/>`,
    cjk(50, 370, 26, `${westernDate(expires)}まで有効`),
    `<rect x="36" y="420" width="300" height="90" fill="none" stroke="#9aa6b4" stroke-width="1.5"/>`,
    cjk(46, 446, 15, "電子証明書の有効期限", { fill: LABEL }),
    cjk(60, 490, 20, "年　　月　　日", { fill: LABEL }),
    cjk(360, 446, 15, "臓器提供意思", { fill: LABEL }),
  ].join("");
  return {
    type: "JapanIDCard",
    body,
    tint: ["#f3efe6", "#e3e9f1"],
    photo: { x: 690, y: 120, w: 270, h: 340 },
    truth: { name: `${family} ${given}`, number: "", birthDate: p.birth },
    fields: {
      FullName: `${family} ${given}`,
      LicenseNumber: "",
      Birthday: p.birth,
      ExpirationDate: expires,
      FormattedAddress: address,
    },
  };
}

export function japanLicence(r: Rng, p: Identity): CardDesign {
  const { family, given } = japaneseName(r, p);
  const place = pick(r, ADDRESSES);
  const address = place.lines(r);
  const prefecture = PREFECTURE.exec(address)![1]!;
  const birthYear = Number(p.birth.slice(0, 4));
  // First licence at 18 or later (ordinary car), the card issued at a renewal since.
  const firstYear = int(r, Math.min(2024, birthYear + 18), Math.min(2024, birthYear + 30));
  const issued = dateIn(r, Math.max(2019, firstYear + 1), 2025);
  // Valid to one month after the holder's birthday, three or five years on.
  const years = pick(r, [3, 5]);
  const month = Number(p.birth.slice(5, 7));
  const expiryYear = Number(issued.slice(0, 4)) + years + (month === 12 ? 1 : 0);
  const expires = `${expiryYear}-${pad2((month % 12) + 1)}-${p.birth.slice(8, 10)}`;
  const number = `${place.code}${pad2(firstYear % 100)}${digits(r, 6)}${digits(r, 1)}0`;
  const band = pick(r, [
    ["#2f9a4a", "#ffffff"],
    ["#3a6fc0", "#ffffff"],
    ["#d6b24c", "#222222"],
  ] as const);
  // `2028年(令和10年) 5月 1日まで有効`: the Western year first, the era year in brackets.
  const [eraYear, monthDay] = eraDate(expires).split("年") as [string, string];
  const expiryText = `${expiryYear}年(${eraYear}年)${monthDay}まで有効`;
  const label = (x: number, y: number, text: string) => cjk(x, y, 18, text, { fill: LABEL });
  const first = `${firstYear}-${pad2(int(r, 1, 12))}-${pad2(int(r, 1, 28))}`;
  const body = [
    `<rect x="20" y="24" width="972" height="2" fill="${band[0]}"/>`,
    label(30, 74, "氏名"),
    cjk(90, 78, 34, `${family}　${given}`, { spacing: 3 }),
    cjk(560, 76, 24, `${eraDate(p.birth)}生`),
    label(30, 128, "住所"),
    cjk(90, 130, 24, address),
    label(30, 180, "交付"),
    cjk(90, 182, 22, `${eraDate(issued)}　${digits(r, 5)}`),
    `<rect x="24" y="206" width="640" height="48" fill="${band[0]}"/>`,
    cjk(40, 242, 30, expiryText, { fill: band[1] }),
    label(30, 300, "免許の"),
    label(30, 322, "条件等"),
    cjk(110, 312, 24, pick(r, ["眼鏡等", "", ""])),
    cjk(30, 400, 28, `番号 第 ${number} 号`, { spacing: 2 }),
    label(30, 452, "二・小・原"),
    cjk(130, 452, 18, eraDate(first)),
    label(30, 484, "他"),
    label(30, 516, "二種"),
    cjk(300, 600, 30, "運転免許証", { bold: true, fill: "#333", spacing: 6 }),
    cjk(560, 560, 22, `${prefecture}公安委員会`),
  ].join("");
  return {
    type: "JapanDrivingLicense",
    body,
    tint: ["#f1f4ea", "#e4ece1"],
    photo: { x: 700, y: 170, w: 270, h: 330 },
    truth: { name: `${family} ${given}`, number, birthDate: p.birth },
    fields: {
      LicenseNumber: number,
      FullName: `${family} ${given}`,
      Birthday: p.birth,
      IssuedDate: issued,
      ExpirationDate: expires,
      IssuedAuthority: `${prefecture}公安委員会`,
      "Address.FormattedAddress": address,
    },
  };
}
