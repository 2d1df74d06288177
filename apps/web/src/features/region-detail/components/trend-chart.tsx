import type { TrendResponse } from "@jindu/api/schemas";
import { useTranslation } from "react-i18next";
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { STATUS_STYLE, type StatusKey } from "@/config/status";
import { useLanguage } from "@/hooks/use-language";
import {
  actualLabelKey,
  formatMonth,
  formatNumber,
  formatPercent,
  formatQuantity,
  isShare,
} from "@/utils/format";

interface TrendChartProps {
  trend: TrendResponse;
  /** The selected month, marked on the chart. */
  month: number;
  status: StatusKey;
}

/** The year-to-date figure by month against the pace the target asks for. */
export function TrendChart({ trend, month, status }: TrendChartProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { indicator } = trend;
  const share = isShare(indicator);
  const tick = (value: number) =>
    share ? formatPercent(value) : formatNumber(value, language, value < 10 ? 1 : 0);
  // A cumulative target's pace follows a profile (or not): the legend says which. Shares and
  // levels hold all year, so their pace line is the target itself.
  const paceName =
    indicator.kind === "cumulative"
      ? t("metric.paceLegend", { pace: t(`metric.paceOf.${trend.schedulePace}`) })
      : t("metric.pace");
  const points = trend.points.map((point) => ({
    ...point,
    label: formatMonth(point.month, language),
  }));
  return (
    <div
      className="trend-chart"
      data-testid="trend-chart"
      data-indicator={indicator.code}
      data-points={points.filter((point) => point.actual !== null).length}
      data-pace={trend.schedulePace}
    >
      <ResponsiveContainer width="100%" height={200}>
        <LineChart data={points} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="label"
            interval="preserveStartEnd"
            minTickGap={10}
            tick={{ fontSize: 11 }}
          />
          <YAxis width={52} tickFormatter={tick} tick={{ fontSize: 11 }} domain={[0, "auto"]} />
          <Tooltip formatter={(value) => formatQuantity(Number(value), indicator, language)} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <ReferenceLine x={formatMonth(month, language)} stroke="#bfbfbf" />
          <Line
            type="monotone"
            dataKey="pace"
            name={paceName}
            stroke="#595959"
            strokeDasharray="6 3"
            dot={false}
            isAnimationActive={false}
            connectNulls
          />
          <Line
            type="monotone"
            dataKey="actual"
            name={t(actualLabelKey(indicator.kind))}
            stroke={STATUS_STYLE[status].color}
            strokeWidth={2.5}
            dot={{ r: 2.5 }}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
