import en from "./i18n/en.json" with { type: "json" };
import id from "./i18n/id.json" with { type: "json" };
import th from "./i18n/th.json" with { type: "json" };
import zhCn from "./i18n/zh-cn.json" with { type: "json" };
import zhTc from "./i18n/zh-tc.json" with { type: "json" };

export type DocumentMessages = typeof en;
export type DocumentMessageKey = keyof DocumentMessages;

// The document step's strings, one catalogue per Config.Language value (th, en, zh-cn, zh-tc, id); the
// catalogues are small, so they are bundled rather than loaded on demand. Missing keys fall back to English.
const catalogues: Readonly<Record<string, Partial<DocumentMessages>>> = {
  en,
  id,
  th,
  "zh-cn": zhCn,
  "zh-tc": zhTc,
};

let messages: DocumentMessages = en;

/** Config.Language (or the SDK's language) wins; then the browser's languages; then English. */
export function useLanguage(configured: string | null, preferred: readonly string[]): string {
  for (const raw of [configured, ...preferred]) {
    if (!raw) continue;
    const candidate = raw.toLowerCase();
    const language = /^zh-(tw|hk|mo|hant|tc)/.test(candidate)
      ? "zh-tc"
      : candidate.startsWith("zh")
        ? "zh-cn"
        : (candidate.split("-")[0] ?? "");
    if (catalogues[language]) {
      messages = { ...en, ...catalogues[language] };
      return language;
    }
  }
  messages = en;
  return "en";
}

export function t(key: DocumentMessageKey, values: Readonly<Record<string, string | number>> = {}): string {
  return messages[key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ""));
}

/** A field's label: translated for the common fields, else the wire name split into words. */
export function fieldLabel(name: string): string {
  const key = `field-${name}` as DocumentMessageKey;
  return key in messages ? t(key) : name.replace(/([a-z])([A-Z])/g, "$1 $2");
}

export function warningText(code: number): string {
  const key = `warn${code}` as DocumentMessageKey;
  return key in messages ? t(key) : t("warn-9901");
}
