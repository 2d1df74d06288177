import { Card } from "antd";
import { useTranslation } from "react-i18next";
import { PageTitle } from "@/components/ui/page-title";
import { PreferencesTable } from "@/features/notifications/components/preferences-table";
import "@/features/notifications/locales";

/** One's own notification settings: which kinds reach one by which channel. */
export default function NotificationSettingsRoute() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t("notifications.settings")} />
      <Card>
        <PreferencesTable />
      </Card>
    </>
  );
}
