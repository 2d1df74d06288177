import {
  AppstoreOutlined,
  BarChartOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  FallOutlined,
} from "@ant-design/icons";
import { Layout, Skeleton } from "antd";
import { Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Link, NavLink, Outlet } from "react-router";
import { LanguageToggle } from "@/components/ui/language-toggle";
import { paths } from "@/config/paths";
import { NoDashboard } from "@/features/auth/components/no-dashboard";
import { UserMenu } from "@/features/auth/components/user-menu";
import { useDashboardParams } from "@/hooks/use-dashboard-params";
import { hasDashboards, useUser } from "@/lib/auth";

const NAV = [
  { key: paths.overview, label: "nav.overview", icon: <DashboardOutlined /> },
  { key: paths.comparison, label: "nav.comparison", icon: <BarChartOutlined /> },
  { key: paths.lagging, label: "nav.lagging", icon: <FallOutlined /> },
  { key: paths.region, label: "nav.region", icon: <EnvironmentOutlined /> },
  { key: paths.matrix, label: "nav.matrix", icon: <AppstoreOutlined /> },
] as const;

export function AppLayout() {
  const { t } = useTranslation();
  const { hrefTo } = useDashboardParams();
  const dashboards = hasDashboards(useUser());
  return (
    <Layout className="app-layout">
      <Layout.Header className="app-header">
        <Link to={hrefTo(paths.overview)} className="app-brand">
          <img src="/favicon.svg" alt="" width={24} height={24} />
          <span className="app-brand-name">{t("app.title")}</span>
          <span className="app-brand-sub">{t("app.subtitle")}</span>
        </Link>
        <nav className="app-nav" aria-label={t("app.subtitle")}>
          {(dashboards ? NAV : []).map((item) => (
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
        <div className="app-header-tools">
          <LanguageToggle />
          <UserMenu />
        </div>
      </Layout.Header>
      <Layout.Content className="app-content">
        <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>
          {dashboards ? <Outlet /> : <NoDashboard />}
        </Suspense>
      </Layout.Content>
    </Layout>
  );
}
