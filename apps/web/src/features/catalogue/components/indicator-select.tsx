import { Select } from "antd";
import { useTranslation } from "react-i18next";
import { useLanguage } from "@/hooks/use-language";
import { nameOf } from "@/utils/format";
import { useIndicators } from "../api/get-indicators";

interface IndicatorSelectProps {
  value: string | undefined;
  onChange: (code: string) => void;
}

export function IndicatorSelect({ value, onChange }: IndicatorSelectProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const indicators = useIndicators();
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
