import type { ProgressLine } from "@jindu/api/schemas";
import { useTranslation } from "react-i18next";
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { STATUS_STYLE, type StatusKey, statusKey } from "@/config/status";
import { useLanguage } from "@/hooks/use-language";
import { formatPercent, formatPoints, nameOf } from "@/utils/format";

interface Datum {
  code: string;
  name: string;
  completion: number;
  known: boolean;
  /** What the bar's label says: a region without a rate shows a dash, not 0%. */
  label: string;
  lag: number | null;
  status: StatusKey;
}

interface ComparisonChartProps {
  lines: ProgressLine[];
  schedule: number;
  hrefFor: (regionCode: string) => string;
  onSelect: (regionCode: string) => void;
}

const ROW_HEIGHT = 28;

/** Horizontal bars so that twenty region names stay readable on a phone as on a desktop. */
export function ComparisonChart({ lines, schedule, hrefFor, onSelect }: ComparisonChartProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const data: Datum[] = lines
    .map((line) => ({
      code: line.region.code,
      name: nameOf(line.region, language),
      completion: line.completion ?? 0,
      known: line.completion !== null,
      label: formatPercent(line.completion),
      lag: line.lag,
      status: statusKey(line.status),
    }))
    .sort((a, b) => Number(b.known) - Number(a.known) || b.completion - a.completion);
  const top = Math.max(1.1, ...data.map((d) => d.completion)) * 1.05;
  const longest = Math.max(...data.map((d) => d.name.length), 2);
  const labelWidth = Math.min(120, longest * (language === "en" ? 7.5 : 14) + 8);
  const sameLine = Math.abs(schedule - 1) < 1e-9;

  return (
    <div
      className="comparison-chart"
      data-testid="comparison-chart"
      data-schedule={schedule}
      role="img"
      aria-label={t("comparison.chart")}
    >
      <ResponsiveContainer width="100%" height={data.length * ROW_HEIGHT + 56}>
        <BarChart
          data={data}
          layout="vertical"
          margin={{ top: 24, right: 48, bottom: 4, left: 4 }}
          barCategoryGap={4}
        >
          <CartesianGrid horizontal={false} strokeDasharray="3 3" />
          <XAxis
            type="number"
            domain={[0, top]}
            tickFormatter={(value: number) => `${Math.round(value * 100)}%`}
            tickCount={6}
            allowDecimals
          />
          <YAxis
            type="category"
            dataKey="name"
            width={labelWidth}
            interval={0}
            tick={{ fontSize: 12 }}
          />
          <Tooltip
            cursor={{ fill: "rgba(0,0,0,0.04)" }}
            formatter={(value, _name, item) =>
              formatPercent((item.payload as Datum).known ? Number(value) : null)
            }
            labelFormatter={(label) => String(label)}
          />
          <Bar
            dataKey="completion"
            name={t("metric.completion")}
            isAnimationActive={false}
            shape={(props: unknown) => {
              const { x, y, width, height, payload } = props as {
                x: number;
                y: number;
                width: number;
                height: number;
                payload: Datum;
              };
              return (
                // A real link, so that a bar can be opened in a new tab or reached by keyboard.
                <a
                  href={hrefFor(payload.code)}
                  aria-label={payload.name}
                  onClick={(event) => {
                    event.preventDefault();
                    onSelect(payload.code);
                  }}
                >
                  <rect
                    className="comparison-bar"
                    data-region={payload.code}
                    data-status={payload.status}
                    data-completion={payload.completion}
                    x={x}
                    y={y}
                    width={Math.max(0, width)}
                    height={height}
                    rx={2}
                    fill={STATUS_STYLE[payload.status].color}
                  >
                    <title>
                      {`${payload.name}: ${formatPercent(payload.known ? payload.completion : null)} (${formatPoints(payload.lag, language)})`}
                    </title>
                  </rect>
                </a>
              );
            }}
          >
            <LabelList dataKey="label" position="right" fontSize={11} />
          </Bar>
          {sameLine ? null : (
            <ReferenceLine
              x={1}
              className="ref-full"
              stroke="#595959"
              strokeWidth={1.5}
              label={{ value: t("comparison.fullLine"), position: "top", fontSize: 11 }}
            />
          )}
          <ReferenceLine
            x={schedule}
            className="ref-schedule"
            stroke="#000000"
            strokeDasharray="6 3"
            strokeWidth={2}
            label={{
              value: t("comparison.scheduleLine", { value: formatPercent(schedule) }),
              position: "top",
              fontSize: 11,
            }}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
