import { Empty } from "antd";
import { useTranslation } from "react-i18next";
import { PageTitle } from "@/components/ui/page-title";

/** Placeholder until the screen is built. */
export default function ApprovalsRoute() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t("nav.approvals")} />
      <Empty />
    </>
  );
}
