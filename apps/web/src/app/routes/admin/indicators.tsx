import { Empty } from "antd";
import { useTranslation } from "react-i18next";
import { PageTitle } from "@/components/ui/page-title";

/** Placeholder until the screen is built. */
export default function AdminIndicatorsRoute() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t("nav.admin-indicators")} />
      <Empty />
    </>
  );
}
