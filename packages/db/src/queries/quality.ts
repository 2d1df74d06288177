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

export async function qualityFactsOf(
  db: Database,
  q: { regionCodes: readonly string[]; year: number; toMonth: number },
): Promise<QualityFacts> {
  if (q.regionCodes.length === 0) {
    return { submissions: [], corrections: [], figures: [], targets: [] };
  }
  const [submissions, corrections, figures, targets] = await Promise.all([
    queryRows<{ regionCode: string; month: number; firstSubmittedAt: Date | string | null }>(
      db,
      sql`
        select region_code as "regionCode", month, first_submitted_at as "firstSubmittedAt"
        from submissions
        where region_code in ${q.regionCodes} and year = ${q.year} and month <= ${q.toMonth}`,
    ),
    queryRows<{ regionCode: string; months: number }>(
      db,
      sql`
        select region_code as "regionCode", count(distinct month)::int as "months"
        from report_revisions
        where region_code in ${q.regionCodes} and year = ${q.year} and month <= ${q.toMonth}
          and old_status = 'approved'
          and (new_status <> 'approved'
            or old_value is distinct from new_value
            or old_numerator is distinct from new_numerator
            or old_denominator is distinct from new_denominator)
        group by region_code`,
    ),
    queryRows<QualityFacts["figures"][number]>(
      db,
      sql`
        select p.region_code as "regionCode", p.indicator_code as "indicatorCode", p.year, p.month,
               p.value::float8 as "value", (p.status = 'approved') as "approved",
               p.explanation
        from reports p
        join indicators i on i.code = p.indicator_code and i.kind = 'cumulative'
        where p.region_code in ${q.regionCodes} and p.status in ('submitted', 'approved')
          and (p.year = ${q.year - 1} or (p.year = ${q.year} and p.month <= ${q.toMonth}))`,
    ),
    queryRows<QualityFacts["targets"][number]>(
      db,
      sql`
        select t.region_code as "regionCode", t.indicator_code as "indicatorCode",
               t.value::float8 as "target"
        from targets t
        join indicators i on i.code = t.indicator_code and i.kind = 'cumulative'
        where t.region_code in ${q.regionCodes} and t.year = ${q.year}`,
    ),
  ]);
  return {
    // The embedded database answers timestamps as strings, the server as dates.
    submissions: submissions.map((s) => ({
      ...s,
      firstSubmittedAt: s.firstSubmittedAt === null ? null : new Date(s.firstSubmittedAt),
    })),
    corrections,
    figures,
    targets,
  };
}
