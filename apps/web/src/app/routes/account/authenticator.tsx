import { Alert } from "antd";
import { useTranslation } from "react-i18next";
import { Navigate, useNavigate, useSearchParams } from "react-router";
import { AuthLayout } from "@/components/layouts/auth-layout";
import { paths } from "@/config/paths";
import { AuthenticatorSetup } from "@/features/auth/components/authenticator-setup";
import { withNext } from "@/features/auth/components/require-session";
import { SignOutButton } from "@/features/auth/components/sign-out-button";
import { safeNext, useUser } from "@/lib/auth";
import { useMessage } from "@/lib/feedback";

/** Enrolling an authenticator app, which administrators and officials must do before anything. */
export default function AuthenticatorRoute() {
  const { t } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  const message = useMessage();
  const next = safeNext(useSearchParams()[0].get("next"));
  // The password comes first: the API refuses nothing else during set-up, but one step at a time.
  if (user.mustChangePassword) return <Navigate to={withNext(paths.password, next)} replace />;
  return (
    <AuthLayout title={t("account.totpTitle")}>
      {user.mustSetUpSecondFactor ? (
        <Alert className="auth-alert" type="warning" showIcon title={t("account.totpForced")} />
      ) : null}
      <AuthenticatorSetup
        onSuccess={() => {
          message.success(t("account.totpDone"));
          navigate(next, { replace: true });
        }}
      />
      <div className="auth-secondary">
        <SignOutButton />
      </div>
    </AuthLayout>
  );
}
