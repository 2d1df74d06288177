import type { BulletinIndicator } from "@jindu/api/schemas";
import { Table, type TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";
import { StatusTag } from "@/components/ui/status-tag";
import { statusKey } from "@/config/status";
import { useLanguage } from "@/hooks/use-language";
import { formatPercent, formatQuantity, nameOf } from "@/utils/format";
import { formatLag } from "../format";
import "@/features/bulletin/locales";

/** Every indicator of the region: its figure and completion against the schedule. */
export function IndicatorTable({ indicators }: { indicators: BulletinIndicator[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const dash = "—";
  const columns: TableColumnsType<BulletinIndicator> = [
    {
      key: "order",
      title: t("bulletin.columns.order"),
      width: 52,
      render: (_, __, index) => index + 1,
    },
    {
      key: "indicator",
      title: t("bulletin.columns.indicator"),
      className: "bulletin-indicator-name",
      render: (_, x) => nameOf(x.indicator, language),
    },
    {
      key: "target",
      title: t("bulletin.columns.target"),
      align: "right",
      className: "bulletin-num",
      render: (_, x) => formatQuantity(x.line.target, x.indicator, language),
    },
    {
      key: "actual",
      title: t("bulletin.columns.actual"),
      align: "right",
      className: "bulletin-num",
      render: (_, x) => formatQuantity(x.line.actual, x.indicator, language),
    },
    {
      key: "completion",
      title: t("bulletin.columns.completion"),
      align: "right",
      className: "bulletin-num",
      render: (_, x) => <strong>{formatPercent(x.line.completion)}</strong>,
    },
    {
      key: "schedule",
      title: t("bulletin.columns.schedule"),
      align: "right",
      className: "bulletin-num",
      render: (_, x) => formatPercent(x.line.schedule),
    },
    {
      key: "lag",
      title: t("bulletin.columns.lagPoints"),
      align: "right",
      className: "bulletin-num",
      render: (_, x) => formatLag(x.line.lag),
    },
    {
      key: "status",
      title: t("bulletin.columns.status"),
      render: (_, x) => <StatusTag status={statusKey(x.line.status)} />,
    },
    {
      key: "best",
      title: t("bulletin.columns.best"),
      className: "bulletin-region-name",
      render: (_, x) => (x.best ? nameOf(x.best, language) : dash),
    },
    {
      key: "worst",
      title: t("bulletin.columns.worst"),
      className: "bulletin-region-name",
      render: (_, x) => (x.worst ? nameOf(x.worst, language) : dash),
    },
  ];
  return (
    <Table<BulletinIndicator>
      data-testid="bulletin-indicators"
      className="bulletin-table"
      size="small"
      bordered
      rowKey={(x) => x.indicator.code}
      columns={columns}
      dataSource={indicators}
      pagination={false}
      // `children` holds the sub-regions' status counts here, not nested rows.
      expandable={{ childrenColumnName: "nestedRows" }}
    />
  );
}
