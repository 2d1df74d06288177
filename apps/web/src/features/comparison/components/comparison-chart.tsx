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
import { StatusLegend } from "@/components/ui/status-legend";
import { STATUS_STYLE, type StatusKey, statusKey } from "@/config/status";
import { useLanguage } from "@/hooks/use-language";
import { formatPercent, formatPoints, nameOf } from "@/utils/format";
import "@/features/comparison/locales";

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
/** Width of one character of an 11px bar label, to know where a label ends. */
const LABEL_CHAR_PX = 6.6;

/**
 * Where a bar's label starts: just right of the bar, or past a reference line that the label
 * would otherwise cross (the 100% and schedule lines), so that no line runs through a number.
 * `lines` are the reference lines' x in pixels, ascending.
 */
export function labelStart(barEnd: number, labelWidth: number, lines: readonly number[]): number {
  let start = barEnd + 5;
  for (const line of lines) {
    if (line >= barEnd - 1 && line <= start + labelWidth + 3) start = line + 5;
  }
  return start;
}

/** A reference line's caption above the plot: the 100% line's to its right, the schedule's to its left. */
function lineCaption(text: string, side: "left" | "right" | "middle") {
  return ({ viewBox }: { viewBox?: { x?: number; y?: number } }) => {
    const x = viewBox?.x ?? 0;
    const y = (viewBox?.y ?? 0) - 8;
    const anchor = side === "left" ? "end" : side === "right" ? "start" : "middle";
    const dx = side === "left" ? -4 : side === "right" ? 4 : 0;
    return (
      <text x={x + dx} y={y} textAnchor={anchor} fontSize={11} fill="#434343">
        {text}
      </text>
    );
  };
}

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
  // The value axis starts at 0 and ticks every 20%, so that bar lengths compare honestly.
  const step = top > 3 ? 1 : top > 1.6 ? 0.5 : 0.2;
  const ticks = Array.from({ length: Math.floor(top / step + 1e-9) + 1 }, (_, i) => i * step);
  const longest = Math.max(...data.map((d) => d.name.length), 2);
  const labelWidth = Math.min(120, longest * (language === "en" ? 7.5 : 14) + 8);
  const sameLine = Math.abs(schedule - 1) < 1e-9;
  const lineValues = sameLine ? [schedule] : [schedule, 1].sort((a, b) => a - b);

  return (
    // A figure, not an image: its bars are links a keyboard reaches (axe: nested-interactive).
    <figure
      className="comparison-chart"
      data-testid="comparison-chart"
      data-schedule={schedule}
      aria-label={t("comparison.chart")}
    >
      <div className="comparison-legend" data-testid="comparison-legend">
        <span>{t("standings.legend")}</span>
        <StatusLegend />
        {sameLine ? null : (
          <span className="legend-item">
            <span className="legend-line legend-line-full" aria-hidden />
            {t("comparison.fullLine")}
          </span>
        )}
        <span className="legend-item">
          <span className="legend-line legend-line-schedule" aria-hidden />
          {t("comparison.scheduleLine", { value: formatPercent(schedule) })}
        </span>
      </div>
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
            ticks={ticks}
            tickFormatter={(value: number) => `${Math.round(value * 100)}%`}
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
            <LabelList
              dataKey="label"
              content={(props) => {
                const { x, y, width, height, index } = props as {
                  x: number;
                  y: number;
                  width: number;
                  height: number;
                  index: number;
                };
                const datum = data[index];
                if (!datum) return null;
                // Pixels per unit of completion, from the bar itself (its start is 0%).
                const perUnit = datum.completion > 0 ? width / datum.completion : 0;
                const lines = perUnit > 0 ? lineValues.map((v) => x + v * perUnit) : [];
                const start = labelStart(x + width, datum.label.length * LABEL_CHAR_PX, lines);
                return (
                  <text
                    className="bar-label"
                    x={start}
                    y={y + height / 2}
                    dominantBaseline="central"
                    fontSize={11}
                    fill="#262626"
                  >
                    {datum.label}
                  </text>
                );
              }}
            />
          </Bar>
          {sameLine ? null : (
            <ReferenceLine
              x={1}
              className="ref-full"
              stroke="#595959"
              strokeWidth={1.5}
              label={lineCaption(t("comparison.fullLine"), "right")}
            />
          )}
          <ReferenceLine
            x={schedule}
            className="ref-schedule"
            stroke="#000000"
            strokeDasharray="6 3"
            strokeWidth={2}
            label={lineCaption(
              t("comparison.scheduleLine", { value: formatPercent(schedule) }),
              sameLine ? "middle" : "left",
            )}
          />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
