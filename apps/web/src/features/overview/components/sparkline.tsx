import type { TrendPoint } from "@jindu/api/schemas";
import { Line, LineChart, ResponsiveContainer, YAxis } from "recharts";
import { STATUS_STYLE, type StatusKey } from "@/config/status";

/** The year-to-date figure month by month (solid) against the target pace (dashed). */
export function Sparkline({ series, status }: { series: TrendPoint[]; status: StatusKey }) {
  return (
    <div className="sparkline" data-testid="sparkline" data-points={series.length}>
      <ResponsiveContainer width="100%" height={48}>
        <LineChart data={series} margin={{ top: 4, right: 4, bottom: 4, left: 4 }}>
          <YAxis hide domain={[0, "auto"]} />
          <Line
            type="monotone"
            dataKey="pace"
            stroke="#8c8c8c"
            strokeDasharray="3 3"
            dot={false}
            isAnimationActive={false}
          />
          <Line
            type="monotone"
            dataKey="actual"
            stroke={STATUS_STYLE[status].color}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
