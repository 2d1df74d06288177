import type { TrendPoint } from "@jindu/api/schemas";
import { Line, LineChart, YAxis } from "recharts";
import { STATUS_STYLE, type StatusKey } from "@/config/status";
import { useElementWidth } from "@/hooks/use-element-width";

const HEIGHT = 48;

/** The year-to-date figure month by month (solid) against the target pace (dashed). */
export function Sparkline({ series, status }: { series: TrendPoint[]; status: StatusKey }) {
  const [ref, width] = useElementWidth<HTMLDivElement>();
  return (
    <div
      ref={ref}
      className="sparkline"
      style={{ height: HEIGHT }}
      data-testid="sparkline"
      data-points={series.length}
    >
      {width > 0 ? (
        <LineChart
          width={width}
          height={HEIGHT}
          data={series}
          margin={{ top: 4, right: 4, bottom: 4, left: 4 }}
        >
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
      ) : null}
    </div>
  );
}
