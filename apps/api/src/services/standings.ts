import { type Database, qualityFactsOf } from "@jindu/db";
import {
  dataQuality,
  fastAndSlow,
  groupBy,
  isDue,
  onTimeUntil,
  type ProgressTable,
  type QualityRecord,
  standings,
  warningTally,
} from "@jindu/domain";
import type { Quality, Standing } from "../schemas/index.js";
import { calendarOfRegion } from "./calendar.js";
import { qualityTargetsFor } from "./catalogue-memory.js";
import type { RegionRef } from "./progress.js";
import { rememberedPerRegion } from "./region-memory.js";
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

async function qualityRead(
  db: Database,
  q: { regionCodes: readonly string[]; year: number; month: number },
): Promise<Map<string, Quality>> {
  const out = new Map<string, Quality>();
  const first = q.regionCodes[0];
  if (first === undefined) return out;
  // The facts are the regions' own rows; the rest is the catalogue's, kept in memory.
  const [calendar, reports, facts, targets] = await Promise.all([
    calendarOfRegion(db, first),
    reportersFor(db, q.regionCodes, q.year),
    qualityFactsOf(db, { ...q, toMonth: q.month }),
    qualityTargetsFor(db, q),
  ]);
  // Each fact grouped by region (and figures by indicator) once: a province's year is thousands
  // of figures, and filtering them again for every region and indicator cost more than reading them.
  const sentBy = groupBy(
    facts.submissions.filter((s) => s.firstSubmittedAt !== null),
    (s) => s.regionCode,
  );
  const correctionsOf = new Map(facts.corrections.map((c) => [c.regionCode, c.months]));
  const figuresBy = groupBy(facts.figures, (f) => f.regionCode);
  const targetOf = new Map(targets.map((t) => [`${t.regionCode}|${t.indicatorCode}`, t]));
  for (const region of q.regionCodes) {
    const sent = new Map(
      (sentBy.get(region) ?? []).map((s) => [s.month, s.firstSubmittedAt as Date]),
    );
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
    const series = groupBy(figuresBy.get(region) ?? [], (f) => f.indicatorCode);
    for (const [indicator, figures] of series) {
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
