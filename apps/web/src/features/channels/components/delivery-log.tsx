import { Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { QueryState } from "@/components/ui/query-state";
import { useLanguage } from "@/hooks/use-language";
import { formatBeijingTime } from "@/utils/format";
import { useDeliveries, useRuns } from "../api/channels";
import "@/features/channels/locales";

const STATUS_COLOUR = {
  pending: "default",
  sending: "processing",
  sent: "success",
  failed: "error",
};

/** Every message sent or still to send, with its attempts and what the receiver answered. */
export function DeliveryLogTable() {
  const { t } = useTranslation();
  const language = useLanguage();
  const log = useDeliveries();
  return (
    <QueryState query={log}>
      {(data) => (
        <Table
          rowKey="id"
          size="small"
          dataSource={data.deliveries}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          data-testid="delivery-log"
          scroll={{ x: 1000 }}
          columns={[
            {
              title: t("channels.log.time"),
              dataIndex: "createdAt",
              width: 170,
              render: (v: string) => formatBeijingTime(v, language, "stamp"),
            },
            { title: t("channels.log.channel"), dataIndex: "channelName" },
            {
              title: t("channels.log.recipient"),
              dataIndex: "recipient",
              render: (r: string) => r || t("channels.log.group"),
            },
            { title: t("channels.log.title"), dataIndex: "title" },
            {
              title: t("channels.log.status"),
              dataIndex: "status",
              width: 90,
              render: (s: keyof typeof STATUS_COLOUR) => (
                <Tag color={STATUS_COLOUR[s]}>{t(`channels.log.statuses.${s}`)}</Tag>
              ),
            },
            { title: t("channels.log.attempts"), dataIndex: "attempts", width: 80, align: "right" },
            {
              title: t("channels.log.error"),
              dataIndex: "lastError",
              render: (e: string | null, row) =>
                e ? (
                  <Typography.Text
                    type="danger"
                    ellipsis={{ tooltip: e }}
                    style={{ maxWidth: 260 }}
                  >
                    {e}
                  </Typography.Text>
                ) : row.status === "sent" ? (
                  formatBeijingTime(row.sentAt, language, "stamp")
                ) : (
                  "—"
                ),
            },
            {
              title: t("channels.log.next"),
              dataIndex: "nextAttemptAt",
              width: 170,
              render: (v: string, row) =>
                row.status === "pending" ? formatBeijingTime(v, language, "stamp") : "—",
            },
          ]}
        />
      )}
    </QueryState>
  );
}

/** The scheduled jobs' runs: one per job and day, whichever process ran it. */
export function RunsTable() {
  const { t } = useTranslation();
  const language = useLanguage();
  const runs = useRuns();
  return (
    <QueryState query={runs}>
      {(data) => (
        <Table
          rowKey={(r) => `${r.job}:${r.slot}`}
          size="small"
          dataSource={data.runs}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          data-testid="scheduled-runs"
          columns={[
            {
              title: t("channels.runs.job"),
              dataIndex: "job",
              render: (j: string) => t(`channels.runs.jobs.${j}`, { defaultValue: j }),
            },
            { title: t("channels.runs.slot"), dataIndex: "slot" },
            {
              title: t("channels.runs.started"),
              dataIndex: "startedAt",
              render: (v: string) => formatBeijingTime(v, language, "stamp"),
            },
            {
              title: t("channels.runs.finished"),
              dataIndex: "finishedAt",
              render: (v: string | null) => formatBeijingTime(v, language, "stamp"),
            },
            { title: t("channels.runs.outcome"), dataIndex: "outcome" },
            { title: t("channels.runs.runBy"), dataIndex: "runBy" },
          ]}
        />
      )}
    </QueryState>
  );
}
