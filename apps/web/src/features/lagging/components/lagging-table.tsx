import { WarningFilled } from "@ant-design/icons";
import type { LaggingItem } from "@jindu/api/schemas";
import { Table, type TableColumnsType, Tooltip } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { StatusTag } from "@/components/ui/status-tag";
import { statusKey } from "@/config/status";
import { QualityTag, RankChange } from "@/features/comparison/components/standings-panel";
import { useSuperviseColumn } from "@/features/supervision/hooks/use-supervise-column";
import { useLanguage } from "@/hooks/use-language";
import { formatPercent, formatPoints, formatQuantity, nameOf } from "@/utils/format";
import "@/features/comparison/locales";

interface LaggingTableProps {
  items: LaggingItem[];
  regionHref: (item: LaggingItem) => string;
  indicatorHref: (item: LaggingItem) => string;
}

const keyOf = (item: LaggingItem) => `${item.indicator.code}:${item.line.region.code}`;

/** Every region behind schedule, in the order the API gives: worst lag first. */
export function LaggingTable({ items, regionHref, indicatorHref }: LaggingTableProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const supervise = useSuperviseColumn();
  const columns: TableColumnsType<LaggingItem> = [
    {
      key: "order",
      title: "#",
      width: 48,
      render: (_, __, index) => index + 1,
    },
    {
      key: "region",
      title: t("metric.region"),
      render: (_, item) => (
        <span className="region-cell">
          <StatusTag status={statusKey(item.line.status)} compact />
          <Link to={regionHref(item)}>{nameOf(item.line.region, language)}</Link>
        </span>
      ),
    },
    {
      key: "indicator",
      title: t("metric.indicator"),
      render: (_, item) => <Link to={indicatorHref(item)}>{nameOf(item.indicator, language)}</Link>,
    },
    {
      key: "actual",
      title: `${t("metric.reported")} / ${t("metric.target")}`,
      align: "right",
      responsive: ["md"],
      render: (_, item) =>
        `${formatQuantity(item.line.actual, item.indicator, language)} / ${formatQuantity(item.line.target, item.indicator, language)}`,
    },
    {
      key: "completion",
      title: `${t("metric.completion")} / ${t("metric.schedule")}`,
      align: "right",
      render: (_, item) =>
        `${formatPercent(item.line.completion)} / ${formatPercent(item.line.schedule)}`,
    },
    {
      key: "lag",
      title: t("metric.lag"),
      align: "right",
      render: (_, item) => <strong>{formatPoints(item.line.lag, language)}</strong>,
    },
    {
      key: "standing",
      title: t("standings.rankColumn"),
      align: "right",
      render: (_, item) =>
        item.standing ? (
          <span className="standing-cell">
            {item.standing.completionRank ?? "—"}{" "}
            <RankChange change={item.standing.completionRankChange} />
          </span>
        ) : (
          "—"
        ),
    },
    {
      key: "quality",
      title: t("standings.quality"),
      align: "center",
      render: (_, item) =>
        item.quality ? <QualityTag quality={item.quality} code={item.line.region.code} /> : "—",
    },
    {
      key: "projection",
      title: t("metric.projection"),
      align: "right",
      render: (_, item) => (
        <span>
          {item.line.projectedToMiss ? (
            <Tooltip title={t("metric.projectedToMiss")}>
              <WarningFilled
                style={{ color: "#D55E00", marginRight: 4 }}
                aria-label={t("metric.projectedToMiss")}
              />
            </Tooltip>
          ) : null}
          {formatPercent(item.line.projection)}
        </span>
      ),
    },
    {
      key: "monthsBehind",
      title: t("metric.monthsBehind"),
      align: "right",
      render: (_, item) => t("metric.monthsCount", { count: item.monthsBehind }),
    },
    ...supervise,
  ];
  return (
    <Table<LaggingItem>
      data-testid="lagging-table"
      size="small"
      rowKey={keyOf}
      columns={columns}
      dataSource={items}
      pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
      scroll={{ x: "max-content" }}
    />
  );
}
