import {
  AimOutlined,
  AppstoreOutlined,
  AuditOutlined,
  BarChartOutlined,
  CheckSquareOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  EditOutlined,
  EnvironmentOutlined,
  FallOutlined,
  FileTextOutlined,
  FlagOutlined,
  MenuOutlined,
  NotificationOutlined,
  ProfileOutlined,
  ScheduleOutlined,
  SettingOutlined,
  TeamOutlined,
} from "@ant-design/icons";
import { Button, Layout, Skeleton } from "antd";
import { type ReactNode, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, NavLink, Outlet, useLocation } from "react-router";
import { LanguageToggle } from "@/components/ui/language-toggle";
import { canOpen, NAV_GROUPS, type ScreenPath, screenKey, sharesSelection } from "@/config/nav";
import { paths } from "@/config/paths";
import { IdleWarning } from "@/features/auth/components/idle-warning";
import { UserMenu } from "@/features/auth/components/user-menu";
import { NotificationBell } from "@/features/notifications/components/notification-bell";
import { useDashboardParams } from "@/hooks/use-dashboard-params";
import { useUser } from "@/lib/auth";

const ICONS: Partial<Record<ScreenPath, ReactNode>> = {
  [paths.overview]: <DashboardOutlined />,
  [paths.comparison]: <BarChartOutlined />,
  [paths.lagging]: <FallOutlined />,
  [paths.region]: <EnvironmentOutlined />,
  [paths.matrix]: <AppstoreOutlined />,
  [paths.entry]: <EditOutlined />,
  [paths.import]: <CloudUploadOutlined />,
  [paths.approvals]: <CheckSquareOutlined />,
  [paths.completeness]: <ScheduleOutlined />,
  [paths.supervision]: <FlagOutlined />,
  [paths.targets]: <AimOutlined />,
  [paths.bulletin]: <FileTextOutlined />,
  [paths.adminUsers]: <TeamOutlined />,
  [paths.adminIndicators]: <ProfileOutlined />,
  [paths.settings]: <SettingOutlined />,
  [paths.channels]: <NotificationOutlined />,
  [paths.audit]: <AuditOutlined />,
};

/** Where the menu folds away (antd's `md` breakpoint, as the stylesheet's phone layout). */
const PHONE = "(max-width: 767px)";

export function AppLayout() {
  const { t } = useTranslation();
  const { hrefTo } = useDashboardParams();
  const { pathname } = useLocation();
  const user = useUser();
  const linkTo = (screen: ScreenPath) =>
    sharesSelection(pathname) && sharesSelection(screen) ? hrefTo(screen) : screen;
  // On a narrow screen the menu folds away behind the header's trigger.
  const [collapsed, setCollapsed] = useState(() => window.matchMedia(PHONE).matches);
  const groups = NAV_GROUPS.map((group) => ({
    ...group,
    screens: group.screens.filter((screen) => canOpen(user.role, screen)),
  })).filter((group) => group.screens.length > 0);
  return (
    <Layout className="app-layout">
      <Layout.Header className="app-header">
        <Button
          className="app-menu-toggle"
          type="text"
          icon={<MenuOutlined />}
          aria-label={t("app.menu")}
          aria-expanded={!collapsed}
          data-testid="menu-toggle"
          onClick={() => setCollapsed((value) => !value)}
        />
        <Link to={linkTo(paths.overview)} className="app-brand">
          <img src="/favicon.svg" alt="" width={24} height={24} />
          <span className="app-brand-name">{t("app.title")}</span>
          <span className="app-brand-sub">{t("app.subtitle")}</span>
        </Link>
        <div className="app-header-tools">
          <NotificationBell />
          <LanguageToggle />
          <UserMenu />
        </div>
      </Layout.Header>
      <IdleWarning />
      <Layout hasSider>
        <Layout.Sider
          className="app-sider no-print"
          theme="light"
          width={184}
          breakpoint="md"
          collapsedWidth={0}
          collapsed={collapsed}
          onCollapse={setCollapsed}
          // On a phone the header's menu button opens it: antd's own tab would sit off-screen.
          trigger={null}
        >
          <nav className="app-nav" aria-label={t("app.subtitle")}>
            {groups.map((group) => (
              <div key={group.key} className="app-nav-group">
                <div className="app-nav-group-title">{t(`navGroup.${group.key}`)}</div>
                {group.screens.map((screen) => (
                  <NavLink
                    key={screen}
                    to={linkTo(screen)}
                    end
                    className="app-nav-item"
                    data-testid={`nav-${screenKey(screen)}`}
                    onClick={() => {
                      if (window.matchMedia(PHONE).matches) setCollapsed(true);
                    }}
                  >
                    {ICONS[screen]}
                    <span>{t(`nav.${screenKey(screen)}`)}</span>
                  </NavLink>
                ))}
              </div>
            ))}
          </nav>
        </Layout.Sider>
        <Layout.Content className="app-content">
          <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
