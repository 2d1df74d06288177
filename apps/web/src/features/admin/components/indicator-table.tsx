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
    { key: "sortOrder", title: t("admin.indicators.sortOrder"), dataIndex: "sortOrder", width: 56 },
    {
      key: "code",
      title: t("admin.indicators.code"),
      width: 200,
      render: (_, i) => <code className="admin-code">{i.code}</code>,
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
          {i.parts ? (
            <div className="admin-parts">
              {t("admin.indicators.parts")}:{" "}
              {language === "en"
                ? i.parts
                : t(`admin.indicators.partsOf.${i.code}`, { defaultValue: i.parts })}
            </div>
          ) : null}
        </div>
      ),
    },
    {
      key: "unit",
      title: t("admin.indicators.unit"),
      width: 120,
      render: (_, i) => (i.unitZh === i.unitEn ? i.unitZh : `${i.unitZh} / ${i.unitEn}`),
    },
    {
      key: "kind",
      title: t("admin.indicators.kind"),
      width: 90,
      render: (_, i) => <Tag>{t(`admin.indicators.kinds.${i.kind}`)}</Tag>,
    },
    {
      key: "direction",
      title: t("admin.indicators.direction"),
      width: 110,
      render: (_, i) => (
        <Tag color={i.direction === "lower_is_better" ? "purple" : undefined}>
          {t(`admin.indicators.directions.${i.direction}`)}
        </Tag>
      ),
    },
    {
      key: "source",
      title: t("admin.indicators.source"),
      width: 80,
      responsive: ["lg"],
      render: (_, i) => i.source?.split(";").join(", ") ?? "—",
    },
    {
      key: "profile",
      title: t("admin.indicators.profile"),
      width: 100,
      render: (_, i) => <ProfileSparkline profile={i.seasonalProfile} />,
    },
    {
      key: "actions",
      title: t("admin.common.actions"),
      width: 64,
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
      tableLayout="fixed"
      scroll={{ x: 1100 }}
      data-testid="indicator-table"
    />
  );
}
