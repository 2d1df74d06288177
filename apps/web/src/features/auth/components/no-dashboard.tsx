import { useTranslation } from "react-i18next";
import { StatusResult } from "@/components/ui/status-result";
import { useUser } from "@/lib/auth";

/** Administrators and auditors sign in for other work: say so, rather than show errors. */
export function NoDashboard() {
  const { t } = useTranslation();
  const user = useUser();
  return (
    <StatusResult
      status="info"
      data-testid="no-dashboard"
      title={t("noDashboard.title")}
      subTitle={t("noDashboard.description", { role: t(`role.${user.role}`) })}
    />
  );
}
