import { type Database, listSupervision } from "@jindu/db";
import { type MoverLine, type MoverTable, movers, provinceOf } from "@jindu/domain";
import type { MoversResponse } from "../schemas/index.js";
import { indicatorsOfYear } from "./catalogue-memory.js";
import { requireRegion } from "./lookups.js";
import { monthlyTables, type PeriodQuery, type RegionRef, refOf } from "./progress.js";

const lineOf = (l: {
  status: MoverLine["status"];
  completion: number | null;
  lag: number | null;
}) => ({ status: l.status, completion: l.completion, lag: l.lag }) satisfies MoverLine;

/**
 * What changed under a region since last month (本月变动), for leadership's overview: the
 * largest rank gains and falls, lines newly red or back on schedule, supervision opened in the
 * month. January is compared with December of the year before.
 */
export async function moversOf(
  db: Database,
  q: PeriodQuery & { region: string; month: number },
): Promise<MoversResponse> {
  const region = refOf(await requireRegion(db, q.region, "region"));
  const previous =
    q.month > 1 ? { year: q.year, month: q.month - 1 } : { year: q.year - 1, month: 12 };
  const indicators = await indicatorsOfYear(db, provinceOf(region.code), q.year);
  const now = await monthlyTables(db, region, indicators, { ...q, toMonth: q.month });
  const before =
    previous.year === q.year
      ? now
      : await monthlyTables(
          db,
          region,
          await indicatorsOfYear(db, provinceOf(region.code), previous.year),
          { ...q, year: previous.year, toMonth: 12 },
        );
  const tables: MoverTable<RegionRef>[] = [];
  for (const indicator of indicators) {
    const current = now.get(indicator.code)?.[q.month - 1];
    if (!current) continue;
    const earlier = new Map(
      (before.get(indicator.code)?.[previous.month - 1]?.children ?? []).map((c) => [
        c.region.code,
        lineOf(c),
      ]),
    );
    tables.push({
      indicator: indicator.code,
      regions: current.children.map((c) => c.region),
      now: current.children.map(lineOf),
      before: current.children.map((c) => earlier.get(c.region.code) ?? null),
    });
  }
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const named = <T extends { indicator: string }>(items: T[]) =>
    items.flatMap((item) => {
      const indicator = byCode.get(item.indicator);
      return indicator ? [{ ...item, indicator }] : [];
    });
  const result = movers(tables);
  const monthPrefix = `${q.year}-${String(q.month).padStart(2, "0")}-`;
  const opened = (await listSupervision(db, { region: region.code, status: "all" }))
    .filter((row) => row.record.heldOn.startsWith(monthPrefix))
    .map((row) => ({
      id: row.record.id,
      region: refOf(row.region),
      kind: row.record.kind,
      heldOn: row.record.heldOn,
    }));
  return {
    region,
    year: q.year,
    month: q.month,
    previous,
    gains: named(result.gains),
    falls: named(result.falls),
    turnedRed: named(result.turnedRed),
    recovered: named(result.recovered),
    newSupervision: opened,
  };
}
