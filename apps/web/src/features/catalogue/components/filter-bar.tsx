import { useTranslation } from "react-i18next";
import { useDashboardParams } from "@/hooks/use-dashboard-params";
import { IndicatorSelect } from "./indicator-select";
import { PeriodSelect } from "./period-select";
import { RegionSelect } from "./region-select";

interface FilterBarProps {
  /** The indicator this screen shows when the URL names none. */
  indicator?: string | undefined;
  showIndicator?: boolean;
  parentsOnly?: boolean;
}

/** The selectors every screen shares; they read and write the URL's search parameters. */
export function FilterBar({
  indicator,
  showIndicator = false,
  parentsOnly = false,
}: FilterBarProps) {
  const { t } = useTranslation();
  const { params, setParams } = useDashboardParams();
  return (
    <search className="filter-bar">
      <div className="filter-field">
        <span>{parentsOnly ? t("filters.parent") : t("filters.region")}</span>
        <RegionSelect
          value={params.region}
          parentsOnly={parentsOnly}
          onChange={(region) => setParams({ region })}
        />
      </div>
      <div className="filter-field filter-period">
        <span>
          {t("filters.year")} / {t("filters.month")}
        </span>
        <span className="filter-period-inputs">
          <PeriodSelect
            region={params.region}
            year={params.year}
            month={params.month}
            onChange={setParams}
          />
        </span>
      </div>
      {showIndicator ? (
        <div className="filter-field filter-field-wide">
          <span>{t("filters.indicator")}</span>
          <IndicatorSelect
            value={params.indicator ?? indicator}
            onChange={(code) => setParams({ indicator: code })}
            region={params.region}
            year={params.year}
          />
        </div>
      ) : null}
    </search>
  );
}
