import type { TrendPoint } from "@jindu/api/schemas";
import { STATUS_STYLE, type StatusKey } from "@/config/status";

/** The drawing's own units: the SVG stretches them to the tile's width (no measuring). */
const WIDTH = 240;
const HEIGHT = 48;
const PAD = 4;

type Key = "actual" | "pace";

/** The pace first (grey, dashed), the figure over it in the status's colour. */
const LINES: { key: Key; stroke?: string; strokeWidth?: number; strokeDasharray?: string }[] = [
  { key: "pace", stroke: "#8c8c8c", strokeDasharray: "3 3" },
  { key: "actual", strokeWidth: 2 },
];

/**
 * The runs of months with a figure, as polyline points: a month without one (not yet reported)
 * breaks the line rather than drawing it down to zero.
 */
function sparklineRuns(series: TrendPoint[], key: Key, top: number): string[] {
  const runs: string[][] = [];
  let run: string[] | undefined;
  const step = series.length > 1 ? (WIDTH - 2 * PAD) / (series.length - 1) : 0;
  series.forEach((point, i) => {
    const value = point[key];
    if (value === null || !Number.isFinite(value)) {
      run = undefined;
      return;
    }
    const x = PAD + i * step;
    const y = HEIGHT - PAD - (top > 0 ? (Math.max(0, value) / top) * (HEIGHT - 2 * PAD) : 0);
    if (!run) {
      run = [];
      runs.push(run);
    }
    run.push(`${x.toFixed(1)},${y.toFixed(1)}`);
  });
  return runs.map((points) => points.join(" "));
}

/**
 * The year-to-date figure month by month (solid) against the target pace (dashed), from zero
 * to the larger of the two. Drawn as plain SVG rather than a chart library's line chart: a
 * dashboard shows one per indicator, and twenty charts that each measure their container made
 * the overview's first render several times slower, for two lines without axes or tooltips.
 */
export function Sparkline({ series, status }: { series: TrendPoint[]; status: StatusKey }) {
  const top = Math.max(0, ...series.flatMap((point) => [point.actual ?? 0, point.pace ?? 0]));
  const line = (key: Key) => sparklineRuns(series, key, Number.isFinite(top) ? top : 0);
  return (
    <div className="sparkline" data-testid="sparkline" data-points={series.length}>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        preserveAspectRatio="none"
        width="100%"
        height={HEIGHT}
        aria-hidden
      >
        {LINES.map(({ key, ...look }) =>
          line(key).map((points) => (
            <polyline
              key={`${key} ${points}`}
              className={`sparkline-${key}`}
              points={points}
              fill="none"
              stroke={look.stroke ?? STATUS_STYLE[status].color}
              strokeWidth={look.strokeWidth}
              strokeDasharray={look.strokeDasharray}
              strokeLinejoin="round"
              vectorEffect="non-scaling-stroke"
            />
          )),
        )}
      </svg>
    </div>
  );
}
