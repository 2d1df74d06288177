import { QuestionCircleOutlined } from "@ant-design/icons";
import { Card, Progress, Tooltip } from "antd";
import { useTranslation } from "react-i18next";
import { LagPhrase } from "@/components/ui/lag-phrase";
import { StatusTag } from "@/components/ui/status-tag";
import { STATUS_STYLE, statusKey } from "@/config/status";
import { useLanguage } from "@/hooks/use-language";
import { formatPercent, formatQuantity, nameOf } from "@/utils/format";
import { usePlanProgress } from "../api/get-plan-progress";
import "@/features/plans/locales";

/**
 * Progress of the multi-year plans (十四五) of a region and its sub-regions: done against the plan
 * total, with a tick where the schedule says it should be. Nothing when the region has no plan.
 */
export function PlanProgressCard(props: { region: string; year: number; month: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const progress = usePlanProgress(props);
  const plans = progress.data?.plans ?? [];
  if (plans.length === 0) return null;
  // 十四五 names 2021–2025 only; a later plan (十五五) gets the general title.
  const fourteenth = plans.every((p) => p.fromYear === 2021 && p.toYear === 2025);
  return (
    <Card
      size="small"
      className="plan-progress"
      data-testid="plan-progress"
      title={fourteenth ? t("plans.title") : t("plans.titleOther")}
      extra={
        <Tooltip title={t("plans.hint")}>
          <QuestionCircleOutlined aria-label={t("plans.hint")} />
        </Tooltip>
      }
    >
      <ul className="plan-progress-list">
        {plans.map((plan) => {
          const status = statusKey(plan.status);
          const own = plan.region.code === props.region;
          const indicator = nameOf(plan.indicator, language);
          return (
            <li
              key={`${plan.region.code}:${plan.indicator.code}:${plan.fromYear}`}
              data-testid="plan-progress-item"
              data-indicator={plan.indicator.code}
              data-region={plan.region.code}
            >
              <div className="plan-progress-head">
                <strong>
                  {own ? indicator : `${nameOf(plan.region, language)} · ${indicator}`}
                </strong>
                <span className="muted">
                  {t("plans.years", { from: plan.fromYear, to: plan.toYear })}
                </span>
                <StatusTag status={status} />
              </div>
              <div className="tile-bar">
                <Progress
                  percent={Math.min(100, (plan.completion ?? 0) * 100)}
                  strokeColor={STATUS_STYLE[status].color}
                  showInfo={false}
                  size="small"
                  aria-label={t("plans.barLabel", {
                    indicator,
                    completion: formatPercent(plan.completion),
                    schedule: formatPercent(plan.schedule),
                  })}
                />
                {/* Where the plan should have reached by now. */}
                <div
                  className="schedule-mark"
                  aria-hidden
                  style={{ left: `${Math.min(100, plan.schedule * 100)}%` }}
                />
              </div>
              <div className="plan-progress-figures">
                <span data-testid="plan-done">
                  {t("plans.done", {
                    done: formatQuantity(plan.done, plan.indicator, language),
                    total: formatQuantity(plan.total, plan.indicator, language),
                  })}
                </span>
                <span>
                  {t("metric.completion")}{" "}
                  <strong data-testid="plan-completion">{formatPercent(plan.completion)}</strong>
                </span>
                <span>
                  {t("metric.schedule")}{" "}
                  <strong data-testid="plan-schedule">{formatPercent(plan.schedule)}</strong>
                </span>
                <span>
                  <LagPhrase points={plan.lag} testId="plan-lag" />
                </span>
              </div>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
