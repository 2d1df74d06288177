import { useTranslation } from "react-i18next";
import { PageTitle } from "@/components/ui/page-title";
import { ImportWizard } from "@/features/import/components/import-wizard";
import { useDashboardParams } from "@/hooks/use-dashboard-params";
import { useSession } from "@/lib/auth";
import "@/features/import/locales";

/** 批量导入: a bureau's month from the Excel sheet it already keeps. */
export default function ImportRoute() {
  const { t } = useTranslation();
  const { params } = useDashboardParams();
  const userRegion = useSession().data?.user.regionCode ?? null;
  // A bureau imports its own region; the URL's year and month preselect the period.
  const parent = userRegion ?? params.region;
  return (
    <>
      <PageTitle title={t("import.title")} />
      <ImportWizard initial={{ parent, year: params.year, month: params.month }} />
    </>
  );
}
