import { Alert } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation, useNavigate, useSearchParams } from "react-router";
import { AuthLayout } from "@/components/layouts/auth-layout";
import { LoginForm } from "@/features/auth/components/login-form";
import { FullPageSpin } from "@/features/auth/components/require-session";
import { endSessionLocally, safeNext, useSession } from "@/lib/auth";

/** Why the user is here, when they did not come of their own accord. */
type Reason = "expired" | "signedOut";

export default function LoginRoute() {
  const { t } = useTranslation();
  const session = useSession();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNext(search.get("next"));
  const reason = (useLocation().state as { reason?: Reason } | null)?.reason;
  // Sent here by a sign-out or an ended session: the signed-in screens are gone, so forget it.
  useEffect(() => {
    if (reason) endSessionLocally();
  }, [reason]);
  if (session.isPending) return <FullPageSpin />;
  // Signed in already: on to where the user was going. (Sent here because the session ended,
  // the cached one is stale and about to be forgotten.)
  if (session.data && !reason) return <Navigate to={next} replace />;
  return (
    <AuthLayout title={t("auth.title")}>
      {reason ? (
        <Alert
          className="auth-alert"
          type={reason === "expired" ? "warning" : "success"}
          showIcon
          data-testid="login-notice"
          title={t(reason === "expired" ? "auth.sessionEnded" : "auth.signedOut")}
        />
      ) : null}
      <LoginForm onSuccess={() => navigate(next, { replace: true })} />
    </AuthLayout>
  );
}
