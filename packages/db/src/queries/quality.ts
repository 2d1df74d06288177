import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../client.js";

/** The reporting record a data-quality score (数据质量) is built from, for several regions. */
export interface QualityFacts {
  /** Each region's months of the year up to toMonth that were sent in, with the first sending. */
  submissions: { regionCode: string; month: number; firstSubmittedAt: Date | null }[];
  /** Months of the year up to toMonth changed after their approval (reopened, or re-imported). */
  corrections: { regionCode: string; months: number }[];
  /**
   * Figures of cumulative indicators of the year before and the year up to toMonth, sent in or
   * approved, with their explanation: what warnings are judged on. In no order (the warning
   * tally orders each series itself; sorting thousands of rows by their text codes under the
   * database's collation cost more than the read).
   */
  figures: {
    regionCode: string;
    indicatorCode: string;
    year: number;
    month: number;
    value: number | null;
    approved: boolean;
    explanation: string | null;
  }[];
  /** The year's targets of those regions on cumulative indicators. */
  targets: { regionCode: string; indicatorCode: string; target: number }[];
}

/** A json column: parsed by node-postgres, a string from some drivers. */
const parsed = <T>(value: unknown): T =>
  (typeof value === "string" ? JSON.parse(value) : (value ?? [])) as T;

/**
 * A year's reporting record of some regions up to `toMonth`, in one statement (one round trip:
 * the first read of a dashboard after a change waits for it). Targets are the catalogue's:
 * see `qualityTargetsOf`.
 */
export async function qualityFactsOf(
  db: Database,
  q: { regionCodes: readonly string[]; year: number; toMonth: number },
): Promise<Omit<QualityFacts, "targets">> {
  if (q.regionCodes.length === 0) return { submissions: [], corrections: [], figures: [] };
  const [row] = await queryRows<{ submissions: unknown; corrections: unknown; figures: unknown }>(
    db,
    sql`
      select
        (select coalesce(json_agg(json_build_object(
                  'regionCode', region_code, 'month', month,
                  'firstSubmittedAt', first_submitted_at)), '[]')
           from submissions
           where region_code in ${q.regionCodes} and year = ${q.year} and month <= ${q.toMonth}
        ) as submissions,
        (select coalesce(json_agg(json_build_object('regionCode', region_code, 'months', months)), '[]')
           from (
             select region_code, count(distinct month)::int as months
             from report_revisions
             where region_code in ${q.regionCodes} and year = ${q.year} and month <= ${q.toMonth}
               and old_status = 'approved'
               and (new_status <> 'approved'
                 or old_value is distinct from new_value
                 or old_numerator is distinct from new_numerator
                 or old_denominator is distinct from new_denominator)
             group by region_code) c
        ) as corrections,
        (select coalesce(json_agg(json_build_object(
                  'regionCode', p.region_code, 'indicatorCode', p.indicator_code,
                  'year', p.year, 'month', p.month, 'value', p.value::float8,
                  'approved', p.status = 'approved', 'explanation', p.explanation)), '[]')
           from reports p
           join indicators i on i.code = p.indicator_code and i.kind = 'cumulative'
           where p.region_code in ${q.regionCodes} and p.status in ('submitted', 'approved')
             and (p.year = ${q.year - 1} or (p.year = ${q.year} and p.month <= ${q.toMonth}))
        ) as figures`,
  );
  const submissions = parsed<
    { regionCode: string; month: number; firstSubmittedAt: string | null }[]
  >(row?.submissions);
  return {
    submissions: submissions.map((s) => ({
      ...s,
      firstSubmittedAt: s.firstSubmittedAt === null ? null : new Date(s.firstSubmittedAt),
    })),
    corrections: parsed(row?.corrections),
    figures: parsed(row?.figures),
  };
}

/** The year's targets of some regions on cumulative indicators: what warnings are judged on. */
export function qualityTargetsOf(
  db: Database,
  q: { regionCodes: readonly string[]; year: number },
): Promise<QualityFacts["targets"]> {
  if (q.regionCodes.length === 0) return Promise.resolve([]);
  return queryRows<QualityFacts["targets"][number]>(
    db,
    sql`
      select t.region_code as "regionCode", t.indicator_code as "indicatorCode",
             t.value::float8 as "target"
      from targets t
      join indicators i on i.code = t.indicator_code and i.kind = 'cumulative'
      where t.region_code in ${q.regionCodes} and t.year = ${q.year}`,
  );
}
