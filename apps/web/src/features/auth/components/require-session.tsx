import { Button, Spin } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation } from "react-router";
import { StatusResult } from "@/components/ui/status-result";
import { paths } from "@/config/paths";
import { lastEndReason, useSession } from "@/lib/auth";
import { errorText } from "@/lib/error-text";

export const withNext = (path: string, next: string) =>
  next === "/" ? path : `${path}?next=${encodeURIComponent(next)}`;

export function FullPageSpin() {
  const { t } = useTranslation();
  return (
    <div className="full-page-spin" role="status" aria-label={t("common.loading")}>
      <Spin size="large" />
    </div>
  );
}

/**
 * Screens for signed-in users only. Without a session the sign-in page opens and comes back
 * here afterwards; an account still being set up (new password, authenticator) goes there first.
 */
export function RequireSession({
  children,
  setup = false,
}: {
  children: ReactNode;
  setup?: boolean;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const here = `${location.pathname}${location.search}`;
  if (session.isPending) return <FullPageSpin />;
  if (session.isError) {
    return (
      <StatusResult
        status="warning"
        title={t("common.error")}
        subTitle={errorText(session.error, t, "session")}
        extra={
          <Button type="primary" data-testid="session-retry" onClick={() => session.refetch()}>
            {t("common.retry")}
          </Button>
        }
      />
    );
  }
  const user = session.data?.user;
  if (!user) {
    // A session that ended (the API said why): the sign-in page says so too.
    const reason = lastEndReason();
    return <Navigate to={withNext(paths.login, here)} replace state={reason ? { reason } : null} />;
  }
  if (!setup && user.mustChangePassword) {
    return <Navigate to={withNext(paths.password, here)} replace />;
  }
  if (!setup && user.mustSetUpSecondFactor) {
    return <Navigate to={withNext(paths.authenticator, here)} replace />;
  }
  return <>{children}</>;
}
