import { LockOutlined, SafetyOutlined, UserOutlined } from "@ant-design/icons";
import { Alert, Button, Form, Input } from "antd";
import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "@/lib/api-client";
import { type LoginInput, type Session, useLogin } from "@/lib/auth";
import { errorText } from "@/lib/error-text";

interface LoginFormProps {
  /** Called as the credentials are sent, before the session arrives. */
  onSubmit?: () => void;
  onSuccess: (session: Session) => void;
}

/** What went wrong, in the user's words; the API's own message only for the unexpected. */
function problemKey(
  error: unknown,
  sentTotp: boolean,
  t: TFunction,
): { key: string; message?: string } {
  if (!(error instanceof ApiError)) return { key: "auth.failed", message: errorText(error, t) };
  if (error.status === 401 && error.rule === "totp_required") {
    return sentTotp ? { key: "auth.wrongTotp" } : { key: "auth.totpHint" };
  }
  if (error.status === 401 && error.rule === "totp_reused") return { key: "auth.totpReused" };
  // The API answers a wrong password, an unknown user and a locked account alike (401).
  if (error.status === 401 || error.status === 400) return { key: "auth.wrongCredentials" };
  if (error.status === 429) return { key: "auth.rateLimited" };
  return { key: "auth.failed", message: errorText(error, t) };
}

/**
 * Username and password; the authenticator code field appears once the API says the account
 * has a second factor.
 */
export function LoginForm({ onSubmit, onSuccess }: LoginFormProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<LoginInput>();
  const [needsTotp, setNeedsTotp] = useState(false);
  const login = useLogin();
  const [sentTotp, setSentTotp] = useState(false);

  const submit = (values: LoginInput) => {
    const input: LoginInput = { username: values.username.trim(), password: values.password };
    if (needsTotp && values.totp) input.totp = values.totp;
    setSentTotp(input.totp !== undefined);
    onSubmit?.();
    login.mutate(input, {
      onSuccess,
      onError: (error) => {
        if (
          error instanceof ApiError &&
          (error.rule === "totp_required" || error.rule === "totp_reused")
        ) {
          setNeedsTotp(true);
          form.setFieldValue("totp", "");
          // The field appears on this render; focus it on the next one.
          setTimeout(() => form.getFieldInstance("totp")?.focus(), 0);
        }
      },
    });
  };

  const problem = login.isError ? problemKey(login.error, sentTotp, t) : null;
  const isHint = problem?.key === "auth.totpHint";

  return (
    <Form
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={submit}
      data-testid="login-form"
      disabled={login.isPending}
    >
      {problem ? (
        <Alert
          className="auth-alert"
          type={isHint ? "info" : "error"}
          showIcon
          role={isHint ? "status" : "alert"}
          data-testid={isHint ? "login-hint" : "login-error"}
          title={t(problem.key, { message: problem.message })}
        />
      ) : null}
      <Form.Item
        name="username"
        label={t("auth.username")}
        rules={[{ required: true, whitespace: true, message: t("auth.required") }]}
      >
        <Input
          prefix={<UserOutlined />}
          autoComplete="username"
          autoFocus
          data-testid="login-username"
          size="large"
        />
      </Form.Item>
      <Form.Item
        name="password"
        label={t("auth.password")}
        rules={[{ required: true, message: t("auth.required") }]}
      >
        <Input.Password
          prefix={<LockOutlined />}
          autoComplete="current-password"
          data-testid="login-password"
          size="large"
        />
      </Form.Item>
      {needsTotp ? (
        <Form.Item
          name="totp"
          label={t("auth.totp")}
          extra={t("auth.totpHint")}
          rules={[
            { required: true, message: t("auth.required") },
            { pattern: /^[0-9]{6}$/, message: t("auth.totpInvalid") },
          ]}
        >
          <Input
            prefix={<SafetyOutlined />}
            autoComplete="one-time-code"
            inputMode="numeric"
            maxLength={6}
            data-testid="login-totp"
            size="large"
          />
        </Form.Item>
      ) : null}
      <Button
        type="primary"
        htmlType="submit"
        block
        size="large"
        loading={login.isPending}
        data-testid="login-submit"
      >
        {t("auth.submit")}
      </Button>
    </Form>
  );
}
