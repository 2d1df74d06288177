import type { BulletinRankingRow } from "@jindu/api/schemas";
import { Table, type TableColumnsType } from "antd";
import type { HTMLAttributes } from "react";
import { useTranslation } from "react-i18next";
import { StatusTag } from "@/components/ui/status-tag";
import { statusKey } from "@/config/status";
import { QualityTag, RankChange } from "@/features/comparison/components/standings-panel";
import { useLanguage } from "@/hooks/use-language";
import { formatNumber, nameOf } from "@/utils/format";
import "@/features/bulletin/locales";

/** The children by overall score, best first: one row per region, its name in the row. */
export function RankingTable({ ranking }: { ranking: BulletinRankingRow[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const columns: TableColumnsType<BulletinRankingRow> = [
    {
      key: "rank",
      title: t("bulletin.columns.rank"),
      width: 52,
      align: "center",
      render: (_, row) => row.rank ?? "—",
    },
    {
      key: "rankChange",
      title: t("bulletin.columns.rankChange"),
      width: 56,
      align: "center",
      render: (_, row) => <RankChange change={row.rankChange} />,
    },
    {
      key: "region",
      title: t("bulletin.columns.region"),
      className: "bulletin-region-name",
      render: (_, row) => <strong>{nameOf(row.region, language)}</strong>,
    },
    {
      key: "score",
      title: t("bulletin.columns.score"),
      align: "right",
      render: (_, row) => (row.score === null ? "—" : row.score.toFixed(1)),
    },
    {
      key: "rated",
      title: t("bulletin.columns.rated"),
      align: "right",
      render: (_, row) => row.rated,
    },
    {
      key: "behind",
      title: t("bulletin.columns.behind"),
      align: "right",
      render: (_, row) => row.behind,
    },
    {
      key: "statuses",
      title: t("bulletin.columns.statuses"),
      align: "center",
      render: (_, row) =>
        [row.statuses.completed, row.statuses.green, row.statuses.yellow, row.statuses.red]
          .map((n) => formatNumber(n, language, 0))
          .join(" / "),
    },
    {
      key: "worst",
      title: t("bulletin.columns.worstStatus"),
      render: (_, row) => <StatusTag status={statusKey(row.worst)} />,
    },
    {
      key: "reporting",
      title: t("bulletin.columns.reporting"),
      render: (_, row) => (
        <span className={`bulletin-timeliness bulletin-timeliness-${row.timeliness}`}>
          {t(`bulletin.timeliness.${row.timeliness}`)}
        </span>
      ),
    },
    {
      key: "quality",
      title: t("bulletin.columns.quality"),
      align: "center",
      render: (_, row) => <QualityTag quality={row.quality} code={row.region.code} />,
    },
  ];
  return (
    <Table<BulletinRankingRow>
      data-testid="bulletin-ranking"
      className="bulletin-table"
      size="small"
      bordered
      rowKey={(row) => row.region.code}
      onRow={(row) => ({ "data-region": row.region.code }) as HTMLAttributes<HTMLElement>}
      columns={columns}
      dataSource={ranking}
      pagination={false}
    />
  );
}
