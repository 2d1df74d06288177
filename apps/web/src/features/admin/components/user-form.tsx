import { ReloadOutlined } from "@ant-design/icons";
import {
  EMAIL_MAX,
  EMAIL_PATTERN,
  PHONE_MAX,
  PHONE_PATTERN,
  ROLE_REGION,
  USERNAME_MAX,
  USERNAME_MIN,
} from "@jindu/domain";
import { Button, Form, Input, Modal, Select, Space } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { Role } from "@/lib/auth";
import type { UserCreateInput, UserView } from "../api/users";
import { temporaryPassword } from "../utils/temporary-password";
import { type ScopeRegion, ScopeSelect } from "./scope-select";
import "@/features/admin/locales";

/** Which roles answer for a region: the rule the API checks (packages/domain accounts.ts). */
const SCOPED = ROLE_REGION;

const USERNAME = new RegExp(`^[A-Za-z0-9._@-]{${USERNAME_MIN},${USERNAME_MAX}}$`);

interface FormValues {
  username: string;
  displayName: string;
  role: Role;
  regionCode: string | null;
  phone?: string | null;
  email?: string | null;
  password: string;
}

interface UserFormProps {
  open: boolean;
  /** The roles the signed-in account may give (separation of duties), as the API allows. */
  roles: Role[];
  /** The account being edited; none to create one. */
  user: UserView | null;
  /** The signed-in administrator cannot change their own role. */
  isSelf: boolean;
  regions: ScopeRegion[];
  saving: boolean;
  onCancel: () => void;
  onSubmit: (values: UserCreateInput) => void;
}

/** Creating or editing an account: name, role and region scope, and a first password. */
export function UserForm({
  open,
  roles,
  user,
  isSelf,
  regions,
  saving,
  onCancel,
  onSubmit,
}: UserFormProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const role = Form.useWatch("role", form) ?? user?.role ?? "reporter";
  const scoped = SCOPED[role];

  useEffect(() => {
    if (!open) return;
    form.setFieldsValue(
      user
        ? { ...user, password: "" }
        : {
            username: "",
            displayName: "",
            role: roles.includes("reporter") ? "reporter" : (roles[0] ?? "reporter"),
            regionCode: null,
            phone: null,
            email: null,
            password: temporaryPassword(),
          },
    );
  }, [open, user, form, roles]);

  const submit = (values: FormValues) =>
    onSubmit({
      ...values,
      username: values.username.trim(),
      displayName: values.displayName.trim(),
      phone: values.phone?.trim() || null,
      email: values.email?.trim() || null,
      regionCode: SCOPED[values.role] === "none" ? null : (values.regionCode ?? null),
    });

  return (
    <Modal
      open={open}
      title={
        user
          ? t("admin.users.editTitle", { username: user.username })
          : t("admin.users.createTitle")
      }
      okText={t("admin.common.save")}
      cancelText={t("admin.common.cancel")}
      onCancel={onCancel}
      onOk={() => form.submit()}
      okButtonProps={{ loading: saving, "data-testid": "user-save" }}
      forceRender
      data-testid="user-form"
    >
      <Form<FormValues> form={form} layout="vertical" onFinish={submit} requiredMark="optional">
        <Form.Item
          name="username"
          label={t("admin.users.username")}
          extra={user ? undefined : t("admin.users.usernameRule")}
          rules={[
            { required: true, message: t("admin.users.required") },
            { pattern: USERNAME, message: t("admin.users.usernameRule") },
          ]}
        >
          <Input data-testid="user-username" disabled={user !== null} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t("admin.users.displayName")}
          rules={[{ required: true, whitespace: true, message: t("admin.users.required") }]}
        >
          <Input data-testid="user-display-name" maxLength={64} />
        </Form.Item>
        <Form.Item
          name="role"
          label={t("admin.users.role")}
          extra={isSelf ? t("admin.users.roleFixedSelf") : undefined}
        >
          <Select
            data-testid="user-role"
            disabled={isSelf}
            options={(isSelf && user ? [user.role] : roles).map((r) => ({
              value: r,
              label: t(`role.${r}`),
            }))}
          />
        </Form.Item>
        {scoped === "none" ? null : (
          <Form.Item
            name="regionCode"
            label={t("admin.users.region")}
            extra={t(
              scoped === "required"
                ? "admin.users.regionHint.reporter"
                : "admin.users.regionHint.scoped",
            )}
            rules={
              scoped === "required"
                ? [{ required: true, message: t("admin.users.regionRequired") }]
                : []
            }
          >
            <ScopeSelect
              regions={regions}
              clearable={scoped === "optional"}
              placeholder={scoped === "optional" ? t("admin.users.nationwide") : undefined}
            />
          </Form.Item>
        )}
        <Form.Item
          name="phone"
          label={t("admin.users.phone")}
          rules={[{ pattern: new RegExp(PHONE_PATTERN), message: t("admin.users.phoneRule") }]}
        >
          <Input data-testid="user-phone" maxLength={PHONE_MAX} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="email"
          label={t("admin.users.email")}
          rules={[{ pattern: new RegExp(EMAIL_PATTERN), message: t("admin.users.emailRule") }]}
        >
          <Input data-testid="user-email" maxLength={EMAIL_MAX} autoComplete="off" />
        </Form.Item>
        {user ? null : (
          <Form.Item
            label={t("admin.users.initialPassword")}
            extra={t("admin.users.initialPasswordHint")}
          >
            <Space.Compact style={{ width: "100%" }}>
              <Form.Item
                name="password"
                noStyle
                rules={[{ required: true, message: t("admin.users.required") }]}
              >
                <Input data-testid="user-password" autoComplete="new-password" />
              </Form.Item>
              <Button
                icon={<ReloadOutlined />}
                onClick={() => form.setFieldValue("password", temporaryPassword())}
              >
                {t("admin.users.generate")}
              </Button>
            </Space.Compact>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
