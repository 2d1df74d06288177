import { scheduleProgress } from "@jindu/domain";
import type { indicators, regions, reports, targets } from "../schema.js";
import { apportion, draw, roundTo } from "./random.js";

type RegionRow = typeof regions.$inferInsert;
type IndicatorRow = typeof indicators.$inferInsert;
export type TargetRow = typeof targets.$inferInsert;
export type ReportRow = typeof reports.$inferInsert;

export const DEMO_YEARS = [2020, 2021, 2022] as const;

/** Annual province target of a cumulative indicator for a province of scale 1. */
const BASE_TARGET: Record<string, { total: number; decimals: number }> = {
  shantytown_starts: { total: 20000, decimals: 0 },
  shantytown_completions: { total: 16000, decimals: 0 },
  shantytown_delivered: { total: 12000, decimals: 0 },
  rental_subsidy: { total: 40000, decimals: 0 },
  public_rental_new: { total: 3000, decimals: 0 },
  affordable_rental: { total: 25000, decimals: 0 },
  old_community_starts: { total: 900, decimals: 0 },
  old_community_households: { total: 150000, decimals: 0 },
  rural_dilapidated: { total: 12000, decimals: 0 },
  rural_seismic: { total: 9000, decimals: 0 },
  ultra_low_energy: { total: 36, decimals: 0 },
  manhole_rectification: { total: 6000, decimals: 0 },
  gas_pipe_renewal: { total: 1200, decimals: 1 },
  waste_incineration: { total: 18, decimals: 0 },
  investment_city_upgrade: { total: 1200, decimals: 2 },
};

const PROVINCE_SCALE: Record<string, number> = {
  "330000": 1,
  "440000": 1.3,
  "410000": 1.2,
  "130000": 0.9,
  "140000": 0.7,
};
const YEAR_SCALE: Record<number, number> = { 2020: 1, 2021: 1.05, 2022: 1.1 };

/** Share targets (fractions) of ratio indicators and values of level ones, by year. */
const SHARE_TARGET: Record<string, Record<number, number>> = {
  prefab_share: { 2020: 0.2, 2021: 0.25, 2022: 0.3 },
  green_building_share: { 2020: 0.5, 2021: 0.6, 2022: 0.7 },
  sludge_safe_disposal: { 2020: 0.9, 2021: 0.92, 2022: 0.95 },
  approval_days: { 2020: 60, 2021: 50, 2022: 40 },
};

/**
 * The documents' stories, reproduced exactly: a province's target and, where told, the
 * year-to-date total its cities reach by a month.
 */
interface Story {
  indicator: string;
  province: string;
  year: number;
  target: number;
  dueMonth?: number;
  anchor?: { month: number; total: number };
}
export const STORIES: Story[] = [
  // Guangdong Q1 2020: 7,899 resettlement units started = 72.3% of the annual target.
  {
    indicator: "shantytown_starts",
    province: "440000",
    year: 2020,
    target: 10925,
    anchor: { month: 3, total: 7899 },
  },
  // Guangdong Q1 2020: rental subsidies at 79.2% of target, basic completions at 34.5%.
  {
    indicator: "rental_subsidy",
    province: "440000",
    year: 2020,
    target: 46000,
    anchor: { month: 3, total: 36432 },
  },
  {
    indicator: "shantytown_completions",
    province: "440000",
    year: 2020,
    target: 30000,
    anchor: { month: 3, total: 10350 },
  },
  // Shanxi 2020: 8,994 households' dynamic-guarantee renovations due by the end of May.
  { indicator: "rural_dilapidated", province: "140000", year: 2020, target: 8994, dueMonth: 5 },
];

/** Zhejiang, October 2020: Wenzhou, Jinhua and Lishui interviewed for lagging prefab share. */
export const PREFAB_LAGGARDS_2020 = ["330300", "330700", "331100"];

const LAST_YEAR = DEMO_YEARS[DEMO_YEARS.length - 1] as number;

/**
 * The last demo month (December 2022) shows all three completeness states in every province:
 * two cities have not reported, one reported late, the rest on time.
 */
function lastMonthRoles(cityCodes: readonly string[], province: string) {
  const ranked = [...cityCodes].sort(
    (a, b) => draw("missing", province, a) - draw("missing", province, b),
  );
  return { missing: new Set(ranked.slice(0, 2)), late: new Set(ranked.slice(2, 3)) };
}

/** When the region sent the month in, at 09:00 Beijing time; the deadline is the 5th. */
function submittedAt(region: string, year: number, month: number, forceLate = false): Date {
  const onTimeOnly = year === LAST_YEAR && month === 12;
  const late = forceLate || (!onTimeOnly && draw("late", region, year, month) < 0.07);
  const day = late
    ? 6 + Math.floor(draw("late-day", region, year, month) * 5)
    : 1 + Math.floor(draw("day", region, year, month) * 4);
  return new Date(Date.UTC(year, month, day, 1));
}

/** An even-ish monthly curve of the share of the year's result reached by month end. */
function curve(key: string, indicator: IndicatorRow, dueMonth: number): number[] {
  const values: number[] = [];
  let previous = 0;
  for (let m = 1; m <= 12; m++) {
    const pace = scheduleProgress({
      kind: "cumulative",
      month: m,
      dueMonth,
      profile: indicator.seasonalProfile ?? null,
    });
    const bent = pace * (1 + 0.1 * (draw(key, m) - 0.45));
    previous = Math.min(1, Math.max(previous, m === 12 || pace >= 1 ? 1 : bent));
    values.push(previous);
  }
  return values;
}

function cityWeight(code: string, indicator: string): number {
  return (0.5 + 1.5 * draw("weight", code)) * (0.8 + 0.4 * draw("weight", code, indicator));
}

export interface DemoData {
  targets: TargetRow[];
  reports: ReportRow[];
}

export interface DemoSubmission {
  regionCode: string;
  year: number;
  month: number;
  submittedAt: Date;
}

/** One approved submission per region and month that has reports, sent when its reports were. */
export function demoSubmissions(reports: readonly ReportRow[]): DemoSubmission[] {
  const byKey = new Map<string, DemoSubmission>();
  for (const r of reports) {
    const key = `${r.regionCode}|${r.year}|${r.month}`;
    if (!byKey.has(key) && r.submittedAt instanceof Date) {
      byKey.set(key, {
        regionCode: r.regionCode,
        year: r.year,
        month: r.month,
        submittedAt: r.submittedAt,
      });
    }
  }
  return [...byKey.values()];
}

export function demoData(
  regionRows: readonly RegionRow[],
  indicatorRows: readonly IndicatorRow[],
): DemoData {
  const out: DemoData = { targets: [], reports: [] };
  const provinces = regionRows.filter((r) => r.level === "province");
  for (const province of provinces) {
    const cities = regionRows.filter((r) => r.parentCode === province.code).map((r) => r.code);
    const roles = lastMonthRoles(cities, province.code);
    const report = (row: Omit<ReportRow, "status" | "submittedAt">) => {
      const lastMonth = row.year === LAST_YEAR && row.month === 12;
      if (lastMonth && roles.missing.has(row.regionCode)) return;
      const late = lastMonth && roles.late.has(row.regionCode);
      out.reports.push({
        ...row,
        status: "approved",
        submittedAt: submittedAt(row.regionCode, row.year, row.month, late),
      });
    };
    for (const year of DEMO_YEARS) {
      for (const indicator of indicatorRows) {
        const ctx = { province: province.code, cities, year, indicator, report, out };
        if (indicator.kind === "cumulative") cumulativeSeries(ctx);
        else if (indicator.kind === "ratio") ratioSeries(ctx);
        else levelSeries(ctx);
      }
    }
  }
  return out;
}

interface SeriesContext {
  province: string;
  cities: string[];
  year: number;
  indicator: IndicatorRow;
  report: (row: Omit<ReportRow, "status" | "submittedAt">) => void;
  out: DemoData;
}

function cumulativeSeries({ province, cities, year, indicator, report, out }: SeriesContext): void {
  const code = indicator.code;
  const base = BASE_TARGET[code];
  if (!base) throw new Error(`no demo scale for ${code}`);
  const story = STORIES.find(
    (s) => s.indicator === code && s.province === province && s.year === year,
  );
  const dueMonth = story?.dueMonth ?? 12;
  const total =
    story?.target ??
    roundTo(base.total * (PROVINCE_SCALE[province] ?? 1) * (YEAR_SCALE[year] ?? 1), base.decimals);
  const cityTargets = apportion(
    total,
    cities.map((c) => cityWeight(c, code)),
    base.decimals,
  );
  out.targets.push({ indicatorCode: code, regionCode: province, year, value: total, dueMonth });
  // Year-end completion of each city: most reach their target, about one in sixteen lags.
  const finals = cities.map((city, i) => {
    const lagging = draw("lagging", code, city, year) < 0.06;
    const p = lagging
      ? 0.6 + 0.25 * draw("p", code, city, year)
      : 0.97 + 0.25 * draw("p", code, city, year);
    return (cityTargets[i] as number) * p;
  });
  // A story's anchor month: the cities' year-to-date figures add up to the documented total.
  const anchored = story?.anchor
    ? apportion(
        story.anchor.total,
        cityTargets.map((t, i) => t * (0.8 + 0.4 * draw("anchor", cities[i] as string))),
        base.decimals,
      )
    : null;
  cities.forEach((city, i) => {
    const target = cityTargets[i] as number;
    if (target <= 0) return;
    out.targets.push({ indicatorCode: code, regionCode: city, year, value: target, dueMonth });
    const final = finals[i] as number;
    const shape = curve(`curve|${code}|${city}|${year}`, indicator, dueMonth);
    let previous = 0;
    for (let m = 1; m <= 12; m++) {
      let ytd = final * (shape[m - 1] as number);
      if (anchored && story?.anchor) {
        const a = story.anchor.month;
        const atAnchor = anchored[i] as number;
        ytd =
          m <= a
            ? (atAnchor * m) / a
            : atAnchor + (Math.max(final, atAnchor) - atAnchor) * ((m - a) / (12 - a));
        if (m === a) ytd = atAnchor;
      }
      // Year-to-date figures never fall. A handful of projects or facilities counts each one
      // once it is under way, so small targets round up.
      const rounded = target < 20 ? Math.ceil(ytd - 1e-9) : roundTo(ytd, base.decimals);
      previous = Math.max(previous, rounded);
      report({ indicatorCode: code, regionCode: city, year, month: m, value: previous });
    }
  });
}

function ratioSeries({ province, cities, year, indicator, report, out }: SeriesContext): void {
  const code = indicator.code;
  const target = SHARE_TARGET[code]?.[year];
  if (target === undefined) throw new Error(`no demo share target for ${code}`);
  out.targets.push({
    indicatorCode: code,
    regionCode: province,
    year,
    value: target,
    dueMonth: 12,
  });
  for (const city of cities) {
    out.targets.push({ indicatorCode: code, regionCode: city, year, value: target, dueMonth: 12 });
    const laggard = code === "prefab_share" && year === 2020 && PREFAB_LAGGARDS_2020.includes(city);
    const q = laggard
      ? 0.55 + 0.15 * draw("q", code, city, year)
      : 0.93 + 0.27 * draw("q", code, city, year);
    const finalShare = target * q;
    const area = (100 + 900 * draw("weight", city)) * (YEAR_SCALE[year] ?? 1);
    const shape = curve(`area|${code}|${city}|${year}`, indicator, 12);
    let previousNum = 0;
    for (let m = 1; m <= 12; m++) {
      const denominator = roundTo(Math.max(1, area * (shape[m - 1] as number)), 1);
      const share = finalShare * (0.92 + (0.08 * m) / 12);
      const numerator = Math.min(
        denominator,
        Math.max(previousNum, roundTo(denominator * share, 1)),
      );
      previousNum = numerator;
      report({
        indicatorCode: code,
        regionCode: city,
        year,
        month: m,
        numerator,
        denominator,
        value: null,
      });
    }
  }
}

function levelSeries({ province, cities, year, indicator, report, out }: SeriesContext): void {
  const code = indicator.code;
  const target = SHARE_TARGET[code]?.[year];
  if (target === undefined) throw new Error(`no demo level target for ${code}`);
  const lowerIsBetter = indicator.direction === "lower_is_better";
  for (const region of [province, ...cities]) {
    out.targets.push({
      indicatorCode: code,
      regionCode: region,
      year,
      value: target,
      dueMonth: 12,
    });
  }
  for (let m = 1; m <= 12; m++) {
    const values = cities.map((city) => {
      const noise = draw("level", code, city, year, m);
      if (lowerIsBetter) {
        // Approval days fall through the year as reforms take hold.
        const start = target * (0.8 + 0.32 * draw("level-start", code, city, year));
        return Math.max(1, Math.round(start - m * 0.6 + 3 * (noise - 0.5)));
      }
      return roundTo(
        Math.min(
          1,
          target * (0.94 + 0.1 * draw("level-start", code, city, year) + 0.02 * (noise - 0.5)),
        ),
        3,
      );
    });
    cities.forEach((city, i) => {
      report({ indicatorCode: code, regionCode: city, year, month: m, value: values[i] as number });
    });
    // The province reports its own figure: level indicators are never summed from cities.
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    report({
      indicatorCode: code,
      regionCode: province,
      year,
      month: m,
      value: lowerIsBetter ? Math.round(mean) : roundTo(mean, 3),
    });
  }
}
