import type { LaggingItem } from "@jindu/api/schemas";
import { Table, type TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";
import { StatusTag } from "@/components/ui/status-tag";
import { statusKey } from "@/config/status";
import { useLanguage } from "@/hooks/use-language";
import { formatPercent, formatQuantity, nameOf } from "@/utils/format";
import { formatLag } from "../format";
import "@/features/bulletin/locales";

const keyOf = (item: LaggingItem) => `${item.indicator.code}:${item.line.region.code}`;

/** Every child line behind schedule, worst lag first, all of it (the bulletin is printed). */
export function LaggingList({ items }: { items: LaggingItem[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const columns: TableColumnsType<LaggingItem> = [
    {
      key: "order",
      title: t("bulletin.columns.order"),
      width: 52,
      render: (_, __, index) => index + 1,
    },
    {
      key: "region",
      title: t("bulletin.columns.region"),
      className: "bulletin-region-name",
      render: (_, item) => <strong>{nameOf(item.line.region, language)}</strong>,
    },
    {
      key: "indicator",
      title: t("bulletin.columns.indicator"),
      className: "bulletin-indicator-name",
      render: (_, item) => nameOf(item.indicator, language),
    },
    {
      key: "actual",
      title: `${t("bulletin.columns.actual")} / ${t("bulletin.columns.target")}`,
      align: "right",
      className: "bulletin-num",
      render: (_, item) =>
        `${formatQuantity(item.line.actual, item.indicator, language)} / ${formatQuantity(item.line.target, item.indicator, language)}`,
    },
    {
      key: "completion",
      title: `${t("bulletin.columns.completion")} / ${t("bulletin.columns.schedule")}`,
      align: "right",
      className: "bulletin-num",
      render: (_, item) =>
        `${formatPercent(item.line.completion)} / ${formatPercent(item.line.schedule)}`,
    },
    {
      key: "lag",
      title: t("bulletin.columns.lagPoints"),
      align: "right",
      className: "bulletin-num",
      render: (_, item) => <strong>{formatLag(item.line.lag)}</strong>,
    },
    {
      key: "status",
      title: t("bulletin.columns.status"),
      render: (_, item) => <StatusTag status={statusKey(item.line.status)} />,
    },
    {
      key: "monthsBehind",
      title: t("bulletin.columns.monthsBehind"),
      align: "right",
      className: "bulletin-num",
      render: (_, item) => t("metric.monthsCount", { count: item.monthsBehind }),
    },
  ];
  return (
    <Table<LaggingItem>
      data-testid="bulletin-lagging"
      className="bulletin-table"
      size="small"
      bordered
      rowKey={keyOf}
      columns={columns}
      dataSource={items}
      pagination={false}
      locale={{ emptyText: t("bulletin.noLagging") }}
    />
  );
}
