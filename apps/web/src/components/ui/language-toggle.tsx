import { GlobalOutlined } from "@ant-design/icons";
import { Button } from "antd";
import { useTranslation } from "react-i18next";
import { useLanguage } from "@/hooks/use-language";
import { setLanguage } from "@/lib/i18n";

/** Switches between Chinese and English; the choice is remembered in this browser. */
export function LanguageToggle() {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Button
      className="language-toggle"
      data-testid="language-toggle"
      icon={<GlobalOutlined />}
      // The visible name is the accessible one (WCAG 2.5.3); what it does is the tooltip.
      title={t("app.languageLabel")}
      onClick={() => setLanguage(language === "en" ? "zh-CN" : "en")}
    >
      {t("app.language")}
    </Button>
  );
}
