import type { Database } from "@jindu/db";
import { countStatuses, type ProgressLine, provinceOf, worstStatus } from "@jindu/domain";
import type {
  MatrixResponse,
  OverviewResponse,
  TrendPoint,
  TrendResponse,
} from "../schemas/index.js";
import { childrenOf, indicatorsOfYear } from "./catalogue-memory.js";
import { requireIndicator, requireRegion } from "./lookups.js";
import {
  laggingItems,
  monthlyTables,
  type PeriodQuery,
  progressTables,
  type RegionRef,
  refOf,
} from "./progress.js";
import { asksFor } from "./task-lists.js";

/** A region's line over the months: what the trend chart and the sparkline draw. */
function trendPoint(line: ProgressLine<RegionRef>, month: number, kind: string): TrendPoint {
  return {
    month,
    actual: line.actual,
    completion: line.completion,
    schedule: line.schedule,
    pace: kind === "cumulative" && line.target !== null ? line.target * line.schedule : line.target,
    status: line.status,
  };
}

/** Leadership's one screen: every indicator's line for the region, its children's statuses. */
export async function overviewOf(
  db: Database,
  q: PeriodQuery & { region: string; month: number },
): Promise<OverviewResponse> {
  const region = refOf(await requireRegion(db, q.region, "region"));
  const indicators = await indicatorsOfYear(db, provinceOf(region.code), q.year);
  const tables = await monthlyTables(db, region, indicators, { ...q, toMonth: q.month });
  const tiles = indicators.map((indicator) => {
    const months = tables.get(indicator.code) ?? [];
    const latest = months.at(-1);
    return {
      indicator,
      line: latest?.parent as ProgressLine<RegionRef>,
      series: months.map((t, i) => trendPoint(t.parent, i + 1, indicator.kind)),
      children: countStatuses(latest?.children.map((c) => c.status) ?? []),
    };
  });
  const childCount = tables.get(indicators[0]?.code ?? "")?.at(-1)?.children.length ?? 0;
  const worstOfChildren = Array.from({ length: childCount }, (_, i) =>
    worstStatus(
      tiles.map((tile) => tables.get(tile.indicator.code)?.at(-1)?.children[i]?.status ?? null),
    ),
  );
  return {
    region,
    year: q.year,
    month: q.month,
    tiles,
    regions: countStatuses(worstOfChildren),
    worst: laggingItems(indicators, tables).slice(0, 5),
  };
}

/** Regions × indicators: the status matrix. */
export async function matrixOf(
  db: Database,
  q: PeriodQuery & { parent: string; month: number },
): Promise<MatrixResponse> {
  const parent = refOf(await requireRegion(db, q.parent, "parent"));
  const [indicators, children] = await Promise.all([
    indicatorsOfYear(db, provinceOf(parent.code), q.year),
    childrenOf(db, parent.code),
  ]);
  const reading = asksFor(db, [parent.code, ...children.map((c) => c.code)], q.year);
  const [asks, tables] = await Promise.all([
    reading,
    progressTables(db, parent, indicators, q, { children, asks: reading }),
  ]);
  const first = tables.get(indicators[0]?.code ?? "");
  const rows = (first?.children ?? []).map((child, i) => ({
    region: child.region,
    cells: indicators.map((indicator) => {
      const line = tables.get(indicator.code)?.children[i];
      return {
        indicator: indicator.code,
        completion: line?.completion ?? null,
        lag: line?.lag ?? null,
        status: line?.status ?? null,
        assigned: asks(indicator.code, child.region.code),
      };
    }),
  }));
  return { parent, year: q.year, month: q.month, indicators, rows };
}

/** One region's year for one indicator, month by month, against the target pace. */
export async function trendOf(
  db: Database,
  q: PeriodQuery & { indicator: string; region: string },
): Promise<TrendResponse> {
  const [indicator, regionRow] = await Promise.all([
    requireIndicator(db, q.indicator, "indicator", q.region),
    requireRegion(db, q.region, "region"),
  ]);
  const region = refOf(regionRow);
  const months =
    (await monthlyTables(db, region, [indicator], { ...q, toMonth: 12 })).get(indicator.code) ?? [];
  const last = months.at(-1)?.parent;
  return {
    indicator,
    region,
    year: q.year,
    target: last?.target ?? null,
    dueMonth: last?.dueMonth ?? 12,
    schedulePace: last?.pace ?? "even",
    points: months.map((t, i) => trendPoint(t.parent, i + 1, indicator.kind)),
  };
}
