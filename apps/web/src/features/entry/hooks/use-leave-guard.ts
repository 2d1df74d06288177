import { Modal } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useBlocker } from "react-router";
import { paths } from "@/config/paths";
import "@/features/entry/locales";

/**
 * Nothing typed is lost by a click elsewhere: while the form has unsaved figures, leaving it for
 * another screen or month asks first, and closing or reloading the tab gets the browser's warning.
 * (The figures are also kept in the browser, see unsaved-figures.ts, for what no warning stops.)
 * Returns the question's holder, to render within the form.
 */
export function useLeaveGuard(dirty: boolean) {
  const { t } = useTranslation();
  const [modal, holder] = Modal.useModal();
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty &&
      // To the sign-in page (the session ended): the figures wait in the browser meanwhile.
      nextLocation.pathname !== paths.login &&
      (currentLocation.pathname !== nextLocation.pathname ||
        currentLocation.search !== nextLocation.search),
  );

  useEffect(() => {
    if (blocker.state !== "blocked") return;
    modal.confirm({
      title: t("entry.leave.title"),
      content: t("entry.leave.content"),
      okText: t("entry.leave.ok"),
      cancelText: t("entry.leave.cancel"),
      onOk: () => blocker.proceed(),
      onCancel: () => blocker.reset(),
    });
  }, [blocker, modal, t]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  return holder;
}
