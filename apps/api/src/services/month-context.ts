import {
  type ApprovedHistoryRow,
  allIndicators,
  approvedHistoryAndCatalogueVersion,
  type Database,
  databaseItself,
  type MonthForm,
  type MonthKey,
  type ReportingSettings,
  readTogether,
  settingsOfRegion,
  targetsOfProvince,
  targetsOfRegions,
  taskListItems,
} from "@jindu/db";
import {
  groupBy,
  incrementsOf,
  type MonthLine,
  provinceOf,
  type ReportingCalendar,
  type TaskList,
  taskApplies,
  taskListOf,
} from "@jindu/domain";
import { calendarOf } from "./calendar.js";
import type { IndicatorRow } from "./progress.js";

export type Figures = {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
};
export const noFigures: Figures = { value: null, numerator: null, denominator: null };

/**
 * What a region's month is checked against beyond its own figures: the indicators, the year's
 * targets, last month's approved figures, the usual increments and the province's settings.
 * The form's API and the imports build it the same way (one region, or a whole file at once).
 */
export interface MonthContext {
  /** The indicators the region is asked for this year (its province's task list decides). */
  indicators: Map<string, IndicatorRow>;
  /** Indicators of the province's year that this region does not carry: not asked, not missing. */
  unassigned: Set<string>;
  /** Whether the province has a task list for the year (then every listed line is asked). */
  listed: boolean;
  targets: Map<string, { value: number; dueMonth: number }>;
  previous: Map<string, Figures>;
  increments: Map<string, number[]>;
  allowPartial: boolean;
  /** The province's reporting calendar (deadline, grace, months that owe no report). */
  calendar: ReportingCalendar;
}

/** The indicators a region is asked for and those it is not (see MonthContext). */
interface Asked {
  indicators: Map<string, IndicatorRow>;
  unassigned: Set<string>;
}

/**
 * What each region is asked for: regions asked for the same indicators share one answer (never
 * changed once made), so an import's thousands of regions do not each build their own.
 */
function askedOf(catalogue: Map<string, IndicatorRow>, list: TaskList) {
  const shared = new Map<string, Asked>();
  return (region: string): Asked => {
    let key = "";
    for (const code of catalogue.keys()) key += taskApplies(list, code, region) ? "1" : "0";
    let asked = shared.get(key);
    if (!asked) {
      asked = { indicators: new Map(), unassigned: new Set() };
      for (const [code, row] of catalogue) {
        if (taskApplies(list, code, region)) asked.indicators.set(code, row);
        else asked.unassigned.add(code);
      }
      shared.set(key, asked);
    }
    return asked;
  };
}

function contextOf(
  { indicators, unassigned }: Asked,
  list: TaskList,
  targets: { indicatorCode: string; value: number; dueMonth: number }[],
  history: ApprovedHistoryRow[],
  year: number,
  settings: ReportingSettings,
  calendar: ReportingCalendar,
): MonthContext {
  const previous = new Map<string, Figures>();
  const ytdByYear = new Map<string, number[]>();
  // History comes in month order: the last approved month of this year is "previous".
  for (const row of history) {
    if (row.year === year) previous.set(row.indicatorCode, row);
    if (row.value !== null) {
      const k = `${row.indicatorCode}|${row.year}`;
      const ytds = ytdByYear.get(k);
      if (ytds) ytds.push(row.value);
      else ytdByYear.set(k, [row.value]);
    }
  }
  const increments = new Map<string, number[]>();
  for (const [k, ytds] of ytdByYear) {
    const code = k.split("|")[0] as string;
    increments.set(code, [...(increments.get(code) ?? []), ...incrementsOf(ytds)]);
  }
  return {
    indicators,
    unassigned,
    listed: list !== null,
    targets: new Map(
      targets.filter((t) => indicators.has(t.indicatorCode)).map((t) => [t.indicatorCode, t]),
    ),
    previous,
    increments,
    allowPartial: settings.allowPartialMonths,
    calendar,
  };
}

/** What a month is checked against besides figures: it changes only with the catalogue. */
interface CatalogueReads {
  indicators: IndicatorRow[];
  list: Awaited<ReturnType<typeof taskListItems>>;
  targets: { regionCode: string; indicatorCode: string; value: number; dueMonth: number }[];
  settings: ReportingSettings;
}

/**
 * Catalogue reads kept per database under its catalogue version (raised in the transaction of
 * any change to indicators, task lists, targets, settings or regions): at month end a bureau's
 * save reads only its own figures. What a province shares (its indicators and task list, its
 * settings) is kept once for all its regions, and so are its targets: read for the whole
 * province the first time one of its regions asks (the first save of each of a province's 3,000
 * bureaus in a burst read all four again, inside its transaction). Bounded: each part is
 * emptied when full.
 */
interface CatalogueMemory {
  version: number;
  shared: Map<string, Pick<CatalogueReads, "indicators" | "list">>;
  settings: Map<string, ReportingSettings>;
  /** A province's year: its regions' targets (a region without any has none here). */
  targets: Map<string, Map<string, CatalogueReads["targets"]>>;
}
const remembered = new WeakMap<object, CatalogueMemory>();
const MAX_REMEMBERED = 2_000;
/** An import's thousands of regions: their targets are read, not kept (one file, one read). */
const MAX_REGIONS_REMEMBERED = 50;

/** `value` kept under `key` in `map`, which is emptied when it holds `max` already. */
function keep<T>(map: Map<string, T>, key: string, value: T, max: number): void {
  if (map.size >= max) map.clear();
  map.set(key, value);
}

async function catalogueReads(
  db: Database,
  version: number,
  q: { regionCodes: readonly string[]; year: number; settingsRegion: string; province: string },
): Promise<CatalogueReads> {
  const itself = databaseItself(db);
  let memory = itself ? remembered.get(itself) : undefined;
  if (itself && memory?.version !== version) {
    memory = { version, shared: new Map(), settings: new Map(), targets: new Map() };
    remembered.set(itself, memory);
  }
  const sharedKey = `${q.province}|${q.year}`;
  const shared = memory?.shared.get(sharedKey);
  // Settings are the province's (settingsOfRegion walks up to it).
  const settingsKept = memory?.settings.get(q.province);
  const keepTargets = memory !== undefined && q.regionCodes.length <= MAX_REGIONS_REMEMBERED;
  // Taken now: another request may empty the memory while this one reads.
  const provinceTargets = keepTargets ? memory?.targets.get(sharedKey) : undefined;
  const [indicators, list, read, settings] = await readTogether(
    db,
    async () =>
      shared ? shared.indicators : allIndicators(db, { province: q.province, year: q.year }),
    // A kept list may be null (the province has none this year): kept all the same, not read again.
    async () => (shared ? shared.list : taskListItems(db, q.province, q.year)),
    async () =>
      provinceTargets
        ? []
        : keepTargets
          ? targetsOfProvince(db, q.province, q.year)
          : targetsOfRegions(db, q.regionCodes, q.year),
    async () => settingsKept ?? settingsOfRegion(db, q.settingsRegion),
  );
  if (memory && !shared) keep(memory.shared, sharedKey, { indicators, list }, MAX_REMEMBERED);
  if (memory && !settingsKept) keep(memory.settings, q.province, settings, MAX_REMEMBERED);
  if (!keepTargets) return { indicators, list, targets: read, settings };
  let byRegion = provinceTargets;
  if (!byRegion) {
    byRegion = groupBy(read, (t) => t.regionCode);
    if (memory) keep(memory.targets, sharedKey, byRegion, MAX_REMEMBERED);
  }
  const kept = byRegion;
  const targets = q.regionCodes.flatMap((r) => kept.get(r) ?? []);
  return { indicators, list, targets, settings };
}

/**
 * The contexts of several regions' month: one round trip for their figures (and the catalogue's
 * version), and the catalogue reads from memory when nothing in it changed since. The regions
 * share a province (an import's regions are the children of one parent): `settingsRegion` names
 * where to read its settings.
 */
export async function monthContexts(
  db: Database,
  q: { regionCodes: readonly string[]; year: number; month: number; settingsRegion: string },
): Promise<Map<string, MonthContext>> {
  if (q.regionCodes.length === 0) return new Map();
  return (await contextsAndForm(db, q)).contexts;
}

async function contextsAndForm(
  db: Database,
  q: { regionCodes: readonly string[]; year: number; month: number; settingsRegion: string },
  form?: MonthKey,
): Promise<{ contexts: Map<string, MonthContext>; form?: MonthForm | undefined }> {
  // The settings region's province: every region of one call is in it (a parent and its children).
  const province = provinceOf(q.settingsRegion);
  const read = await approvedHistoryAndCatalogueVersion(db, q, form);
  const { indicators, list, targets, settings } = await catalogueReads(db, read.catalogueVersion, {
    ...q,
    province,
  });
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const targetsOf = groupBy(targets, (t) => t.regionCode);
  const historyOf = groupBy(read.history, (h) => h.regionCode);
  const taskList = taskListOf(list);
  const asked = askedOf(byCode, taskList);
  const calendar = calendarOf(settings);
  const contexts = new Map(
    q.regionCodes.map((region) => [
      region,
      contextOf(
        asked(region),
        taskList,
        targetsOf.get(region) ?? [],
        historyOf.get(region) ?? [],
        q.year,
        settings,
        calendar,
      ),
    ]),
  );
  return { contexts, form: read.form };
}

export async function monthContext(
  db: Database,
  m: { region: string; year: number; month: number },
): Promise<MonthContext> {
  return (await monthContextAndForm(db, m, { form: false })).context;
}

/**
 * A region's month context and, unless `form: false`, its form as stored (monthForm's answer),
 * in one round trip: what a change reads before it changes the month.
 */
export async function monthContextAndForm(
  db: Database,
  m: { region: string; year: number; month: number },
  opts: { form: boolean } = { form: true },
): Promise<{ context: MonthContext; form?: MonthForm | undefined }> {
  const { contexts, form } = await contextsAndForm(
    db,
    { ...m, regionCodes: [m.region], settingsRegion: m.region },
    opts.form ? { regionCode: m.region, year: m.year, month: m.month } : undefined,
  );
  return { context: contexts.get(m.region) as MonthContext, form };
}

/**
 * The month's lines as the checks see them, in catalogue order, with their figures (entered or
 * stored) and explanation: every indicator on the region's task list, or without a list every
 * indicator with a target; and any other with a figure.
 */
export function monthLines(
  ctx: MonthContext,
  figures: Map<string, Figures & { explanation?: string | null | undefined }>,
): (MonthLine & { indicator: IndicatorRow })[] {
  return [...ctx.indicators.values()]
    .filter((i) => ctx.listed || ctx.targets.has(i.code) || figures.has(i.code))
    .map((indicator) => {
      const f = figures.get(indicator.code);
      return {
        indicator,
        figures: f
          ? { value: f.value, numerator: f.numerator, denominator: f.denominator }
          : noFigures,
        explanation: f?.explanation ?? null,
        previous: ctx.previous.get(indicator.code) ?? null,
        pastIncrements: ctx.increments.get(indicator.code) ?? [],
        target: ctx.targets.get(indicator.code)?.value ?? null,
      };
    });
}
