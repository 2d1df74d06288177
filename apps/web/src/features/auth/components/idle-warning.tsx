import { lazy, Suspense, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router";
import { paths } from "@/config/paths";
import { type LoginReason, useLogout, useStaySignedIn } from "@/lib/auth";
import { onClockChange, sessionClock } from "@/lib/session-clock";
import { withNext } from "./require-session";

// The dialog (antd Modal) shows after minutes of idleness at the earliest: its code is not part
// of the first download, and is fetched a little after it, before it can be needed.
const loadDialog = () => import("./idle-dialog");
const IdleDialog = lazy(loadDialog);
const DIALOG_PRELOAD_MS = 5000;

/** Key presses and clicks count as being there, though they reach no server. */
const INTERACTIONS = ["keydown", "pointerdown"] as const;

/**
 * Before the idle timeout ends the session, a dialog says so and counts down: 继续使用 keeps the
 * session (one cheap request), otherwise the session is ended and the sign-in page says why.
 * Someone typing in a form for half an hour without saving is not idle: when the user pressed a
 * key or clicked within the warning's lead, the session is kept without asking.
 */
export function IdleWarning() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const stay = useStaySignedIn();
  const logout = useLogout();
  const [now, setNow] = useState(() => Date.now());
  const lastInteraction = useRef(0);
  const ending = useRef(false);

  useEffect(() => {
    const preload = window.setTimeout(() => loadDialog().catch(() => {}), DIALOG_PRELOAD_MS);
    return () => window.clearTimeout(preload);
  }, []);

  useEffect(() => {
    const seen = () => {
      lastInteraction.current = Date.now();
    };
    for (const name of INTERACTIONS) window.addEventListener(name, seen, { capture: true });
    const tick = window.setInterval(() => setNow(Date.now()), 1000);
    const stop = onClockChange(() => setNow(Date.now()));
    return () => {
      for (const name of INTERACTIONS) window.removeEventListener(name, seen, { capture: true });
      window.clearInterval(tick);
      stop();
    };
  }, []);

  const clock = sessionClock();
  const left = clock ? clock.expiresAt - now : Number.POSITIVE_INFINITY;
  const warning = clock !== null && left <= clock.warningMs;
  const busyHere = clock !== null && now - lastInteraction.current < clock.warningMs;

  useEffect(() => {
    if (!warning || stay.isPending || ending.current) return;
    if (left <= 0) {
      // Time is up: end the session (also for the other tabs) and say why on the sign-in page.
      ending.current = true;
      const here = `${location.pathname}${location.search}`;
      const leave = () =>
        navigate(withNext(paths.login, here), {
          replace: true,
          state: { reason: "idle" } satisfies { reason: LoginReason },
        });
      logout.mutate({ idle: true }, { onSettled: leave });
    } else if (busyHere) {
      stay.mutate();
    }
  }, [warning, left, busyHere, stay, logout, navigate, location]);

  if (!clock || !warning || busyHere || left <= 0) return null;
  const duration = (ms: number) => {
    const seconds = Math.max(0, Math.round(ms / 1000));
    return seconds >= 60
      ? t("idle.minutes", { count: Math.floor(seconds / 60) })
      : t("idle.seconds", { count: seconds });
  };
  const secondsLeft = Math.ceil(left / 1000);
  const countdown = `${Math.floor(secondsLeft / 60)}:${String(secondsLeft % 60).padStart(2, "0")}`;
  return (
    <Suspense fallback={null}>
      <IdleDialog
        text={t("idle.content", { idle: duration(clock.idleMs - left), left: countdown })}
        staying={stay.isPending}
        onStay={() => stay.mutate()}
        onSignOut={() => {
          ending.current = true;
          logout
            .mutateAsync({})
            .catch(() => undefined)
            .finally(() =>
              navigate(paths.login, { replace: true, state: { reason: "signedOut" } }),
            );
        }}
      />
    </Suspense>
  );
}
