import { Alert, Button } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import { AuthLayout } from "@/components/layouts/auth-layout";
import { paths } from "@/config/paths";
import { ChangePasswordForm } from "@/features/auth/components/change-password-form";
import { withNext } from "@/features/auth/components/require-session";
import { SignOutButton } from "@/features/auth/components/sign-out-button";
import { safeNext, useUser } from "@/lib/auth";
import { useMessage } from "@/lib/feedback";

/** A new password: forced on first sign-in and after 90 days, or chosen from the user menu. */
export default function PasswordRoute() {
  const { t } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  const message = useMessage();
  const next = safeNext(useSearchParams()[0].get("next"));
  const forced = user.mustChangePassword;
  return (
    <AuthLayout title={t("account.passwordTitle")}>
      {forced ? (
        <Alert className="auth-alert" type="warning" showIcon title={t("account.passwordForced")} />
      ) : null}
      <ChangePasswordForm
        onSuccess={(session) => {
          message.success(t("account.passwordSaved"));
          navigate(
            session.user.mustSetUpSecondFactor ? withNext(paths.authenticator, next) : next,
            { replace: true },
          );
        }}
      />
      <div className="auth-secondary">
        {forced ? (
          <SignOutButton />
        ) : (
          <Button type="link" onClick={() => navigate(-1)}>
            {t("account.cancel")}
          </Button>
        )}
      </div>
    </AuthLayout>
  );
}
