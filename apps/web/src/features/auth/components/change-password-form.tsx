import { Alert, Button, Form, Input } from "antd";
import { useTranslation } from "react-i18next";
import { ApiError } from "@/lib/api-client";
import { type Session, useChangePassword } from "@/lib/auth";
import { errorText } from "@/lib/error-text";

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** A new password, checked against the policy by the API, whose message is shown as it is. */
export function ChangePasswordForm({ onSuccess }: { onSuccess: (session: Session) => void }) {
  const { t } = useTranslation();
  const change = useChangePassword();
  const error = change.error;
  return (
    <Form<Values>
      layout="vertical"
      requiredMark={false}
      disabled={change.isPending}
      data-testid="password-form"
      onFinish={({ currentPassword, newPassword }) =>
        change.mutate({ currentPassword, newPassword }, { onSuccess })
      }
    >
      {error ? (
        <Alert
          className="auth-alert"
          type="error"
          showIcon
          role="alert"
          data-testid="password-error"
          title={
            error instanceof ApiError && error.status === 400
              ? t(
                  error.field === "currentPassword"
                    ? "account.wrongCurrent"
                    : "account.policyFailed",
                )
              : errorText(error, t, "save")
          }
          description={
            error instanceof ApiError && error.status === 400 && error.field !== "currentPassword"
              ? errorText(error, t)
              : undefined
          }
        />
      ) : null}
      <Form.Item
        name="currentPassword"
        label={t("account.currentPassword")}
        rules={[{ required: true, message: t("auth.required") }]}
      >
        <Input.Password autoComplete="current-password" data-testid="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t("account.newPassword")}
        extra={t("account.passwordRules")}
        rules={[{ required: true, message: t("auth.required") }]}
      >
        <Input.Password autoComplete="new-password" data-testid="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t("account.confirmPassword")}
        dependencies={["newPassword"]}
        rules={[
          { required: true, message: t("auth.required") },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || getFieldValue("newPassword") === value
                ? Promise.resolve()
                : Promise.reject(new Error(t("account.mismatch"))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="confirm-password" />
      </Form.Item>
      <Button
        type="primary"
        htmlType="submit"
        block
        loading={change.isPending}
        data-testid="password-submit"
      >
        {t("account.savePassword")}
      </Button>
    </Form>
  );
}
