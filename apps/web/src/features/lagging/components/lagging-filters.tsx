import type { LaggingItem } from "@jindu/api/schemas";
import { LAGGING_STATUSES, type LaggingFilter } from "@jindu/domain";
import { Select } from "antd";
import { useTranslation } from "react-i18next";
import { useLanguage } from "@/hooks/use-language";
import { nameOf } from "@/utils/format";

interface LaggingFiltersProps {
  /** The whole list, unfiltered: the choices are what it holds. */
  items: LaggingItem[];
  filter: LaggingFilter;
  onChange: (change: Partial<LaggingFilter>) => void;
}

/** Narrow the list to one indicator, one region, one status; each clears back to all. */
export function LaggingFilters({ items, filter, onChange }: LaggingFiltersProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const indicators = new Map(items.map((x) => [x.indicator.code, x.indicator]));
  const regions = [...new Map(items.map((x) => [x.line.region.code, x.line.region])).values()].sort(
    (a, b) => a.code.localeCompare(b.code),
  );
  return (
    <div className="lagging-filters" data-testid="lagging-filters">
      <Select
        data-testid="lagging-filter-indicator"
        aria-label={t("lagging.filterIndicator")}
        placeholder={t("lagging.allIndicators")}
        allowClear
        showSearch
        optionFilterProp="label"
        value={filter.indicator}
        onChange={(indicator?: string) => onChange({ indicator })}
        options={[...indicators.values()].map((x) => ({
          value: x.code,
          label: nameOf(x, language),
        }))}
        popupMatchSelectWidth={false}
      />
      <Select
        data-testid="lagging-filter-region"
        aria-label={t("lagging.filterRegion")}
        placeholder={t("lagging.allRegions")}
        allowClear
        showSearch
        optionFilterProp="label"
        value={filter.region}
        onChange={(region?: string) => onChange({ region })}
        options={regions.map((r) => ({ value: r.code, label: nameOf(r, language) }))}
      />
      <Select
        data-testid="lagging-filter-status"
        aria-label={t("lagging.filterStatus")}
        placeholder={t("lagging.allStatuses")}
        allowClear
        value={filter.status}
        onChange={(status?: LaggingFilter["status"]) => onChange({ status })}
        options={LAGGING_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
      />
    </div>
  );
}
