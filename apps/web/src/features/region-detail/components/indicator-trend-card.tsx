import type { Indicator } from "@jindu/api/schemas";
import { Card, Empty, Skeleton } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { LagPhrase } from "@/components/ui/lag-phrase";
import { StatusTag } from "@/components/ui/status-tag";
import { STATUS_STYLE, statusKey } from "@/config/status";
import { useLanguage } from "@/hooks/use-language";
import { formatPercent, formatQuantity, nameOf } from "@/utils/format";
import { useTrend } from "../api/get-trend";
import { TrendChart } from "./trend-chart";

interface IndicatorTrendCardProps {
  indicator: Indicator;
  region: string;
  year: number;
  month: number;
  highlighted: boolean;
  /** The comparison of this region's children on the indicator, when it has children. */
  compareHref: string | null;
}

export function IndicatorTrendCard({
  indicator,
  region,
  year,
  month,
  highlighted,
  compareHref,
}: IndicatorTrendCardProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const trend = useTrend({ indicator: indicator.code, region, year });
  const point = trend.data?.points.find((p) => p.month === month) ?? null;
  const status = statusKey(point?.status);
  const name = nameOf(indicator, language);
  return (
    <Card
      size="small"
      id={`indicator-${indicator.code}`}
      className={highlighted ? "trend-card trend-card-highlighted" : "trend-card"}
      data-testid="trend-card"
      data-indicator={indicator.code}
      data-status={status}
      style={{ borderTop: `4px solid ${STATUS_STYLE[status].color}` }}
      title={
        compareHref ? (
          <Link to={compareHref} title={name}>
            {name}
          </Link>
        ) : (
          <span title={name}>{name}</span>
        )
      }
      extra={trend.data ? <StatusTag status={status} /> : null}
    >
      {trend.isPending ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : trend.isError ? (
        <Empty description={t("common.error")} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : trend.data.target === null ? (
        <Empty description={t("region.noTarget")} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <>
          <div className="trend-figures">
            <span>
              {t("metric.completion")} <strong>{formatPercent(point?.completion)}</strong>
            </span>
            <span>
              {t("metric.schedule")} <strong>{formatPercent(point?.schedule)}</strong>
            </span>
            <span>
              <LagPhrase
                points={
                  point?.completion == null ? null : (point.completion - point.schedule) * 100
                }
              />
            </span>
            <span>
              {t("metric.target")}{" "}
              <strong>{formatQuantity(trend.data.target, indicator, language)}</strong>
            </span>
          </div>
          <TrendChart trend={trend.data} month={month} status={status} />
        </>
      )}
    </Card>
  );
}
