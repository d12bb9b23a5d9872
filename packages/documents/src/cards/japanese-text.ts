import { isoDate, isRealDate } from "./numbers/dates.ts";
import { type EraName, eraToIso } from "./numbers/japan.ts";

/**
 * Japanese print as PP-OCRv4's Chinese dictionary (ppocr_keys_v1.txt) returns it. The dictionary has almost no
 * kana (only マシサジの) and lacks many Japanese kanji forms (県 効 別 証 転 広 岡 栃 埼 沢 恵 斎 辺 栄 …), so on a
 * Japanese card the recogniser answers with the simplified Chinese form it knows (東 → 东, 県 → 县, 効 → 效,
 * 別 → 别, 証 → 证) or with a look-alike, and kana come back as look-alikes or not at all (まで有効 → 飞有效,
 * カード → 力一).
 *
 * `foldJapanese` maps back simplified forms that Japanese print does not use to the standard Japanese (shinjitai)
 * form — 县 → 県, 东 → 東 — and leaves out simplified forms that are also Japanese characters (叶, 个, 丰, 胜)
 * or stand for more than one Japanese form (龙: 竜 or 龍). A card printing an older form the dictionary has
 * (濱, 邊) is read as that form, not as the simplified one, so the fold does not touch it. A kanji missing from
 * the dictionary with no simplified counterpart (埼, 栃, 沢, 斎, 咲, 桜) cannot be recovered and stays misread.
 */
const JAPANESE_FORM: Readonly<Record<string, string>> = {
  东: "東",
  县: "県",
  效: "効",
  别: "別",
  证: "証",
  转: "転",
  冈: "岡",
  广: "広",
  边: "辺",
  桥: "橋",
  书: "書",
  长: "長",
  门: "門",
  间: "間",
  马: "馬",
  岛: "島",
  车: "車",
  铁: "鉄",
  驿: "駅",
  阳: "陽",
  爱: "愛",
  滨: "浜",
  荣: "栄",
  许: "許",
  员: "員",
  树: "樹",
  纪: "紀",
  绘: "絵",
  宫: "宮",
  仓: "倉",
  赖: "頼",
  伟: "偉",
  华: "華",
  贺: "賀",
  义: "義",
  乡: "郷",
  结: "結",
  优: "優",
  贵: "貴",
  辉: "輝",
  刚: "剛",
  实: "実",
  铃: "鈴",
  诚: "誠",
  达: "達",
  // Traditional forms the recogniser prefers over the Japanese form it also knows (穂 printed, 穗 read) or
  // lacks (恵, 栄). Japanese print uses the left form only in old-style registered names (戸籍), which are then
  // reported in the standard form: a trade-off in favour of the common case.
  穗: "穂",
  // 逹 is a rare variant the recogniser returns for 達.
  逹: "達",
  // 岡 is not in the dictionary: it comes back as 冈 (above) or as 网, the simplified form of 網; a card printing
  // 網 (網走) is read as 網, which the dictionary has, so 网 on a Japanese card stands for 岡.
  网: "岡",
  惠: "恵",
  榮: "栄",
  线: "線",
};

export function foldJapanese(text: string): string {
  return [...text].map((ch) => JAPANESE_FORM[ch] ?? ch).join("");
}

/** Stems of the 43 prefectures named with 県 (the others are 東京都, 北海道, 大阪府, 京都府). */
const KEN_STEMS =
  "青森 岩手 宮城 秋田 山形 福島 茨城 栃木 群馬 埼玉 千葉 神奈川 新潟 富山 石川 福井 山梨 長野 岐阜 静岡 愛知 三重 滋賀 兵庫 奈良 和歌山 鳥取 島根 岡山 広島 山口 徳島 香川 愛媛 高知 福岡 佐賀 長崎 熊本 大分 宮崎 鹿児島 沖縄".split(
    " ",
  );

/** The prefecture `text` ends with, in full (`愛知` with its 県 dropped gives 愛知県), or null. */
export function prefectureAtEnd(text: string): string | null {
  const folded = foldJapanese(text.replace(/\s/g, ""));
  const full = ["東京都", "北海道", "大阪府", "京都府"].find((p) => folded.endsWith(p));
  if (full) return full;
  // Longest stem first: 山口 is not taken for the end of 和歌山口.
  const stem = [...KEN_STEMS]
    .sort((a, b) => b.length - a.length)
    .find((s) => folded.replace(/県$/, "").endsWith(s));
  return stem ? `${stem}県` : null;
}

/**
 * An address as read, in Japanese forms. The recogniser has no 県 and often drops it (`神奈川横浜市`); an
 * address on a card starts with its prefecture written in full, so a 県 prefecture's name directly followed by
 * something else before the city gets its 県 back; so does one whose 県 was read as a look-alike seen in the
 * evaluation (鼎, 果: no municipality name starts with either). Any other character in 県's place is not guessed
 * away (it cannot be told from the start of a city name): such an address stays wrong.
 */
export function japaneseAddress(text: string): string {
  const folded = foldJapanese(text.replace(/\s/g, ""));
  const stem = KEN_STEMS.find((s) => folded.startsWith(s));
  if (!stem || folded[stem.length] === "県") return folded;
  // 県 read as a look-alike (seen: 鼎, 果; no municipality name starts with either): put 県 back.
  if (/^[鼎果]/.test(folded.slice(stem.length))) return `${stem}県${folded.slice(stem.length + 1)}`;
  const rest = folded.slice(stem.length);
  // Only when a city (or county) follows within a few characters: that is where the dropped 県 stood.
  return /^[^県]{1,6}?[市郡]/.test(rest) ? `${stem}県${rest}` : folded;
}

/**
 * Era names as read: 令 is sometimes returned as 今 or 合, 昭 as 照, 成 as 戌/戍 (look-alikes in the dictionary);
 * an era name read any other way is not guessed.
 */
const ERA_READINGS: readonly [RegExp, EraName][] = [
  [/明治/, "明治"],
  [/大正/, "大正"],
  [/[昭照]和/, "昭和"],
  [/平[成戌戍]/, "平成"],
  [/[令今合]和/, "令和"],
];
const ERA_DATE =
  /(明治|大正|[昭照]和|平[成戌戍]|[令今合]和)\s?(元|\d{1,2})\s?年\s?(\d{1,2})\s?月\s?(\d{1,2})\s?日/;
/** `2030年(令和12年)5月8日` (licence expiry): the Western year, the era year in brackets, month, day. */
const WESTERN_BRACKET = /((?:19|20)\d{2})\s?年\s?[(（][^)）]{0,8}[)）]\s?(\d{1,2})\s?月\s?(\d{1,2})\s?日/;
const WESTERN = /((?:19|20)\d{2})\s?年\s?(\d{1,2})\s?月\s?(\d{1,2})\s?日/;

/** A Japanese date in `text` — era (`昭和60年3月1日`, 元年) or Western (`1985年3月1日`) — as ISO, or null. */
export function japaneseDate(text: string | null | undefined): string | null {
  if (!text) return null;
  const flat = text.replace(/[OoＯ]/g, "0").replace(/[Il|]/g, "1");
  const era = ERA_DATE.exec(flat);
  if (era) {
    const name = ERA_READINGS.find(([re]) => re.test(era[1]!))![1];
    const year = era[2] === "元" ? 1 : Number(era[2]);
    const iso = eraToIso(name, year, Number(era[3]), Number(era[4]));
    if (iso) return iso;
  }
  for (const re of [WESTERN_BRACKET, WESTERN]) {
    const m = re.exec(flat);
    if (!m) continue;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (isRealDate(y, mo, d)) return isoDate(y, mo, d);
  }
  return null;
}

/** Han characters, the few kana the recogniser has, 々 and ー: what a Japanese name can be read as. */
export const JAPANESE_NAME = /^[\u3400-\u9fff\u3040-\u30ff々ー]+$/;
