import "@/features/admin/admin.css";
import { PlusOutlined, UploadOutlined } from "@ant-design/icons";
import { rolesManagedBy } from "@jindu/domain";
import { Button, Card, Input, Space, Typography } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { PageTitle } from "@/components/ui/page-title";
import { QueryState } from "@/components/ui/query-state";
import {
  type UserCreateInput,
  type UserView,
  useCreateUser,
  useResetPassword,
  useResetSecondFactor,
  useUnlockUser,
  useUpdateUser,
  useUsers,
} from "@/features/admin/api/users";
import { BulkAccountsModal } from "@/features/admin/components/bulk-accounts-modal";
import { PasswordNotice } from "@/features/admin/components/password-notice";
import { regionIndex, type ScopeRegion } from "@/features/admin/components/scope-select";
import { UserForm } from "@/features/admin/components/user-form";
import { UsersTable } from "@/features/admin/components/users-table";
import { temporaryPassword } from "@/features/admin/utils/temporary-password";
import { useRegions } from "@/features/catalogue/api/get-regions";
import { ApiError } from "@/lib/api-client";
import { useUser } from "@/lib/auth";
import { errorText } from "@/lib/error-text";
import "@/features/admin/locales";
import { useMessage } from "@/lib/feedback";

/**
 * The accounts screen of the administrator (business accounts) and of the security officer
 * (privileged accounts, authenticator resets): create, edit, reset passwords, disable and unlock.
 */
export default function AdminUsersRoute() {
  const { t } = useTranslation();
  const message = useMessage();
  const me = useUser();
  const users = useUsers();
  const regionTree = (useRegions().data?.regions ?? []) as ScopeRegion[];
  const regions = useMemo(() => regionIndex(regionTree), [regionTree]);
  const create = useCreateUser();
  const update = useUpdateUser();
  const reset = useResetPassword();
  const unlock = useUnlockUser();
  const resetTotp = useResetSecondFactor();
  const roles = useMemo(() => rolesManagedBy(me.role), [me.role]);
  const [search, setSearch] = useState("");
  const [editing, setEditing] = useState<UserView | "new" | null>(null);
  const [notice, setNotice] = useState<{ username: string; password: string } | null>(null);
  const [bulk, setBulk] = useState(false);

  const failed = (error: Error) =>
    message.error(
      error instanceof ApiError && error.status === 409 && editing === "new"
        ? t("admin.users.taken")
        : t("admin.common.failed", { message: errorText(error, t, "save") }),
    );

  const save = (values: UserCreateInput) => {
    if (editing === "new") {
      create.mutate(values, {
        onSuccess: (user) => {
          setEditing(null);
          message.success(t("admin.users.created", { username: user.username }));
          setNotice({ username: user.username, password: values.password });
        },
        onError: failed,
      });
    } else if (editing) {
      const { displayName, role, regionCode, phone, email } = values;
      update.mutate(
        {
          id: editing.id,
          displayName,
          regionCode,
          phone: phone ?? null,
          email: email ?? null,
          ...(editing.id === me.id ? {} : { role }),
        },
        {
          onSuccess: () => {
            setEditing(null);
            message.success(t("admin.common.saved"));
          },
          onError: failed,
        },
      );
    }
  };

  const resetPassword = (user: UserView) => {
    const password = temporaryPassword();
    reset.mutate(
      { id: user.id, password },
      {
        onSuccess: () => setNotice({ username: user.username, password }),
        onError: failed,
      },
    );
  };

  const query = search.trim().toLowerCase();
  return (
    <>
      <PageTitle
        title={t("admin.users.title")}
        extra={
          <Space wrap>
            <Button icon={<UploadOutlined />} data-testid="bulk-open" onClick={() => setBulk(true)}>
              {t("admin.bulk.open")}
            </Button>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              data-testid="user-create"
              onClick={() => setEditing("new")}
            >
              {t("admin.users.create")}
            </Button>
          </Space>
        }
      />
      <Typography.Paragraph type="secondary">{t("admin.users.description")}</Typography.Paragraph>
      <Typography.Paragraph type="secondary" data-testid="users-duties">
        {t(me.role === "security" ? "admin.users.dutiesSecurity" : "admin.users.dutiesAdmin")}
      </Typography.Paragraph>
      <Card size="small">
        <Input.Search
          allowClear
          className="admin-search"
          placeholder={t("admin.users.search")}
          aria-label={t("admin.users.search")}
          onChange={(event) => setSearch(event.target.value)}
        />
        <QueryState query={users}>
          {(data) => (
            <UsersTable
              users={data.users.filter(
                (u) =>
                  !query ||
                  u.username.toLowerCase().includes(query) ||
                  u.displayName.toLowerCase().includes(query),
              )}
              regions={regions}
              selfId={me.id}
              myRole={me.role}
              onEdit={setEditing}
              onResetSecondFactor={(user) =>
                resetTotp.mutate(user.id, {
                  onSuccess: () =>
                    message.success(t("admin.users.totpReset", { username: user.username })),
                  onError: failed,
                })
              }
              onResetPassword={resetPassword}
              onUnlock={(user) =>
                unlock.mutate(user.id, {
                  onSuccess: () => message.success(t("admin.users.unlocked")),
                  onError: failed,
                })
              }
              onToggleDisabled={(user) =>
                update.mutate(
                  { id: user.id, disabled: !user.disabled },
                  { onSuccess: () => message.success(t("admin.common.saved")), onError: failed },
                )
              }
            />
          )}
        </QueryState>
      </Card>
      <UserForm
        open={editing !== null}
        roles={roles}
        user={editing === "new" ? null : editing}
        isSelf={editing !== "new" && editing?.id === me.id}
        regions={regionTree}
        saving={create.isPending || update.isPending}
        onCancel={() => setEditing(null)}
        onSubmit={save}
      />
      <PasswordNotice shown={notice} onClose={() => setNotice(null)} />
      <BulkAccountsModal open={bulk} onClose={() => setBulk(false)} />
    </>
  );
}
