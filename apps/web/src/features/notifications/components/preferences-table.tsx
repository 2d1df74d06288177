import { Alert, Switch, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { QueryState } from "@/components/ui/query-state";
import { errorText } from "@/lib/error-text";
import { usePreferences, useSavePreference } from "../api/notifications";
import "@/features/notifications/locales";
import { useMessage } from "@/lib/feedback";

/** Kinds down, channels across: each switch saved as it is flipped. */
export function PreferencesTable() {
  const { t } = useTranslation();
  const message = useMessage();
  const preferences = usePreferences();
  const save = useSavePreference();
  const flip = (kind: string, channel: "inbox" | "email", enabled: boolean) =>
    save.mutate(
      { kind: kind as never, channel, enabled },
      {
        onSuccess: () => message.success(t("notifications.saved")),
        onError: (error) =>
          message.error(t("notifications.failed", { message: errorText(error, t, "save") })),
      },
    );
  return (
    <QueryState query={preferences}>
      {(data) => (
        <>
          <Typography.Paragraph type="secondary">
            {t("notifications.settingsHelp")}
          </Typography.Paragraph>
          {data.emailOnAccount ? null : (
            <Alert
              type="info"
              showIcon
              title={t("notifications.noEmail")}
              style={{ marginBottom: 16 }}
            />
          )}
          <Table
            rowKey="kind"
            size="middle"
            pagination={false}
            dataSource={data.preferences}
            data-testid="preferences"
            columns={[
              {
                title: t("notifications.kind"),
                dataIndex: "kind",
                render: (kind: string) => t(`notifications.kinds.${kind}`),
              },
              ...(["inbox", "email"] as const).map((channel) => ({
                title: t(`notifications.${channel}`),
                key: channel,
                width: 120,
                align: "center" as const,
                render: (_: unknown, row: (typeof data.preferences)[number]) => (
                  <Switch
                    checked={row[channel]}
                    onChange={(on) => flip(row.kind, channel, on)}
                    aria-label={`${t(`notifications.kinds.${row.kind}`)} · ${t(`notifications.${channel}`)}`}
                    data-testid={`pref-${row.kind}-${channel}`}
                  />
                ),
              })),
            ]}
          />
        </>
      )}
    </QueryState>
  );
}
