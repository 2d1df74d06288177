import type { IndicatorEntry } from "@jindu/api/schemas";
import { Button, Table, type TableColumnsType, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { useLanguage } from "@/hooks/use-language";
import { ProfileSparkline } from "./profile-sparkline";

interface IndicatorTableProps {
  indicators: IndicatorEntry[];
  onEdit: (indicator: IndicatorEntry) => void;
}

/** One category's indicators in their sort order, with what figures depend on shown read-only. */
export function IndicatorTable({ indicators, onEdit }: IndicatorTableProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const columns: TableColumnsType<IndicatorEntry> = [
    { key: "sortOrder", title: t("admin.indicators.sortOrder"), dataIndex: "sortOrder", width: 64 },
    {
      key: "code",
      title: t("admin.indicators.code"),
      render: (_, i) => <code>{i.code}</code>,
    },
    {
      key: "name",
      title: t("admin.indicators.name"),
      render: (_, i) => (
        <div className="admin-names" data-testid="indicator-name">
          <div lang="zh-CN" className={language === "en" ? "admin-muted" : undefined}>
            {i.nameZh}
          </div>
          <div lang="en" className={language === "en" ? undefined : "admin-muted"}>
            {i.nameEn}
          </div>
        </div>
      ),
    },
    {
      key: "unit",
      title: t("admin.indicators.unit"),
      render: (_, i) => (i.unitZh === i.unitEn ? i.unitZh : `${i.unitZh} / ${i.unitEn}`),
    },
    {
      key: "kind",
      title: t("admin.indicators.kind"),
      render: (_, i) => <Tag>{t(`admin.indicators.kinds.${i.kind}`)}</Tag>,
    },
    {
      key: "direction",
      title: t("admin.indicators.direction"),
      render: (_, i) => (
        <Tag color={i.direction === "lower_is_better" ? "purple" : undefined}>
          {t(`admin.indicators.directions.${i.direction}`)}
        </Tag>
      ),
    },
    {
      key: "parts",
      title: t("admin.indicators.parts"),
      responsive: ["xl"],
      render: (_, i) => i.parts ?? "—",
    },
    {
      key: "source",
      title: t("admin.indicators.source"),
      responsive: ["lg"],
      render: (_, i) => i.source?.split(";").join(", ") ?? "—",
    },
    {
      key: "profile",
      title: t("admin.indicators.profile"),
      render: (_, i) => <ProfileSparkline profile={i.seasonalProfile} />,
    },
    {
      key: "actions",
      title: t("admin.common.actions"),
      render: (_, i) => (
        <Button type="link" size="small" data-testid="indicator-edit" onClick={() => onEdit(i)}>
          {t("admin.common.edit")}
        </Button>
      ),
    },
  ];
  return (
    <Table<IndicatorEntry>
      size="small"
      rowKey="code"
      columns={columns}
      dataSource={indicators}
      pagination={false}
      scroll={{ x: "max-content" }}
      data-testid="indicator-table"
    />
  );
}
