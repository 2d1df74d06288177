import { Select } from "antd";
import { useTranslation } from "react-i18next";
import { useLanguage } from "@/hooks/use-language";
import { formatMonth } from "@/utils/format";
import { usePeriods } from "../api/get-periods";
import { type PeriodKind, yearsOffered } from "../hooks/use-default-period";

interface PeriodSelectProps {
  /** The region whose years with data the year list offers. */
  region: string;
  year: number;
  month: number;
  onChange: (period: { year?: number; month?: number }) => void;
  /** Screens that show a whole year (trends) need no month. */
  showMonth?: boolean;
  /** Work screens also offer the year of the month being reported now. */
  kind?: PeriodKind;
}

export function PeriodSelect({
  region,
  year,
  month,
  onChange,
  showMonth = true,
  kind = "latest",
}: PeriodSelectProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const periods = usePeriods(region);
  const years = yearsOffered(periods.data, kind, year);
  return (
    <>
      <Select
        aria-label={t("filters.year")}
        data-testid="year-select"
        className="filter-year"
        value={year}
        onChange={(value: number) => onChange({ year: value })}
        options={years.map((value) => ({
          value,
          label: t("filters.yearValue", { year: value }),
        }))}
      />
      {showMonth ? (
        <Select
          aria-label={t("filters.month")}
          data-testid="month-select"
          className="filter-month"
          value={month}
          onChange={(value: number) => onChange({ month: value })}
          options={Array.from({ length: 12 }, (_, i) => ({
            value: i + 1,
            label: t("filters.monthValue", {
              month: i + 1,
              monthName: formatMonth(i + 1, language),
            }),
          }))}
        />
      ) : null}
    </>
  );
}
