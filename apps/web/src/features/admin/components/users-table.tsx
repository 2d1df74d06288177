import { LockOutlined, SafetyCertificateOutlined } from "@ant-design/icons";
import { managesRole, ROLES, requiresSecondFactor } from "@jindu/domain";
import { Button, Popconfirm, Space, Table, type TableColumnsType, Tag, Tooltip } from "antd";
import { useTranslation } from "react-i18next";
import { useLanguage } from "@/hooks/use-language";
import type { Role } from "@/lib/auth";
import { formatBeijingTime, nameOf } from "@/utils/format";
import type { UserView } from "../api/users";
import type { ScopeRegion } from "./scope-select";
import "@/features/admin/locales";

interface UsersTableProps {
  users: UserView[];
  regions: Map<string, ScopeRegion>;
  selfId: number;
  /** The signed-in account's role: it acts only on the accounts its duties cover. */
  myRole: Role;
  onEdit: (user: UserView) => void;
  onResetPassword: (user: UserView) => void;
  onToggleDisabled: (user: UserView) => void;
  onUnlock: (user: UserView) => void;
  onResetSecondFactor: (user: UserView) => void;
}

const isLocked = (user: UserView) =>
  user.lockedUntil !== null && Date.parse(user.lockedUntil) > Date.now();

/** Every account, with what an administrator needs to see at a glance and act on. */
export function UsersTable({
  users,
  regions,
  selfId,
  myRole,
  onEdit,
  onResetPassword,
  onToggleDisabled,
  onUnlock,
  onResetSecondFactor,
}: UsersTableProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const columns: TableColumnsType<UserView> = [
    {
      key: "username",
      title: t("admin.users.username"),
      sorter: (a, b) => a.username.localeCompare(b.username),
      render: (_, user) => (
        <span>
          <strong>{user.username}</strong>
          {user.id === selfId ? t("admin.users.you") : null}
        </span>
      ),
    },
    { key: "displayName", title: t("admin.users.displayName"), dataIndex: "displayName" },
    {
      key: "role",
      title: t("admin.users.role"),
      filters: ROLES.map((r) => ({
        text: t(`role.${r}`),
        value: r,
      })),
      onFilter: (value, user) => user.role === value,
      render: (_, user) => t(`role.${user.role}`),
    },
    {
      key: "region",
      title: t("admin.users.region"),
      render: (_, user) => {
        if (!user.regionCode) return t("admin.users.nationwide");
        const region = regions.get(user.regionCode);
        return region ? nameOf(region, language) : user.regionCode;
      },
    },
    {
      key: "status",
      title: t("admin.users.status"),
      render: (_, user) => (
        <Space size={4} wrap>
          {user.disabled ? (
            <Tag color="default" data-testid="user-disabled">
              {t("admin.users.disabled")}
            </Tag>
          ) : (
            <Tag color="green">{t("admin.users.active")}</Tag>
          )}
          {isLocked(user) ? (
            <Tag color="orange" icon={<LockOutlined />} data-testid="user-locked">
              {t("admin.users.locked", {
                time: formatBeijingTime(user.lockedUntil, language, "stamp"),
              })}
            </Tag>
          ) : null}
        </Space>
      ),
    },
    {
      key: "passwordChangedAt",
      title: t("admin.users.passwordChanged"),
      responsive: ["lg"],
      render: (_, user) => (
        <span>
          {formatBeijingTime(user.passwordChangedAt, language, "stamp")}
          {user.mustChangePassword ? (
            <Tag color="gold" style={{ marginLeft: 6 }}>
              {t("admin.users.mustChange")}
            </Tag>
          ) : null}
        </span>
      ),
    },
    {
      key: "totp",
      title: t("admin.users.totp"),
      responsive: ["md"],
      render: (_, user) =>
        user.totpEnabled ? (
          <Tag color="blue" icon={<SafetyCertificateOutlined />}>
            {t("admin.users.enrolled")}
          </Tag>
        ) : requiresSecondFactor(user.role) ? (
          <Tag color="gold">{t("admin.users.notEnrolled")}</Tag>
        ) : (
          <span className="admin-muted">{t("admin.users.notNeeded")}</span>
        ),
    },
    {
      key: "actions",
      title: t("admin.common.actions"),
      render: (_, user) => {
        const self = user.id === selfId;
        // A second factor is reset by the security officer, whoever manages the account.
        const resetTotp =
          myRole === "security" && user.totpEnabled && !self ? (
            <Popconfirm
              title={t("admin.users.resetTotpConfirm", { username: user.username })}
              onConfirm={() => onResetSecondFactor(user)}
              okButtonProps={{ "data-testid": "confirm-ok" }}
            >
              <Button type="link" size="small" data-testid="user-reset-totp">
                {t("admin.users.resetTotp")}
              </Button>
            </Popconfirm>
          ) : null;
        // The API refuses accounts outside the caller's duties: offer nothing for them.
        if (!managesRole(myRole, user.role)) {
          return (
            <Space size={0} wrap>
              <span className="admin-muted" data-testid="user-not-yours">
                {t("admin.users.notYours", {
                  role: t(`role.${myRole === "admin" ? "security" : "admin"}`),
                })}
              </span>
              {resetTotp}
            </Space>
          );
        }
        return (
          <Space size={0} wrap>
            <Button type="link" size="small" data-testid="user-edit" onClick={() => onEdit(user)}>
              {t("admin.common.edit")}
            </Button>
            <Popconfirm
              title={t("admin.users.resetConfirm", { username: user.username })}
              onConfirm={() => onResetPassword(user)}
              okButtonProps={{ "data-testid": "confirm-ok" }}
            >
              <Button type="link" size="small" data-testid="user-reset-password">
                {t("admin.users.resetPassword")}
              </Button>
            </Popconfirm>
            {isLocked(user) ? (
              <Button
                type="link"
                size="small"
                data-testid="user-unlock"
                onClick={() => onUnlock(user)}
              >
                {t("admin.users.unlock")}
              </Button>
            ) : null}
            {resetTotp}
            <Tooltip title={self ? t("admin.users.roleFixedSelf") : undefined}>
              <Popconfirm
                title={t(
                  user.disabled ? "admin.users.enableConfirm" : "admin.users.disableConfirm",
                  {
                    username: user.username,
                  },
                )}
                onConfirm={() => onToggleDisabled(user)}
                disabled={self}
                okButtonProps={{ "data-testid": "confirm-ok" }}
              >
                <Button
                  type="link"
                  size="small"
                  danger={!user.disabled}
                  disabled={self}
                  data-testid="user-toggle-disabled"
                >
                  {t(user.disabled ? "admin.users.enable" : "admin.users.disable")}
                </Button>
              </Popconfirm>
            </Tooltip>
          </Space>
        );
      },
    },
  ];
  return (
    <Table<UserView>
      data-testid="users-table"
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={users}
      rowClassName={(user) => (user.disabled ? "admin-row-disabled" : "")}
      pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
      scroll={{ x: "max-content" }}
    />
  );
}
