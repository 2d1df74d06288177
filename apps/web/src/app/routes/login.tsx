import { NATIONAL_DEFAULT_REGION } from "@jindu/domain";
import { Alert } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation, useNavigate, useSearchParams } from "react-router";
import { AuthLayout } from "@/components/layouts/auth-layout";
import { paths } from "@/config/paths";
import { LoginForm } from "@/features/auth/components/login-form";
import { FullPageSpin } from "@/features/auth/components/require-session";
import { submissionQueueQueryOptions } from "@/features/entry/api/submissions";
import {
  endSessionLocally,
  type LoginReason,
  type SessionUser,
  safeNext,
  useSession,
} from "@/lib/auth";
import { queryClient } from "@/lib/query-client";

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

/**
 * Where a user signing in with no page in mind starts: where their work is. A bureau on the
 * month it is reporting, a province official on the months waiting for approval (if any), the
 * others on the overview (whose gate sends those without one to their own first screen).
 */
async function landingOf(user: SessionUser): Promise<string> {
  if (user.role === "reporter") return paths.entry;
  // An account still being set up goes there first; the queue would refuse it anyway.
  if (user.role !== "province" || user.mustChangePassword || user.mustSetUpSecondFactor) {
    return paths.overview;
  }
  const parent = user.regionCode ?? NATIONAL_DEFAULT_REGION;
  try {
    // The approvals screen reads the same answer from the cache.
    const queue = await queryClient.fetchQuery(
      submissionQueueQueryOptions({ parent, status: "submitted" }),
    );
    return queue.items.length > 0 ? paths.approvals : paths.overview;
  } catch {
    // The queue could not be read: the overview it is, and approvals will say what went wrong.
    return paths.overview;
  }
}

export default function LoginRoute() {
  const { t } = useTranslation();
  const session = useSession();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNext(search.get("next"));
  const stated = (useLocation().state as { reason?: LoginReason } | null)?.reason;
  const reason = stated && stated in NOTICE ? stated : undefined;
  // Signing in on this page: the form's success handler chooses where to go. Without this the
  // session arriving first re-rendered the page into the redirect below, to `next` ("/"), and a
  // bureau landed on the overview instead of its form.
  const [signingIn, setSigningIn] = useState(false);
  // Sent here by a sign-out or an ended session: the signed-in screens are gone, so forget it.
  useEffect(() => {
    if (reason) endSessionLocally();
  }, [reason]);
  if (session.isPending) return <FullPageSpin />;
  // Signed in already: on to where the user was going. (Sent here because the session ended,
  // the cached one is stale and about to be forgotten.)
  if (session.data && !reason && !signingIn) return <Navigate to={next} replace />;
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
      <LoginForm
        onSubmit={() => setSigningIn(true)}
        onSuccess={async (signedIn) => {
          const to = next === "/" ? await landingOf(signedIn.user) : next;
          navigate(to, { replace: true });
        }}
      />
    </AuthLayout>
  );
}
