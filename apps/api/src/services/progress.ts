import {
  type Database,
  type MonthlyFigureRow,
  monthlyFiguresByChildren,
  type ProgressFigureRow,
  progressByChildren,
  progressOfRegions,
  type schema,
  targetsByChildren,
} from "@jindu/db";
import {
  behindStreak,
  filterLagging,
  groupBy,
  isBehind,
  type LaggingFilter,
  type Measure,
  measureFrom,
  type ProgressTable,
  progressTable,
  provinceOf,
  type RegionFigures,
  type SeasonalProfile,
  withinScope,
} from "@jindu/domain";
import { ancestryOf } from "../plugins/app/auth.js";
import type { LaggingItem, Quality, Standing } from "../schemas/index.js";
import { childrenOf, indicatorsOfYear, provinceProfilesFor } from "./catalogue-memory.js";
import { requireIndicator, requireRegion } from "./lookups.js";
import { rememberedAsOfMonth } from "./region-memory.js";
import { previousMonth, qualityOf, standingsOf } from "./standings.js";
import { type Asks, asksFor } from "./task-lists.js";

export type RegionRef = {
  code: string;
  nameZh: string;
  nameEn: string;
  level: "province" | "city" | "county";
};
export type IndicatorRow = typeof schema.indicators.$inferSelect;
type Table = ProgressTable<RegionRef>;

/** The year asked for, and whether figures awaiting approval count. */
export interface PeriodQuery {
  year: number;
  include?: "submitted" | undefined;
  /**
   * The caller's own region (null: the whole country). Figures awaiting approval are its own
   * business: `include=submitted` counts them only within it, never a peer's (issue 12, F10).
   */
  viewerScope: string | null;
}

/**
 * The regions of a parent's table whose submitted figures count: all of them (undefined) when
 * the parent is within the caller's own region, else at most the caller's own region among the
 * children, else none.
 */
async function submittedRegions(
  db: Database,
  parent: RegionRef,
  children: readonly { code: string }[],
  q: PeriodQuery,
): Promise<readonly string[] | undefined> {
  if (q.include !== "submitted") return [];
  const scope = q.viewerScope;
  if (scope === null || withinScope(scope, await ancestryOf(db, parent.code))) return undefined;
  return children.some((c) => c.code === scope) ? [scope] : [];
}

export function refOf(region: RegionRef): RegionRef {
  return { code: region.code, nameZh: region.nameZh, nameEn: region.nameEn, level: region.level };
}

/** A region its province's task list does not ask for the indicator: no target, no figure. */
function notAsked(region: RegionRef): RegionFigures<RegionRef> {
  return {
    region,
    regionCode: region.code,
    target: null,
    dueMonth: null,
    measure: null,
    asOfMonth: null,
    provisional: false,
  };
}

/** An indicator with its provinces' own profiles, as the domain's heldPace reads them. */
export type IndicatorWithProfiles = IndicatorRow & {
  provinceProfiles: ReadonlyMap<string, SeasonalProfile>;
};

/**
 * The indicators of a table with the province's own seasonal profiles attached, read in one query
 * beside the figures. A table lies within one province (its parent's), so only that province's
 * profiles can apply to any of its lines.
 */
export async function withProvinceProfiles(
  db: Database,
  parentCode: string,
  indicators: IndicatorRow[],
): Promise<IndicatorWithProfiles[]> {
  const rows = await provinceProfilesFor(db, {
    provinces: [provinceOf(parentCode)],
    indicatorCodes: indicators.map((i) => i.code),
  });
  return indicators.map((indicator) => ({
    ...indicator,
    provinceProfiles: new Map(
      rows.filter((r) => r.indicatorCode === indicator.code).map((r) => [r.regionCode, r.profile]),
    ),
  }));
}

function figuresOf(
  indicator: IndicatorRow,
  row: ProgressFigureRow,
  region: RegionRef,
  asks: Asks,
): RegionFigures<RegionRef> {
  if (!asks(indicator.code, region.code)) return notAsked(region);
  return {
    region,
    regionCode: region.code,
    linear: row.linear,
    target: row.target,
    dueMonth: row.dueMonth,
    measure: measureFrom(indicator.kind, row),
    asOfMonth: row.asOfMonth,
    provisional: row.provisional,
  };
}

/** What a caller has read already, so that the tables need not read it again. */
export interface KnownInputs {
  children?: RegionRef[];
  /** Which the caller may still be reading: the tables wait for it beside their own reads. */
  asks?: Asks | Promise<Asks>;
}

/** What the task list asks of the parent and its children: the caller's, or read. */
async function asksOf(
  db: Database,
  parent: RegionRef,
  children: readonly RegionRef[],
  year: number,
  known: KnownInputs,
): Promise<Asks> {
  return (
    (await known.asks) ?? (await asksFor(db, [parent.code, ...children.map((c) => c.code)], year))
  );
}

/**
 * The progress rows of a parent and its children, by region. Approved figures only are each
 * region's own, as of the month: those are kept per region until a change to that month or an
 * earlier one (region-memory), so that the first read after an approval reads that region's rows
 * of this month again rather than the whole table, and last month's (the standings) not at all.
 * With submitted figures counted, the table is read as it is.
 */
async function progressRowsOf(
  db: Database,
  parent: RegionRef,
  children: readonly RegionRef[],
  indicators: readonly IndicatorRow[],
  q: PeriodQuery & { month: number },
): Promise<Map<string, readonly ProgressFigureRow[]>> {
  const { year, month } = q;
  const indicatorCodes = indicators.map((i) => i.code);
  const regionCodes = [parent.code, ...children.map((c) => c.code)];
  const submitted = await submittedRegions(db, parent, children, q);
  if (submitted === undefined || submitted.length > 0) {
    const rows = await progressByChildren(db, {
      parentCode: parent.code,
      year,
      month,
      indicatorCodes,
      includeSubmitted: true,
      submittedRegions: submitted,
    });
    return groupBy(rows, (row) => row.regionCode);
  }
  return rememberedAsOfMonth(
    db,
    `progress|${indicatorCodes.join(",")}`,
    { year, month },
    regionCodes,
    async (missing) => {
      const rows = await progressOfRegions(db, {
        regionCodes: missing,
        year,
        month,
        indicatorCodes,
      });
      const byRegion = groupBy(rows, (row) => row.regionCode);
      // Every region asked for has an answer, if only an empty one (no such indicator).
      return new Map(missing.map((code) => [code, byRegion.get(code) ?? []]));
    },
    (rows) => Math.max(1, rows.length),
  );
}

/** Progress tables of a parent and its children at one month, one per indicator. */
export async function progressTables(
  db: Database,
  parent: RegionRef,
  indicators: IndicatorRow[],
  q: PeriodQuery & { month: number },
  known: KnownInputs = {},
): Promise<Map<string, Table>> {
  const { year, month } = q;
  const children = known.children ?? (await childrenOf(db, parent.code));
  const [asks, rows, rules] = await Promise.all([
    asksOf(db, parent, children, year, known),
    progressRowsOf(db, parent, children, indicators, q),
    withProvinceProfiles(db, parent.code, indicators),
  ]);
  const rowOf = (region: string, indicator: string) =>
    rows.get(region)?.find((row) => row.indicatorCode === indicator);
  const tables = new Map<string, Table>();
  for (const indicator of rules) {
    const parentRow = rowOf(parent.code, indicator.code);
    const parentFigures = parentRow
      ? figuresOf(indicator, parentRow, parent, asks)
      : notAsked(parent);
    const childFigures = children.flatMap((child) => {
      const row = rowOf(child.code, indicator.code);
      return row ? [figuresOf(indicator, row, child, asks)] : [];
    });
    tables.set(indicator.code, progressTable(indicator, parentFigures, childFigures, { month }));
  }
  return tables;
}

/**
 * Progress tables for every month 1..toMonth (index 0 is January), one list per indicator.
 * A month without a new report carries the region's latest earlier figure forward.
 */
export async function monthlyTables(
  db: Database,
  parent: RegionRef,
  indicators: IndicatorRow[],
  q: PeriodQuery & { toMonth: number },
  known: KnownInputs = {},
): Promise<Map<string, Table[]>> {
  const { year, toMonth } = q;
  const query = { parentCode: parent.code, year, indicatorCodes: indicators.map((i) => i.code) };
  const children = known.children ?? (await childrenOf(db, parent.code));
  const [figures, targets, asks, rules] = await Promise.all([
    monthlyFiguresByChildren(db, {
      ...query,
      toMonth,
      includeSubmitted: q.include === "submitted",
      submittedRegions: await submittedRegions(db, parent, children, q),
    }),
    targetsByChildren(db, query),
    asksOf(db, parent, children, year, known),
    withProvinceProfiles(db, parent.code, indicators),
  ]);
  const key = (indicator: string, region: string) => `${indicator}|${region}`;
  const targetOf = new Map(targets.map((t) => [key(t.indicatorCode, t.regionCode), t]));
  // Each series' figure as of every month (index m − 1), built in one pass over its rows (in
  // month order): a lookup per region, indicator and month filtered the series each time, and a
  // province's year of tables made hundreds of thousands of short-lived arrays.
  const asOfMonth = new Map<string, (MonthlyFigureRow | undefined)[]>();
  for (const [k, rows] of groupBy(figures, (row) => key(row.indicatorCode, row.regionCode))) {
    const months: (MonthlyFigureRow | undefined)[] = new Array(toMonth).fill(undefined);
    let at = 0;
    let latest: MonthlyFigureRow | undefined;
    for (let month = 1; month <= toMonth; month++) {
      while (at < rows.length && (rows[at] as MonthlyFigureRow).month <= month) latest = rows[at++];
      months[month - 1] = latest;
    }
    asOfMonth.set(k, months);
  }
  const regionFigures = (indicator: IndicatorRow, region: RegionRef, month: number) => {
    if (!asks(indicator.code, region.code)) return notAsked(region);
    const k = key(indicator.code, region.code);
    const target = targetOf.get(k);
    const latest = asOfMonth.get(k)?.[month - 1];
    const measure: Measure | null = latest ? measureFrom(indicator.kind, latest) : null;
    return {
      region,
      regionCode: region.code,
      linear: target?.linear ?? null,
      target: target?.target ?? null,
      dueMonth: target?.dueMonth ?? null,
      measure,
      asOfMonth: latest?.month ?? null,
      provisional: latest?.provisional ?? false,
    };
  };
  const tables = new Map<string, Table[]>();
  for (const indicator of rules) {
    const months: Table[] = [];
    for (let month = 1; month <= toMonth; month++) {
      months.push(
        progressTable(
          indicator,
          regionFigures(indicator, parent, month),
          children.map((c) => regionFigures(indicator, c, month)),
          { month },
        ),
      );
    }
    tables.set(indicator.code, months);
  }
  return tables;
}

export async function progressOf(
  db: Database,
  q: PeriodQuery & { indicator: string; parent: string; month: number },
) {
  const [indicator, parent] = await Promise.all([
    requireIndicator(db, q.indicator, "indicator", q.parent),
    requireRegion(db, q.parent, "parent"),
  ]);
  const previous = previousMonth(q.year, q.month);
  const children = await childrenOf(db, parent.code);
  // The quality read is the largest of the three; none waits for another.
  const [tables, before, quality] = await Promise.all([
    progressTables(db, refOf(parent), [indicator], q, { children }),
    progressTables(db, refOf(parent), [indicator], { ...q, ...previous }, { children }),
    qualityOf(db, { regionCodes: children.map((c) => c.code), year: q.year, month: q.month }),
  ]);
  const table = tables.get(indicator.code) as Table;
  const { lines, fast, slow } = standingsOf(table, before.get(indicator.code));
  return {
    indicator,
    year: q.year,
    month: q.month,
    previous,
    parent: table.parent,
    children: table.children.map((line, i) => ({
      ...line,
      standing: lines[i] as Standing,
      quality: quality.get(line.region.code) as Quality,
    })),
    fast,
    slow,
  };
}

/**
 * Each indicator's table at the month before the last of `monthly` (tables for months 1..m of
 * one year): the month before from `monthly`, or for January December of the year before.
 */
export async function previousTables(
  db: Database,
  parent: RegionRef,
  indicators: IndicatorRow[],
  q: PeriodQuery & { month: number },
  monthly: Map<string, Table[]>,
  known: KnownInputs = {},
): Promise<Map<string, Table | undefined>> {
  if (q.month > 1) {
    return new Map(indicators.map((i) => [i.code, monthly.get(i.code)?.[q.month - 2]]));
  }
  // January's month before is last December: another year, so another task list.
  const before = { ...q, ...previousMonth(q.year, q.month) };
  return progressTables(db, parent, indicators, before, { children: known.children });
}

/** What the lagging items carry beyond their line: standings and data quality. */
export interface LaggingExtras {
  previous: Map<string, Table | undefined>;
  quality: Map<string, Quality>;
}

/** Lagging items of the children at the last month of the tables, with their streaks. */
export function laggingItems(
  indicators: IndicatorRow[],
  tables: Map<string, Table[]>,
  extras?: LaggingExtras,
): LaggingItem[] {
  const items: LaggingItem[] = [];
  for (const indicator of indicators) {
    const months = tables.get(indicator.code) ?? [];
    const latest = months.at(-1);
    const standing =
      latest && extras ? standingsOf(latest, extras.previous.get(indicator.code)) : null;
    latest?.children.forEach((line, i) => {
      if (!isBehind(line.status)) return;
      const history = months.map((t) => t.children[i]?.status ?? null);
      const { code, nameZh, nameEn, unitZh, unitEn, kind } = indicator;
      const quality = extras?.quality.get(line.region.code);
      items.push({
        indicator: { code, nameZh, nameEn, unitZh, unitEn, kind },
        line,
        monthsBehind: behindStreak(history),
        ...(standing?.lines[i] ? { standing: standing.lines[i] } : {}),
        ...(quality ? { quality } : {}),
      });
    });
  }
  return items.sort((a, b) => (a.line.lag as number) - (b.line.lag as number));
}

/** Every child region behind schedule on any indicator, worst lag first. */
export async function laggingOf(
  db: Database,
  q: PeriodQuery & { parent: string; month: number } & LaggingFilter,
) {
  const parent = refOf(await requireRegion(db, q.parent, "parent"));
  const [indicators, children] = await Promise.all([
    indicatorsOfYear(db, provinceOf(parent.code), q.year),
    childrenOf(db, parent.code),
  ]);
  // Quality does not wait for the tables: on a first read after a change both are read afresh.
  const [tables, quality] = await Promise.all([
    monthlyTables(db, parent, indicators, { ...q, toMonth: q.month }, { children }),
    qualityOf(db, { regionCodes: children.map((c) => c.code), year: q.year, month: q.month }),
  ]);
  const previous = await previousTables(db, parent, indicators, q, tables, { children });
  const items = filterLagging(laggingItems(indicators, tables, { previous, quality }), {
    indicator: q.indicator,
    region: q.region,
    status: q.status,
  });
  return { year: q.year, month: q.month, parent, items };
}
