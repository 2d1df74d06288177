import { Empty } from "antd";
import { useTranslation } from "react-i18next";
import { PageTitle } from "@/components/ui/page-title";

/** Placeholder until the screen is built. */
export default function SupervisionRoute() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t("nav.supervision")} />
      <Empty />
    </>
  );
}
