import { PlusOutlined } from "@ant-design/icons";
import { Button, Card, Tabs, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PageTitle } from "@/components/ui/page-title";
import { QueryState } from "@/components/ui/query-state";
import { type ChannelView, useChannels } from "@/features/channels/api/channels";
import { ChannelForm } from "@/features/channels/components/channel-form";
import { ChannelsTable } from "@/features/channels/components/channels-table";
import { DeliveryLogTable, RunsTable } from "@/features/channels/components/delivery-log";
import "@/features/channels/locales";

/** The administrator's channels beyond the inbox, what they sent, and the scheduled jobs. */
export default function ChannelsRoute() {
  const { t } = useTranslation();
  const channels = useChannels();
  // undefined: no form; null: adding; a channel: editing it.
  const [editing, setEditing] = useState<ChannelView | null | undefined>(undefined);
  return (
    <>
      <PageTitle title={t("nav.admin-channels")} />
      <Card>
        <Typography.Paragraph type="secondary">{t("channels.intro")}</Typography.Paragraph>
        <Tabs
          items={[
            {
              key: "channels",
              label: t("channels.tabChannels"),
              children: (
                <>
                  <Button
                    type="primary"
                    icon={<PlusOutlined />}
                    onClick={() => setEditing(null)}
                    style={{ marginBottom: 16 }}
                    data-testid="add-channel"
                  >
                    {t("channels.add")}
                  </Button>
                  <QueryState query={channels}>
                    {(data) => <ChannelsTable channels={data.channels} onEdit={setEditing} />}
                  </QueryState>
                </>
              ),
            },
            { key: "log", label: t("channels.tabLog"), children: <DeliveryLogTable /> },
            { key: "runs", label: t("channels.tabRuns"), children: <RunsTable /> },
          ]}
        />
      </Card>
      {editing !== undefined ? (
        <ChannelForm channel={editing} onClose={() => setEditing(undefined)} />
      ) : null}
    </>
  );
}
