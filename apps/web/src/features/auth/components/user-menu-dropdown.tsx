import { BellOutlined, KeyOutlined, LogoutOutlined } from "@ant-design/icons";
import { Dropdown } from "antd";
import type { ReactElement } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { paths } from "@/config/paths";
import { useUser } from "@/lib/auth";
import { useScopeName } from "./user-menu";

/** The user menu's dropdown (user-menu.tsx): who is signed in, the account's pages, sign-out. */
export default function UserMenuDropdown({
  open,
  onOpenChange,
  signOut,
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  signOut: () => void;
  children: ReactElement;
}) {
  const { t } = useTranslation();
  const user = useUser();
  const scope = useScopeName(user.regionCode);
  const navigate = useNavigate();
  return (
    <Dropdown
      trigger={["click"]}
      placement="bottomRight"
      open={open}
      onOpenChange={onOpenChange}
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
      {children}
    </Dropdown>
  );
}
