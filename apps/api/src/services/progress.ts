import {
  allIndicators,
  childRegions,
  type Database,
  type ProgressFigureRow,
  progressByChildren,
  type schema,
} from "@jindu/db";
import { measureFrom, type ProgressTable, progressTable, type RegionFigures } from "@jindu/domain";
import type { LaggingItem } from "../schemas/index.js";
import { requireIndicator, requireRegion } from "./lookups.js";

type RegionRef = {
  code: string;
  nameZh: string;
  nameEn: string;
  level: "province" | "city" | "county";
};
type IndicatorRow = typeof schema.indicators.$inferSelect;

async function regionRefs(db: Database, parentCode: string): Promise<Map<string, RegionRef>> {
  const rows = await childRegions(db, parentCode);
  return new Map(rows.map((r) => [r.code, r]));
}

function figuresOf(
  indicator: IndicatorRow,
  row: ProgressFigureRow,
  region: RegionRef,
): RegionFigures<RegionRef> {
  return {
    region,
    target: row.target,
    dueMonth: row.dueMonth,
    measure: measureFrom(indicator.kind, row),
    asOfMonth: row.asOfMonth,
  };
}

/** Progress tables of a parent region and its children for the given indicators (all when omitted). */
async function progressTables(
  db: Database,
  parent: RegionRef,
  indicators: IndicatorRow[],
  year: number,
  month: number,
): Promise<Map<string, ProgressTable<RegionRef>>> {
  const [rows, children] = await Promise.all([
    progressByChildren(db, {
      parentCode: parent.code,
      year,
      month,
      indicatorCodes: indicators.map((i) => i.code),
    }),
    regionRefs(db, parent.code),
  ]);
  const tables = new Map<string, ProgressTable<RegionRef>>();
  for (const indicator of indicators) {
    const mine = rows.filter((r) => r.indicatorCode === indicator.code);
    const parentRow = mine.find((r) => r.isParent);
    const parentFigures = parentRow
      ? figuresOf(indicator, parentRow, parent)
      : { region: parent, target: null, dueMonth: null, measure: null };
    const childFigures = mine
      .filter((r) => !r.isParent)
      .map((r) => figuresOf(indicator, r, children.get(r.regionCode) as RegionRef));
    tables.set(indicator.code, progressTable(indicator, parentFigures, childFigures, { month }));
  }
  return tables;
}

function refOf(region: RegionRef): RegionRef {
  return { code: region.code, nameZh: region.nameZh, nameEn: region.nameEn, level: region.level };
}

export async function progressOf(
  db: Database,
  q: { indicator: string; parent: string; year: number; month: number },
) {
  const [indicator, parent] = await Promise.all([
    requireIndicator(db, q.indicator, "indicator"),
    requireRegion(db, q.parent, "parent"),
  ]);
  const tables = await progressTables(db, refOf(parent), [indicator], q.year, q.month);
  const table = tables.get(indicator.code) as ProgressTable<RegionRef>;
  return { indicator, year: q.year, month: q.month, ...table };
}

/** Every child region behind schedule on any indicator, worst lag first. */
export async function laggingOf(db: Database, q: { parent: string; year: number; month: number }) {
  const parent = refOf(await requireRegion(db, q.parent, "parent"));
  const indicators = await allIndicators(db);
  const tables = await progressTables(db, parent, indicators, q.year, q.month);
  const items: LaggingItem[] = [];
  for (const indicator of indicators) {
    const table = tables.get(indicator.code);
    for (const line of table?.children ?? []) {
      if (line.lag !== null && line.lag < 0 && line.status !== "completed") {
        const { code, nameZh, nameEn, unitZh, unitEn, kind } = indicator;
        items.push({ indicator: { code, nameZh, nameEn, unitZh, unitEn, kind }, line });
      }
    }
  }
  items.sort((a, b) => (a.line.lag as number) - (b.line.lag as number));
  return { year: q.year, month: q.month, parent, items };
}
