import { Alert } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation, useNavigate, useSearchParams } from "react-router";
import { AuthLayout } from "@/components/layouts/auth-layout";
import { LoginForm } from "@/features/auth/components/login-form";
import { FullPageSpin } from "@/features/auth/components/require-session";
import { endSessionLocally, type LoginReason, safeNext, useSession } from "@/lib/auth";

/** What the sign-in page says for each reason it was opened. */
const NOTICE: Record<LoginReason, string> = {
  expired: "auth.sessionEnded",
  signedOut: "auth.signedOut",
  idle: "auth.ended.idle",
  replaced: "auth.ended.replaced",
  password_changed: "auth.ended.passwordChanged",
  account_changed: "auth.ended.accountChanged",
  signed_out: "auth.ended.signedOut",
};

export default function LoginRoute() {
  const { t } = useTranslation();
  const session = useSession();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNext(search.get("next"));
  const stated = (useLocation().state as { reason?: LoginReason } | null)?.reason;
  const reason = stated && stated in NOTICE ? stated : undefined;
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
          type={reason === "signedOut" ? "success" : "warning"}
          showIcon
          data-testid="login-notice"
          data-reason={reason}
          title={t(NOTICE[reason])}
        />
      ) : null}
      <LoginForm onSuccess={() => navigate(next, { replace: true })} />
    </AuthLayout>
  );
}
