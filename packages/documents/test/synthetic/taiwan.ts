import { type Identity, taiwanId } from "./identities.ts";
import type { CardDesign } from "./layouts.ts";
import { cjk } from "./mainland.ts";
import { int, pad2, pick, type Rng } from "./random.ts";

/**
 * Republic of China (Taiwan) national identity card, front, in the 2005 design's public layout: title
 * 中華民國國民身分證, then 姓名, 出生年月日 (民國 era), 性別, 發證日期 with the issuing place in brackets and
 * 初發/換發/補發, and 統一編號 in red at the bottom; photo on the right. Traditional characters throughout, drawn in
 * WenQuanYi Micro Hei. Holders are fake; the number carries a valid check digit and the sex digit of the holder.
 *
 * The name pools mix characters whose traditional form differs from the simplified one (陳, 黃, 張, 劉, 鄭, 謝,
 * 偉, 華, 麗, 國) with characters both forms share, so the evaluation measures how often the recogniser returns
 * a simplified form. Characters missing from PP-OCRv4's dictionary (吳, 傑, …) are left out: they can never
 * be read (see docs/documents-cards.md).
 */
const SURNAMES = ["陳", "林", "黃", "張", "李", "王", "劉", "蔡", "楊", "許", "鄭", "謝"];
const GIVEN = [
  "志明",
  "淑芬",
  "怡君",
  "雅婷",
  "家豪",
  "建華",
  "美玲",
  "俊宏",
  "麗華",
  "國榮",
  "佳穎",
  "承偉",
];
/** Abbreviations of issuing household-registration offices as the card prints them in brackets. */
const PLACES = ["北市", "新北市", "桃市", "中市", "南市", "高市"];

const LABEL_GREY = "#3d3d4d";
const roc = (iso: string) => {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return `民國 ${y - 1911} 年 ${m} 月 ${d} 日`;
};

export function taiwanFront(r: Rng, p: Identity): CardDesign {
  const number = taiwanId(r, p);
  const name = pick(r, SURNAMES) + pick(r, GIVEN);
  const sex = p.sex === "M" ? "男" : "女";
  // First issued at 14 at the earliest; the 2005 design has been issued since July 2005.
  const birthYear = Number(p.birth.slice(0, 4));
  const issueYear = int(r, Math.max(2006, birthYear + 15), 2025);
  const issued = `${issueYear}-${pad2(int(r, 1, 12))}-${pad2(int(r, 1, 28))}`;
  const kind = pick(r, ["換發", "換發", "補發", "初發"]);
  const label = (y: number, text: string) => cjk(40, y, 24, text, { fill: LABEL_GREY, spacing: 4 });
  const body = [
    `<rect x="40" y="30" width="78" height="52" fill="#c8102e"/><rect x="40" y="30" width="39" height="26" fill="#1b3f95"/>`,
    cjk(140, 76, 40, "中華民國國民身分證", { spacing: 6, bold: true }),
    label(168, "姓　名"),
    cjk(200, 172, 44, name, { spacing: 8 }),
    label(248, "出生年月日"),
    cjk(200, 250, 30, roc(p.birth)),
    label(322, "性　別"),
    cjk(200, 326, 32, sex),
    label(398, "發證日期"),
    cjk(200, 400, 26, roc(issued)),
    cjk(200, 442, 26, `(${pick(r, PLACES)})${kind}`),
    label(566, "統一編號"),
    `<text x="200" y="572" font-family="DejaVu Sans" font-size="46" font-weight="bold" letter-spacing="4" fill="#b3202a">${number}</text>`,
  ].join("");
  return {
    type: "TaiWanIDCard",
    body,
    tint: ["#efe6f2", "#e6dccb"],
    photo: { x: 680, y: 130, w: 280, h: 360 },
    truth: { name, number, birthDate: p.birth },
    fields: { FullName: name, Sex: sex, LicenseNumber: number },
  };
}
