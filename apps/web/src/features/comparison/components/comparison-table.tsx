import { WarningFilled } from "@ant-design/icons";
import type { Indicator, ProgressLine } from "@jindu/api/schemas";
import { Table, type TableColumnsType, Tag, Tooltip } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { StatusTag } from "@/components/ui/status-tag";
import { statusKey } from "@/config/status";
import { useLanguage } from "@/hooks/use-language";
import {
  actualLabelKey,
  formatPercent,
  formatPoints,
  formatQuantity,
  nameOf,
} from "@/utils/format";

interface ComparisonTableProps {
  indicator: Indicator;
  lines: ProgressLine[];
  hrefFor: (regionCode: string) => string;
}

const byNumber =
  (pick: (line: ProgressLine) => number | null) => (a: ProgressLine, b: ProgressLine) =>
    (pick(a) ?? Number.NEGATIVE_INFINITY) - (pick(b) ?? Number.NEGATIVE_INFINITY);

export function ComparisonTable({ indicator, lines, hrefFor }: ComparisonTableProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const columns: TableColumnsType<ProgressLine> = [
    {
      key: "rank",
      title: t("metric.rank"),
      dataIndex: "rank",
      width: 64,
      defaultSortOrder: "ascend",
      sorter: (a, b) => (a.rank ?? 9999) - (b.rank ?? 9999),
      render: (rank: number | null) => rank ?? "—",
    },
    {
      key: "region",
      title: t("metric.region"),
      render: (_, line) => (
        <span className="region-cell">
          <StatusTag status={statusKey(line.status)} compact />
          <Link to={hrefFor(line.region.code)}>{nameOf(line.region, language)}</Link>
          {line.provisional ? (
            <Tag color="gold" data-testid={`provisional-${line.region.code}`}>
              {t("comparison.provisional")}
            </Tag>
          ) : null}
        </span>
      ),
    },
    {
      key: "target",
      title: t("metric.target"),
      responsive: ["sm"],
      align: "right",
      sorter: byNumber((line) => line.target),
      render: (_, line) => formatQuantity(line.target, indicator, language),
    },
    {
      key: "actual",
      responsive: ["sm"],
      title: t(actualLabelKey(indicator.kind)),
      align: "right",
      sorter: byNumber((line) => line.actual),
      render: (_, line) => formatQuantity(line.actual, indicator, language),
    },
    {
      key: "completion",
      title: t("metric.completion"),
      align: "right",
      sorter: byNumber((line) => line.completion),
      render: (_, line) => formatPercent(line.completion),
    },
    {
      key: "lag",
      title: t("metric.lag"),
      align: "right",
      sorter: byNumber((line) => line.lag),
      render: (_, line) => formatPoints(line.lag, language),
    },
    {
      key: "projection",
      title: t("metric.projection"),
      align: "right",
      sorter: byNumber((line) => line.projection),
      render: (_, line) => (
        <span>
          {line.projectedToMiss ? (
            <Tooltip title={t("metric.projectedToMiss")}>
              <WarningFilled
                style={{ color: "#D55E00", marginRight: 4 }}
                aria-label={t("metric.projectedToMiss")}
              />
            </Tooltip>
          ) : null}
          {formatPercent(line.projection)}
        </span>
      ),
    },
  ];
  return (
    <Table<ProgressLine>
      data-testid="comparison-table"
      size="small"
      rowKey={(line) => line.region.code}
      columns={columns}
      dataSource={lines}
      pagination={false}
      scroll={{ x: "max-content" }}
      showSorterTooltip={false}
    />
  );
}
