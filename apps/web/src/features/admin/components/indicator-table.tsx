import type { IndicatorEntry } from "@jindu/api/schemas";
import { Button, Popconfirm, Space, Table, type TableColumnsType, Tag } from "antd";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { useLanguage } from "@/hooks/use-language";
import { ProfileSparkline } from "./profile-sparkline";
import "@/features/admin/locales";

interface IndicatorTableProps {
  indicators: IndicatorEntry[];
  /** Whether the user may change this indicator (its part of the catalogue). */
  editable: (indicator: IndicatorEntry) => boolean;
  onEdit: (indicator: IndicatorEntry) => void;
  onDelete: (indicator: IndicatorEntry) => void;
}

/** The years an indicator is in force: "2023 起", "2021–2023", or nothing when always. */
function yearsInForce(i: IndicatorEntry, t: TFunction): string | null {
  if (i.firstYear === null && i.lastYear === null) return null;
  if (i.lastYear === null) return t("admin.indicators.since", { year: i.firstYear });
  if (i.firstYear === null) return t("admin.indicators.until", { year: i.lastYear });
  return `${i.firstYear}–${i.lastYear}`;
}

/** One category's indicators in their sort order, with what figures depend on shown read-only. */
export function IndicatorTable({ indicators, editable, onEdit, onDelete }: IndicatorTableProps) {
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
          <div className="admin-parts">
            {i.ownerCode ? (
              <Tag color="cyan" data-testid="indicator-own">
                {t("admin.indicators.provinceOwn")}
              </Tag>
            ) : null}
            {yearsInForce(i, t) ? (
              <Tag data-testid="indicator-years">{yearsInForce(i, t)}</Tag>
            ) : null}
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
      width: 110,
      render: (_, i) =>
        editable(i) ? (
          <Space size={0}>
            <Button type="link" size="small" data-testid="indicator-edit" onClick={() => onEdit(i)}>
              {t("admin.common.edit")}
            </Button>
            <Popconfirm
              title={t("admin.indicators.deleteConfirm", { name: i.nameZh })}
              description={t("admin.indicators.deleteNote")}
              okText={t("admin.indicators.delete")}
              cancelText={t("admin.common.cancel")}
              okButtonProps={{ danger: true, "data-testid": "indicator-delete-confirm" }}
              onConfirm={() => onDelete(i)}
            >
              <Button type="link" size="small" danger data-testid="indicator-delete">
                {t("admin.indicators.delete")}
              </Button>
            </Popconfirm>
          </Space>
        ) : null,
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
