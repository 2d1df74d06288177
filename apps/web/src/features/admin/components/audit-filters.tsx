import { DownloadOutlined } from "@ant-design/icons";
import { auditActionWords, auditEntityWords, type Words } from "@jindu/domain";
import { Button, DatePicker, Select, Space } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { useLanguage } from "@/hooks/use-language";
import { type AuditFilter, auditExportHref, useAuditFacets } from "../api/audit";
import "@/features/admin/locales";

/** The export of what the filter matches, as .xlsx. */
export function AuditExport({ filter }: { filter: AuditFilter }) {
  const { t } = useTranslation();
  return (
    <Button icon={<DownloadOutlined />} href={auditExportHref(filter)} data-testid="audit-export">
      {t("admin.audit.export")}
    </Button>
  );
}

interface AuditFiltersProps {
  filter: AuditFilter;
  onChange: (filter: AuditFilter) => void;
}

const RESULTS = ["success", "failure", "denied"] as const;

/** Who, what, on which kind of thing, when, with which result; and the export of what they match. */
export function AuditFilters({ filter, onChange }: AuditFiltersProps) {
  const { t } = useTranslation();
  const facets = useAuditFacets();
  const set = (change: Partial<AuditFilter>) => onChange({ ...filter, ...change });
  const language = useLanguage();
  /** Each recorded value offered in words where there are words for it (searchable by both). */
  const options = (values: string[] | undefined, words?: (v: string) => Words | null) =>
    (values ?? []).map((v) => {
      const w = words?.(v);
      return {
        value: v,
        label: w ? w[language === "en" ? "en" : "zh"] : v,
        title: w ? `${w.zh} ${w.en} ${v}` : v,
      };
    });
  const common = {
    allowClear: true,
    showSearch: true,
    loading: facets.isPending,
    placeholder: t("admin.audit.all"),
    popupMatchSelectWidth: false,
  } as const;
  return (
    <Space wrap className="admin-audit-filters" align="end">
      <div className="admin-filter">
        <span>{t("admin.audit.user")}</span>
        <Select
          {...common}
          data-testid="audit-filter-user"
          aria-label={t("admin.audit.user")}
          className="admin-filter-select"
          value={filter.username}
          options={options(facets.data?.usernames)}
          onChange={(username?: string) => set({ username })}
        />
      </div>
      <div className="admin-filter">
        <span>{t("admin.audit.action")}</span>
        <Select
          {...common}
          data-testid="audit-filter-action"
          aria-label={t("admin.audit.action")}
          className="admin-filter-select admin-filter-wide"
          value={filter.action}
          options={options(facets.data?.actions, auditActionWords)}
          optionFilterProp="title"
          onChange={(action?: string) => set({ action })}
        />
      </div>
      <div className="admin-filter">
        <span>{t("admin.audit.entity")}</span>
        <Select
          {...common}
          data-testid="audit-filter-entity"
          aria-label={t("admin.audit.entity")}
          className="admin-filter-select"
          value={filter.entity}
          options={options(facets.data?.entities, auditEntityWords)}
          optionFilterProp="title"
          onChange={(entity?: string) => set({ entity })}
        />
      </div>
      <div className="admin-filter">
        <span>{t("admin.audit.result")}</span>
        <Select
          {...common}
          showSearch={false}
          data-testid="audit-filter-result"
          aria-label={t("admin.audit.result")}
          className="admin-filter-select"
          value={filter.result}
          options={RESULTS.map((r) => ({ value: r, label: t(`admin.audit.results.${r}`) }))}
          onChange={(result?: AuditFilter["result"]) => set({ result })}
        />
      </div>
      <div className="admin-filter">
        <span>{t("admin.audit.dateRange")}</span>
        <DatePicker.RangePicker
          data-testid="audit-filter-dates"
          aria-label={t("admin.audit.dateRange")}
          value={filter.from && filter.to ? [dayjs(filter.from), dayjs(filter.to)] : null}
          onChange={(range) =>
            set({
              from: range?.[0]?.startOf("day").toISOString(),
              to: range?.[1]?.endOf("day").toISOString(),
            })
          }
        />
      </div>
      <Button onClick={() => onChange({})} data-testid="audit-filter-reset">
        {t("admin.audit.reset")}
      </Button>
    </Space>
  );
}
