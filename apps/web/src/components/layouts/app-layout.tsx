import {
  AppstoreOutlined,
  BarChartOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  FallOutlined,
  GlobalOutlined,
} from "@ant-design/icons";
import { Button, Layout, Skeleton } from "antd";
import { Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Link, NavLink, Outlet } from "react-router";
import { paths } from "@/config/paths";
import { useDashboardParams } from "@/hooks/use-dashboard-params";
import { useLanguage } from "@/hooks/use-language";
import { setLanguage } from "@/lib/i18n";

const NAV = [
  { key: paths.overview, label: "nav.overview", icon: <DashboardOutlined /> },
  { key: paths.comparison, label: "nav.comparison", icon: <BarChartOutlined /> },
  { key: paths.lagging, label: "nav.lagging", icon: <FallOutlined /> },
  { key: paths.region, label: "nav.region", icon: <EnvironmentOutlined /> },
  { key: paths.matrix, label: "nav.matrix", icon: <AppstoreOutlined /> },
] as const;

export function AppLayout() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { hrefTo } = useDashboardParams();
  return (
    <Layout className="app-layout">
      <Layout.Header className="app-header">
        <Link to={hrefTo(paths.overview)} className="app-brand">
          <img src="/favicon.svg" alt="" width={24} height={24} />
          <span className="app-brand-name">{t("app.title")}</span>
          <span className="app-brand-sub">{t("app.subtitle")}</span>
        </Link>
        <nav className="app-nav" aria-label={t("app.subtitle")}>
          {NAV.map((item) => (
            <NavLink
              key={item.key}
              to={hrefTo(item.key)}
              end
              className="app-nav-item"
              data-testid={`nav-${item.key.replace("/", "") || "overview"}`}
            >
              {item.icon}
              <span>{t(item.label)}</span>
            </NavLink>
          ))}
        </nav>
        <Button
          className="language-toggle"
          data-testid="language-toggle"
          icon={<GlobalOutlined />}
          aria-label={t("app.languageLabel")}
          onClick={() => setLanguage(language === "en" ? "zh-CN" : "en")}
        >
          {t("app.language")}
        </Button>
      </Layout.Header>
      <Layout.Content className="app-content">
        <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>
          <Outlet />
        </Suspense>
      </Layout.Content>
    </Layout>
  );
}
