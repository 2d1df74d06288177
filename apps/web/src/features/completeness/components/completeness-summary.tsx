import { Statistic } from "antd";
import { useTranslation } from "react-i18next";
import { formatPercent } from "@/utils/format";
import type { CompletenessResponse } from "../api/get-completeness";
import { TIMELINESS_STYLE } from "./timeliness";
import "@/features/completeness/locales";

/** The month's counts as figures: due, submitted, on time, late, missing, and the two rates. */
export function CompletenessSummary({ summary }: { summary: CompletenessResponse["summary"] }) {
  const { t } = useTranslation();
  const items = [
    { key: "total", value: summary.total },
    { key: "submitted", value: summary.submitted },
    { key: "onTime", value: summary.onTime, color: TIMELINESS_STYLE.on_time.color },
    { key: "late", value: summary.late, color: TIMELINESS_STYLE.late.color },
    { key: "missing", value: summary.missing, color: TIMELINESS_STYLE.missing.color },
  ] as const;
  return (
    <div className="completeness-summary" data-testid="completeness-summary">
      {items.map((item) => (
        <div key={item.key} data-testid={`completeness-${item.key}`} data-value={item.value}>
          <Statistic
            title={t(`completeness.${item.key}`)}
            value={item.value}
            styles={{ content: "color" in item ? { color: item.color } : {} }}
          />
        </div>
      ))}
      <div data-testid="completeness-reportingRate">
        <Statistic
          title={t("completeness.reportingRate")}
          value={formatPercent(summary.reportingRate)}
        />
      </div>
      <div data-testid="completeness-timelyRate">
        <Statistic title={t("completeness.timelyRate")} value={formatPercent(summary.timelyRate)} />
      </div>
    </div>
  );
}
