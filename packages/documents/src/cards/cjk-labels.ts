/**
 * Label words of the cards printed in traditional characters (Taiwan, Macao), matched whichever form the
 * recogniser returns. PP-OCRv4's Chinese dictionary (ppocr_keys_v1.txt) has no 別, 編 or 簽 at all, so 性別,
 * 統一編號 and 簽發 can only ever come back as 性别, 統一编號, 签發; and it reads some traditional characters it
 * does know in their simplified form (黃 as 黄). This fold is exact and small — each traditional character of a
 * label word and its simplified form — and applies to label matching only: values (names, places) are never
 * folded, a holder's name is reported as read.
 */
const SIMPLIFIED: Readonly<Record<string, string>> = {
  別: "别",
  編: "编",
  號: "号",
  發: "发",
  證: "证",
  簽: "签",
  國: "国",
  華: "华",
  門: "门",
  區: "区",
  換: "换",
  補: "补",
  統: "统",
  屬: "属",
  歲: "岁",
  長: "长",
  內: "内",
  來: "来",
  灣: "湾",
  陸: "陆",
  機: "机",
  關: "关",
};

/** A RegExp source matching `word` in either character form, with optional spaces between characters. */
export function labelSource(word: string): string {
  return [...word]
    .map((ch) => {
      const simple = SIMPLIFIED[ch];
      return simple && simple !== ch ? `[${ch}${simple}]` : ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    })
    .join("\\s?");
}

/** `labelSource` as a RegExp (`flags` as for RegExp). */
export function labelPattern(word: string, flags = ""): RegExp {
  return new RegExp(labelSource(word), flags);
}
