import { BellOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from "@ant-design/icons";
import { Button, Dropdown } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { paths } from "@/config/paths";
import { regionPath, useRegions } from "@/features/catalogue/api/get-regions";
import { useLanguage } from "@/hooks/use-language";
import { useUser } from "@/lib/auth";
import { nameOf } from "@/utils/format";
import { useSignOut } from "./sign-out-button";

/** The region's name in the current language; the whole country for national accounts. */
export function useScopeName(regionCode: string | null): string {
  const { t } = useTranslation();
  const language = useLanguage();
  const regions = useRegions();
  if (regionCode === null) return t("user.nationwide");
  const region = regionPath(regions.data, regionCode).at(-1);
  return region ? nameOf(region, language) : regionCode;
}

/** Who is signed in (name, role, scope), and signing out. */
export function UserMenu() {
  const { t } = useTranslation();
  const user = useUser();
  const scope = useScopeName(user.regionCode);
  const { signOut, isPending } = useSignOut();
  const navigate = useNavigate();
  return (
    <Dropdown
      trigger={["click"]}
      placement="bottomRight"
      menu={{
        items: [
          {
            key: "who",
            type: "group",
            label: (
              <div className="user-menu-who" data-testid="user-menu-who">
                <div className="user-menu-name">{user.displayName}</div>
                <div data-testid="user-role">
                  {t("user.role", { role: t(`role.${user.role}`) })}
                </div>
                <div data-testid="user-scope">{t("user.region", { region: scope })}</div>
              </div>
            ),
          },
          { type: "divider" },
          {
            key: "password",
            icon: <KeyOutlined />,
            label: <span data-testid="change-password">{t("user.changePassword")}</span>,
            onClick: () => navigate(paths.password),
          },
          {
            key: "notifications",
            icon: <BellOutlined />,
            label: (
              <span data-testid="notification-settings">{t("nav.notifications-settings")}</span>
            ),
            onClick: () => navigate(paths.notificationSettings),
          },
          {
            key: "logout",
            icon: <LogoutOutlined />,
            label: <span data-testid="sign-out">{t("user.signOut")}</span>,
            onClick: signOut,
          },
        ],
      }}
    >
      <Button
        className="user-menu"
        data-testid="user-menu"
        icon={<UserOutlined />}
        // Starts with the visible name (WCAG 2.5.3: label in name).
        aria-label={`${user.displayName} · ${t("user.menu")}`}
        loading={isPending}
      >
        <span className="user-menu-label">{user.displayName}</span>
      </Button>
    </Dropdown>
  );
}
