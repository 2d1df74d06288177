import { allIndicators, type Database, plansCovering } from "@jindu/db";
import { planProgress, provinceOf, statusOf } from "@jindu/domain";
import type { PlanProgressResponse } from "../schemas/index.js";
import { requireRegion } from "./lookups.js";
import { type PeriodQuery, progressTables, refOf } from "./progress.js";

/**
 * Progress of the multi-year plans (十四五) of a region and of its children that cover the year:
 * each finished year counts with its year-end figure, the current year with its figure up to the
 * month, read from the same progress tables the dashboards draw; the pace is the domain's
 * planProgress, held to the current year's schedule progress of the yearly target.
 */
export async function planProgressOf(
  db: Database,
  q: PeriodQuery & { region: string; month: number },
): Promise<PlanProgressResponse> {
  const region = refOf(await requireRegion(db, q.region, "region"));
  const plans = await plansCovering(db, { region: region.code, year: q.year });
  const empty = { region, year: q.year, month: q.month, plans: [] };
  if (plans.length === 0) return empty;
  const codes = new Set(plans.map((p) => p.indicatorCode));
  const indicators = (await allIndicators(db, { province: provinceOf(region.code) })).filter((i) =>
    codes.has(i.code),
  );
  const firstYear = Math.min(...plans.map((p) => p.fromYear));
  const years = Array.from({ length: q.year - firstYear + 1 }, (_, i) => firstYear + i);
  // One table per year: December of the finished ones, the month asked for of the current one.
  const tables = await Promise.all(
    years.map((year) =>
      progressTables(db, region, indicators, {
        ...q,
        year,
        month: year === q.year ? q.month : 12,
      }),
    ),
  );
  const lineOf = (year: number, indicator: string, regionCode: string) => {
    const table = tables[year - firstYear]?.get(indicator);
    if (!table) return undefined;
    if (table.parent.region.code === regionCode) return table.parent;
    return table.children.find((c) => c.region.code === regionCode);
  };
  const items = plans.flatMap((plan) => {
    const indicator = indicators.find((i) => i.code === plan.indicatorCode);
    const current = lineOf(q.year, plan.indicatorCode, plan.regionCode);
    if (!indicator || !current) return [];
    const achieved = new Map<number, number>();
    for (let year = plan.fromYear; year <= q.year; year++) {
      achieved.set(year, lineOf(year, plan.indicatorCode, plan.regionCode)?.actual ?? 0);
    }
    const progress = planProgress({
      fromYear: plan.fromYear,
      yearValues: plan.yearValues,
      achieved,
      asOf: { year: q.year, month: q.month },
      yearSchedule: current.schedule,
    });
    const { code, nameZh, nameEn, unitZh, unitEn, kind } = indicator;
    return [
      {
        indicator: { code, nameZh, nameEn, unitZh, unitEn, kind },
        region: current.region,
        fromYear: plan.fromYear,
        toYear: plan.toYear,
        ...progress,
        status: statusOf(progress.completion, progress.lag),
        years: plan.yearValues.map((planned, i) => ({
          year: plan.fromYear + i,
          planned,
          achieved: achieved.get(plan.fromYear + i) ?? null,
        })),
      },
    ];
  });
  return { ...empty, plans: items };
}
