import { Card } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { LanguageToggle } from "@/components/ui/language-toggle";

/** The frame of the screens before the dashboard: sign-in, new password, authenticator. */
export function AuthLayout({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <main className="auth-layout">
      <div className="auth-top">
        <LanguageToggle />
      </div>
      <div className="auth-brand">
        <img src="/favicon.svg" alt="" width={40} height={40} />
        <div>
          <div className="auth-brand-name">{t("app.title")}</div>
          <div className="auth-brand-sub">{t("auth.subtitle")}</div>
        </div>
      </div>
      <Card className="auth-card" title={<h1 className="auth-title">{title}</h1>}>
        {children}
      </Card>
    </main>
  );
}
