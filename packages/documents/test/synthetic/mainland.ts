import { execFileSync } from "node:child_process";
import { mainlandValidityYears } from "../../src/cards/layouts/backs.ts";
import type { BackDesign } from "./backs.ts";
import { type Identity, mainlandId } from "./identities.ts";
import type { CardDesign } from "./layouts.ts";
import { int, pad2, pick, type Rng } from "./random.ts";

/**
 * Mainland resident identity card (2nd generation) in its public layout, drawn in WenQuanYi Micro Hei (Debian
 * fonts-wqy-microhei; librsvg falls back to whatever CJK font fontconfig has, and to boxes without one). The
 * labels are printed in the card's light blue, the values in black. Everything about the holder is fake; the
 * number carries a valid GB 11643 check character and the back's validity period is the one the law gives the
 * holder's age on the first day.
 */
const CJK_FONT = "WenQuanYi Micro Hei";
const LABEL_BLUE = "#2f6fb0";

let fontChecked = false;
/**
 * Without a CJK font librsvg draws every character as a box and every Chinese field reads wrong, which would
 * look like a reader failure: fail with what to install instead.
 */
export function requireCjkFont(): void {
  if (fontChecked) return;
  const fonts = execFileSync("fc-list", ["--format", "%{family}\\n"], { encoding: "utf8" });
  if (!fonts.includes(CJK_FONT))
    throw new Error(`synthetic Chinese print needs the ${CJK_FONT} font: apt-get install fonts-wqy-microhei`);
  fontChecked = true;
}

/** Text in the CJK font; `spacing` is the letter spacing the card prints its labels and number with. */
export function cjk(
  x: number,
  y: number,
  size: number,
  text: string,
  opts: { fill?: string; spacing?: number; bold?: boolean } = {},
): string {
  requireCjkFont();
  const spacing = opts.spacing ? ` letter-spacing="${opts.spacing}"` : "";
  const weight = opts.bold ? ' font-weight="bold"' : "";
  return `<text x="${x}" y="${y}" font-family="${CJK_FONT}" font-size="${size}"${spacing}${weight} fill="${opts.fill ?? "#111"}">${text}</text>`;
}

export const CJK_SURNAMES = [
  "王",
  "李",
  "张",
  "刘",
  "陈",
  "杨",
  "黄",
  "赵",
  "吴",
  "周",
  "徐",
  "孙",
  "马",
  "朱",
  "胡",
];
export const CJK_GIVEN = [
  "伟",
  "芳",
  "娜",
  "敏",
  "静",
  "丽",
  "强",
  "磊",
  "军",
  "洋",
  "勇",
  "艳",
  "杰",
  "涛",
  "明",
];

/** A fake Chinese name of 2 or 3 characters. */
export function chineseName(r: Rng): string {
  const given = Array.from({ length: int(r, 1, 2) }, () => pick(r, CJK_GIVEN)).join("");
  return pick(r, CJK_SURNAMES) + given;
}

/** Cantonese romanisations of the synthetic identities and their traditional characters (HKID cards). */
const HK_SURNAMES: Record<string, string> = { CHAN: "陳", WONG: "黃", LEE: "李", TAN: "陳", LIM: "林" };
const HK_GIVEN: Record<string, string> = {
  "TAI MAN": "大文",
  "SIU MING": "小明",
  "MEI LING": "美玲",
  "WEI JIE": "偉傑",
  "KAR WAI": "家偉",
  "HUI SHAN": "慧珊",
};

const HK_OTHER_GIVEN = ["志明", "嘉欣", "子健", "詠詩", "國強", "淑儀"];

/**
 * The Chinese name an HKID card prints for this identity: holders with a Chinese surname have one (the given
 * name from its romanisation when it is Cantonese, else chosen by the seed); the others have none (null).
 */
export function hongKongChineseName(p: Identity): string | null {
  const surname = HK_SURNAMES[p.surname];
  if (!surname) return null;
  return surname + (HK_GIVEN[p.given] ?? HK_OTHER_GIVEN[p.seed % HK_OTHER_GIVEN.length]!);
}

/** The address codes `mainlandId` draws, with the district they name and the bureau that issues there. */
const AREAS: Record<string, { city: string; district: string; authority: string; roads: string[] }> = {
  "110105": {
    city: "北京市",
    district: "朝阳区",
    authority: "北京市公安局朝阳分局",
    roads: ["建国路", "朝阳北路"],
  },
  "310104": {
    city: "上海市",
    district: "徐汇区",
    authority: "上海市公安局徐汇分局",
    roads: ["漕溪北路", "天钥桥路"],
  },
  "440305": {
    city: "深圳市",
    district: "南山区",
    authority: "深圳市公安局南山分局",
    roads: ["南海大道", "科技园路"],
  },
  "510107": {
    city: "成都市",
    district: "武侯区",
    authority: "成都市公安局武侯区分局",
    roads: ["人民南路", "武侯祠大街"],
  },
  "330106": {
    city: "杭州市",
    district: "西湖区",
    authority: "杭州市公安局西湖区分局",
    roads: ["文三路", "天目山路"],
  },
};
const NATIONS = ["汉", "汉", "汉", "回", "满", "壮", "蒙古"];

const area = (number: string) => AREAS[number.slice(0, 6)]!;

/** The front: 姓名, 性别 + 民族, 出生 年 月 日, 住址 (wrapped), 公民身份号码; photo on the right. */
export function mainlandFront(r: Rng, p: Identity): CardDesign {
  const number = mainlandId(r, p);
  const name = chineseName(r);
  const nation = pick(r, NATIONS);
  const where = area(number);
  const street = `${where.city}${where.district}${pick(r, where.roads)}${int(r, 1, 300)}号`;
  const flat = `${int(r, 1, 30)}栋${int(r, 1, 6)}单元${int(r, 1, 28)}0${int(r, 1, 4)}室`;
  const address = street + flat;
  // 11 characters a row fit left of the photo at this size; the card wraps the address the same way.
  const rows = address.match(/.{1,11}/g)!;
  const [year, month, day] = p.birth.split("-").map(Number) as [number, number, number];
  const label = (x: number, y: number, text: string) => cjk(x, y, 26, text, { fill: LABEL_BLUE, spacing: 6 });
  const sex = p.sex === "M" ? "男" : "女";
  const body = [
    label(70, 120, "姓名"),
    cjk(180, 122, 36, name, { spacing: 4 }),
    label(70, 200, "性别"),
    cjk(180, 202, 32, sex),
    label(300, 200, "民族"),
    cjk(410, 202, 32, nation),
    label(70, 280, "出生"),
    cjk(180, 282, 32, String(year)),
    label(272, 280, "年"),
    cjk(318, 282, 32, String(month)),
    label(366, 280, "月"),
    cjk(412, 282, 32, String(day)),
    label(460, 280, "日"),
    label(70, 360, "住址"),
    ...rows.map((row, i) => cjk(180, 362 + i * 48, 32, row)),
    label(70, 570, "公民身份号码"),
    cjk(330, 572, 40, number, { spacing: 5 }),
  ].join("");
  return {
    type: "MainlandIDCard",
    body,
    tint: ["#eef1ec", "#dfe8f1"],
    photo: { x: 650, y: 80, w: 300, h: 370 },
    truth: { name, number, birthDate: p.birth },
    fields: {
      FullName: name,
      Sex: sex,
      Nation: nation,
      Birthday: p.birth,
      Address: address,
      LicenseNumber: number,
    },
  };
}

/** The national-emblem side, simplified: a red emblem disc with the large star, then the titles. */
function emblem(): string {
  const star = (cx: number, cy: number, r: number) => {
    const pts = Array.from({ length: 10 }, (_, i) => {
      const a = -Math.PI / 2 + (i * Math.PI) / 5;
      const rr = i % 2 ? r * 0.4 : r;
      return `${(cx + rr * Math.cos(a)).toFixed(1)},${(cy + rr * Math.sin(a)).toFixed(1)}`;
    });
    return `<polygon points="${pts.join(" ")}" fill="#f2c230"/>`;
  };
  return `<circle cx="160" cy="170" r="95" fill="#c8252c" stroke="#f2c230" stroke-width="8"/>${star(160, 150, 40)}<rect x="105" y="205" width="110" height="18" fill="#f2c230"/>`;
}

/**
 * The back: 中华人民共和国 / 居民身份证, 签发机关 (the district's bureau) and 有效期限 `YYYY.MM.DD-YYYY.MM.DD` or
 * `YYYY.MM.DD-长期`, the term the law gives the holder's age on the first day.
 */
export function mainlandBack(r: Rng, front: CardDesign): BackDesign {
  const birth = front.truth.birthDate;
  const startYear = int(r, Math.max(2006, Number(birth.slice(0, 4)) + 1), 2025);
  const start = `${startYear}-${pad2(int(r, 1, 12))}-${pad2(int(r, 1, 28))}`;
  const years = mainlandValidityYears(birth, start);
  const dotted = (iso: string) => iso.replace(/-/g, ".");
  const end = years === null ? "长期" : dotted(`${startYear + years}${start.slice(4)}`);
  const validDate = `${dotted(start)}-${end}`;
  const authority = area(front.truth.number).authority;
  const label = (x: number, y: number, text: string) => cjk(x, y, 26, text, { fill: "#222", spacing: 6 });
  const body = [
    emblem(),
    cjk(320, 150, 50, "中华人民共和国", { spacing: 10 }),
    cjk(300, 280, 76, "居民身份证", { spacing: 22, bold: true }),
    label(200, 490, "签发机关"),
    cjk(380, 492, 30, authority),
    label(200, 570, "有效期限"),
    cjk(380, 572, 30, validDate),
  ].join("");
  return {
    type: "MainlandIDCard",
    body,
    tint: ["#eaf0f4", "#e2ecdf"],
    truth: { number: null, fields: { Authority: authority, ValidDate: validDate } },
  };
}
