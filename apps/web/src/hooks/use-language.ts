import { useTranslation } from "react-i18next";
import { currentLanguage } from "@/lib/i18n";

/** The UI language as the formatters want it. */
export function useLanguage() {
  const { i18n } = useTranslation();
  return currentLanguage(i18n.language);
}
