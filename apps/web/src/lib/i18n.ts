import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { en } from "./locales/en";
import { screensEn, screensZhCN } from "./locales/screens";
import { zhCN } from "./locales/zh-cn";

export type Language = "zh-CN" | "en";
export const LANGUAGES: Language[] = ["zh-CN", "en"];
const STORAGE_KEY = "jindu.language";

function savedLanguage(): Language {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  return saved === "en" ? "en" : "zh-CN";
}

i18n.use(initReactI18next).init({
  resources: {
    "zh-CN": { translation: { ...zhCN, ...screensZhCN } },
    en: { translation: { ...en, ...screensEn } },
  },
  lng: savedLanguage(),
  fallbackLng: "zh-CN",
  interpolation: { escapeValue: false },
});

export function setLanguage(language: Language) {
  globalThis.localStorage?.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
  return i18n.changeLanguage(language);
}

export function currentLanguage(language: string): Language {
  return language === "en" ? "en" : "zh-CN";
}

document.documentElement.lang = i18n.language;

export { i18n };
