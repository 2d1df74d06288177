import type { Locale } from "antd/es/locale";
import antdZhCN from "antd/locale/zh_CN";
import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { zhCN } from "./locales/zh-cn";

export type Language = "zh-CN" | "en";
export const LANGUAGES: Language[] = ["zh-CN", "en"];
const STORAGE_KEY = "jindu.language";

function savedLanguage(): Language {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  return saved === "en" ? "en" : "zh-CN";
}

// Chinese is the first language and ships with the shell; English (the shared texts and antd's
// own) is a chunk of its own, downloaded only by those who choose it.
i18n.use(initReactI18next).init({
  resources: { "zh-CN": { translation: zhCN } },
  lng: "zh-CN",
  fallbackLng: "zh-CN",
  interpolation: { escapeValue: false },
});

/**
 * A work screen's texts, kept beside it (features/<name>/locales.ts) and added under their own key
 * when its code loads, so the first screen does not download every other screen's words.
 */
export function addTexts(key: string, texts: { zhCN: object; en: object }) {
  i18n.addResourceBundle("zh-CN", "translation", { [key]: texts.zhCN }, true, true);
  i18n.addResourceBundle("en", "translation", { [key]: texts.en }, true, true);
}

let antdEnglish: Locale | undefined;
let english: Promise<void> | undefined;
function loadEnglish() {
  english ??= import("./locales/en-bundle").then((bundle) => {
    i18n.addResourceBundle("en", "translation", bundle.en, true, true);
    antdEnglish = bundle.antdEnUS;
  });
  // A failed download may be retried on the next click.
  english.catch(() => {
    english = undefined;
  });
  return english;
}

/** antd's own texts (pickers, pagination, empty tables) for the interface language. */
export function antdLocale(language: Language): Locale {
  return language === "en" && antdEnglish ? antdEnglish : antdZhCN;
}

export async function setLanguage(language: Language) {
  if (language === "en") await loadEnglish();
  globalThis.localStorage?.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
  await i18n.changeLanguage(language);
}

export function currentLanguage(language: string): Language {
  return language === "en" ? "en" : "zh-CN";
}

document.documentElement.lang = i18n.language;

/**
 * Settles once the saved language can be shown: at once in Chinese, after the English chunk
 * otherwise (Chinese if it cannot be downloaded). The app renders after it: no flash of the
 * other language.
 */
export const i18nReady: Promise<void> =
  savedLanguage() === "en" ? setLanguage("en").catch(() => {}) : Promise.resolve();

export { i18n };
