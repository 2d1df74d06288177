import { Select } from "antd";
import { useTranslation } from "react-i18next";
import { FIRST_YEAR } from "@/config/defaults";
import { useLanguage } from "@/hooks/use-language";
import { formatMonth } from "@/utils/format";

interface PeriodSelectProps {
  year: number;
  month: number;
  onChange: (period: { year?: number; month?: number }) => void;
  /** Screens that show a whole year (trends) need no month. */
  showMonth?: boolean;
}

export function PeriodSelect({ year, month, onChange, showMonth = true }: PeriodSelectProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const lastYear = Math.max(new Date().getFullYear(), year);
  const years = Array.from({ length: lastYear - FIRST_YEAR + 1 }, (_, i) => lastYear - i);
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
