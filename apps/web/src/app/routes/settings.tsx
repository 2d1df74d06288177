import { provinceOf } from "@jindu/domain";
import { useTranslation } from "react-i18next";
import { PageTitle } from "@/components/ui/page-title";
import { FourEyesCard } from "@/features/settings/components/four-eyes-card";
import { ReportingCard } from "@/features/settings/components/reporting-card";
import { LadderCard } from "@/features/supervision/components/ladder-card";
import { useUser } from "@/lib/auth";
import "@/features/settings/locales";

/**
 * A province's own rules: reporting and the supervision ladder (its officials), four eyes (the
 * security officer).
 */
export default function SettingsRoute() {
  const { t } = useTranslation();
  const user = useUser();
  return (
    <>
      <PageTitle title={t("settings.title")} />
      <div style={{ display: "grid", gap: 16 }}>
        {user.role === "province" ? <ReportingCard user={user} /> : null}
        {user.role === "province" && user.regionCode ? (
          <LadderCard code={provinceOf(user.regionCode)} />
        ) : null}
        {user.role === "security" ? <FourEyesCard /> : null}
      </div>
    </>
  );
}
