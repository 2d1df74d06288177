import {
  type Database,
  type MonthFacts,
  qualityMonthFactsOf,
  type RegionMonthKey,
} from "@jindu/db";
import {
  dataQuality,
  fastAndSlow,
  isDue,
  onTimeUntil,
  type ProgressTable,
  type QualityRecord,
  standings,
  type WarnedFigure,
  warningTally,
} from "@jindu/domain";
import type { Quality, Standing } from "../schemas/index.js";
import { calendarOfRegion } from "./calendar.js";
import { qualityTargetsFor } from "./catalogue-memory.js";
import type { RegionRef } from "./progress.js";
import { rememberedPerMonth, rememberedPerRegion } from "./region-memory.js";
import { reportersFor } from "./task-lists.js";

/** The month changes are measured from: the month before, December of last year for January. */
export function previousMonth(year: number, month: number): { year: number; month: number } {
  return month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 };
}

type Table = ProgressTable<RegionRef>;

/**
 * Each child's two rankings this month with their change since `previous` (the same indicator's
 * table a month earlier; null or a child missing from it: no change), and the fast and slow
 * five. In the order of `current.children`.
 */
export function standingsOf(
  current: Table,
  previous: Table | null | undefined,
): { lines: Standing[]; fast: string[]; slow: string[] } {
  const before = new Map(previous?.children.map((c) => [c.region.code, c]) ?? []);
  const lines = standings(
    current.children,
    current.children.map((c) => before.get(c.region.code) ?? null),
  );
  const picks = fastAndSlow(current.children.map((c) => c.completion));
  const fast = new Set(picks.fast);
  const slow = new Set(picks.slow);
  const codeAt = (i: number) => current.children[i]?.region.code as string;
  return {
    lines: lines.map((s, i) => ({ ...s, fast: fast.has(i), slow: slow.has(i) })),
    fast: picks.fast.map(codeAt),
    slow: picks.slow.map(codeAt),
  };
}

/**
 * Each region's data quality (数据质量) over its year up to `month`: months owed, sent, sent on
 * time (the province's calendar), months changed after approval, and figures with a warning left
 * unexplained. Every month up to `month` that the calendar asks for is owed, as the completeness
 * screen counts it: the answer depends only on the data (dashboard answers are cached by data
 * version), never on today's date. Regions of one province; one with nothing to report this year
 * owes no month.
 */
export function qualityOf(
  db: Database,
  q: { regionCodes: readonly string[]; year: number; month: number },
): Promise<Map<string, Quality>> {
  // Each region's quality depends on its own rows and the catalogue alone: kept per region, a
  // first read after one city's approval computes that city's again, not the province's year.
  return rememberedPerRegion(db, `quality|${q.year}|${q.month}`, q.regionCodes, (regionCodes) =>
    qualityRead(db, { ...q, regionCodes }),
  );
}

/**
 * The months a region's quality of `year` up to `month` is made of: every month of the year
 * before (its figures are what this year's increments are compared with) and of this year.
 */
function monthsOfQuality(region: string, year: number, month: number): RegionMonthKey[] {
  const keys: RegionMonthKey[] = [];
  for (let m = 1; m <= 12; m++) keys.push({ regionCode: region, year: year - 1, month: m });
  for (let m = 1; m <= month; m++) keys.push({ regionCode: region, year, month: m });
  return keys;
}

/**
 * The facts of the months of some regions, kept per month: after a month's change only that
 * month is read again (a region's year is ~450 figures scattered over the reports table).
 */
function monthFactsOf(db: Database, keys: readonly RegionMonthKey[]): Promise<MonthFacts[]> {
  return rememberedPerMonth(
    db,
    "quality-facts",
    keys,
    (missing) => qualityMonthFactsOf(db, missing),
    (facts) => 1 + facts.figures.length,
  );
}

async function qualityRead(
  db: Database,
  q: { regionCodes: readonly string[]; year: number; month: number },
): Promise<Map<string, Quality>> {
  const out = new Map<string, Quality>();
  const first = q.regionCodes[0];
  if (first === undefined) return out;
  const keys = q.regionCodes.flatMap((region) => monthsOfQuality(region, q.year, q.month));
  // The facts are the regions' own rows; the rest is the catalogue's, kept in memory.
  const [calendar, reports, facts, targets] = await Promise.all([
    calendarOfRegion(db, first),
    reportersFor(db, q.regionCodes, q.year),
    monthFactsOf(db, keys),
    qualityTargetsFor(db, q),
  ]);
  // Each region's months gathered once: when each month was first sent (this year), how many
  // were changed after approval, and its figures by indicator for the warnings.
  const sentBy = new Map<string, Map<number, Date>>();
  const correctionsOf = new Map<string, number>();
  const seriesBy = new Map<string, Map<string, WarnedFigure[]>>();
  keys.forEach((key, i) => {
    const month = facts[i] as MonthFacts;
    const region = key.regionCode;
    if (key.year === q.year) {
      if (month.firstSubmittedAt !== null) {
        const sent = sentBy.get(region) ?? new Map<number, Date>();
        sentBy.set(region, sent.set(key.month, month.firstSubmittedAt));
      }
      if (month.corrected) correctionsOf.set(region, (correctionsOf.get(region) ?? 0) + 1);
    }
    const series = seriesBy.get(region) ?? new Map<string, WarnedFigure[]>();
    seriesBy.set(region, series);
    for (const f of month.figures) {
      const figures = series.get(f.indicatorCode) ?? [];
      series.set(f.indicatorCode, figures);
      figures.push({
        year: key.year,
        month: key.month,
        value: f.value,
        approved: f.approved,
        explanation: f.explanation,
      });
    }
  });
  const targetOf = new Map(targets.map((t) => [`${t.regionCode}|${t.indicatorCode}`, t]));
  for (const region of q.regionCodes) {
    const sent = sentBy.get(region) ?? new Map<number, Date>();
    const record: QualityRecord = {
      monthsDue: 0,
      monthsReported: 0,
      monthsOnTime: 0,
      correctionsAfterApproval: correctionsOf.get(region) ?? 0,
      warnings: 0,
      unexplainedWarnings: 0,
    };
    if (reports(region)) {
      for (let month = 1; month <= q.month; month++) {
        if (!isDue(calendar, month)) continue;
        record.monthsDue++;
        const at = sent.get(month);
        if (at === undefined) continue;
        record.monthsReported++;
        if (at <= onTimeUntil(calendar, q.year, month)) record.monthsOnTime++;
      }
    }
    for (const [indicator, figures] of seriesBy.get(region) ?? []) {
      const tally = warningTally(figures, {
        year: q.year,
        toMonth: q.month,
        target: targetOf.get(`${region}|${indicator}`)?.target ?? null,
      });
      record.warnings += tally.warnings;
      record.unexplainedWarnings += tally.unexplained;
    }
    const { score, parts } = dataQuality(record);
    out.set(region, { score, parts, record });
  }
  return out;
}
