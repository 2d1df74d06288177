import { Select } from "antd";
import { useTranslation } from "react-i18next";
import { useLanguage } from "@/hooks/use-language";
import { nameOf } from "@/utils/format";
import { useIndicatorsOf } from "../api/get-indicators";

interface IndicatorSelectProps {
  value: string | undefined;
  onChange: (code: string) => void;
  /** The region and year on screen: only the indicators asked of them are offered. */
  region: string;
  year: number;
}

export function IndicatorSelect({ value, onChange, region, year }: IndicatorSelectProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const indicators = useIndicatorsOf(region, year);
  return (
    <Select
      aria-label={t("filters.indicator")}
      data-testid="indicator-select"
      className="filter-indicator"
      loading={indicators.isPending}
      value={indicators.data ? value : undefined}
      onChange={onChange}
      showSearch={{ optionFilterProp: "label" }}
      popupMatchSelectWidth={false}
      options={(indicators.data?.indicators ?? []).map((indicator) => ({
        value: indicator.code,
        label: nameOf(indicator, language),
      }))}
    />
  );
}
