import { LogoutOutlined } from "@ant-design/icons";
import { Button } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { paths } from "@/config/paths";
import { useLogout } from "@/lib/auth";

/**
 * Signs out on the server, then leaves for the sign-in page, which forgets the session and every
 * cached answer (signed out locally even if the server had already ended the session).
 */
export function useSignOut() {
  const logout = useLogout();
  const navigate = useNavigate();
  // Awaited rather than mutate's callbacks, which never run if the menu unmounts first.
  const signOut = () =>
    logout
      .mutateAsync({})
      .catch(() => undefined)
      .finally(() => navigate(paths.login, { replace: true, state: { reason: "signedOut" } }));
  return { signOut, isPending: logout.isPending };
}

/** For the set-up screens: a way out for someone who cannot finish now. */
export function SignOutButton() {
  const { t } = useTranslation();
  const { signOut, isPending } = useSignOut();
  return (
    <Button
      type="link"
      icon={<LogoutOutlined />}
      loading={isPending}
      data-testid="sign-out"
      onClick={signOut}
    >
      {t("account.signOutInstead")}
    </Button>
  );
}
