import { useTranslation } from "react-i18next";
import { Cell, Label, Pie, PieChart, ResponsiveContainer, Tooltip } from "recharts";
import { formatPercent } from "@/utils/format";
import type { CompletenessResponse } from "../api/get-completeness";
import { TIMELINESS_KEY, TIMELINESS_ORDER, TIMELINESS_STYLE } from "./timeliness";
import "@/features/completeness/locales";

/** On time, late and missing as a donut, the reporting rate written in the middle. */
export function TimelinessDonut({ summary }: { summary: CompletenessResponse["summary"] }) {
  const { t } = useTranslation();
  const counts = {
    on_time: summary.onTime,
    late: summary.late,
    missing: summary.missing,
    // Regions in a month their province's calendar does not ask for.
    not_due: summary.total - summary.onTime - summary.late - summary.missing,
  };
  const data = TIMELINESS_ORDER.filter((key) => counts[key] > 0).map((key) => ({
    key,
    name: t(`completeness.${TIMELINESS_KEY[key]}`),
    value: counts[key],
  }));
  const rate = formatPercent(summary.reportingRate);
  return (
    <div
      className="completeness-donut"
      data-testid="completeness-chart"
      role="img"
      aria-label={`${t("completeness.chart")}: ${data.map((d) => `${d.name} ${d.value}`).join(", ")}`}
    >
      <ResponsiveContainer width="100%" height={220}>
        <PieChart>
          <Pie
            data={data}
            dataKey="value"
            nameKey="name"
            innerRadius="58%"
            outerRadius="88%"
            startAngle={90}
            endAngle={-270}
            paddingAngle={data.length > 1 ? 2 : 0}
            isAnimationActive={false}
          >
            {data.map((d) => (
              <Cell key={d.key} fill={TIMELINESS_STYLE[d.key].color} />
            ))}
            <Label
              position="center"
              content={({ viewBox }) => {
                const box = viewBox as { cx?: number; cy?: number } | undefined;
                const cx = box?.cx ?? 0;
                const cy = box?.cy ?? 0;
                return (
                  <text x={cx} y={cy} textAnchor="middle" dominantBaseline="central">
                    <tspan x={cx} dy="-0.4em" className="completeness-donut-rate">
                      {rate}
                    </tspan>
                    <tspan x={cx} dy="1.6em" className="completeness-donut-label">
                      {t("completeness.reportingRate")}
                    </tspan>
                  </text>
                );
              }}
            />
          </Pie>
          <Tooltip />
        </PieChart>
      </ResponsiveContainer>
      <ul className="completeness-legend">
        {TIMELINESS_ORDER.map((key) => (
          <li key={key}>
            <span
              className="completeness-legend-swatch"
              style={{ background: TIMELINESS_STYLE[key].color }}
              aria-hidden
            />
            {t(`completeness.${TIMELINESS_KEY[key]}`)} {counts[key]}
          </li>
        ))}
      </ul>
    </div>
  );
}
