/// <reference types="vite/client" />
import en from "./i18n/en.json" with { type: "json" };

export type Messages = typeof en;
export type MessageKey = keyof Messages;

export const languages = ["en", "zh-cn", "zh-tc", "th", "id", "ms", "ja", "ru"] as const;
export type Language = (typeof languages)[number];

// One catalogue per language, each its own small chunk loaded on demand (English is built in as the fallback).
const catalogues = import.meta.glob<Messages>(["./i18n/*.json", "!./i18n/en.json"], { import: "default" });

/** Config.Language wins; otherwise the browser's preferred languages; otherwise English. */
export function pickLanguage(configured: string | null, preferred: readonly string[]): Language {
  const candidates = [configured, ...preferred].filter((x): x is string => !!x).map((x) => x.toLowerCase());
  for (const candidate of candidates) {
    if ((languages as readonly string[]).includes(candidate)) return candidate as Language;
    if (/^zh-(tw|hk|mo|hant)/.test(candidate)) return "zh-tc";
    if (candidate.startsWith("zh")) return "zh-cn";
    const base = candidate.split("-")[0]!;
    if ((languages as readonly string[]).includes(base)) return base as Language;
  }
  return "en";
}

let messages: Messages = en;

export async function loadLanguage(language: Language): Promise<void> {
  const load = catalogues[`./i18n/${language}.json`];
  messages = load ? { ...en, ...(await load()) } : en;
  document.documentElement.lang =
    language === "zh-cn" ? "zh-Hans" : language === "zh-tc" ? "zh-Hant" : language;
}

export function t(key: MessageKey, values: Record<string, string | number> = {}): string {
  return messages[key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ""));
}
