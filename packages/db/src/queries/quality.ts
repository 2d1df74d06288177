import { sql } from "drizzle-orm";
import { type Database, queryRows, sqlArray } from "../client.js";

/** A json column: parsed by node-postgres, a string from some drivers. */
const parsed = <T>(value: unknown): T =>
  (typeof value === "string" ? JSON.parse(value) : (value ?? [])) as T;

/** One month of one region, as data quality's record is kept: see `qualityMonthFactsOf`. */
export interface RegionMonthKey {
  regionCode: string;
  year: number;
  month: number;
}

/** What one month of one region adds to its data quality (数据质量). */
export interface MonthFacts {
  /** When the month was first sent in; null: never (or no month row). */
  firstSubmittedAt: Date | null;
  /** Changed after its approval (reopened, or re-imported with other figures). */
  corrected: boolean;
  /** Its figures of cumulative indicators sent in or approved, with their explanation. */
  figures: {
    indicatorCode: string;
    value: number | null;
    approved: boolean;
    explanation: string | null;
  }[];
}

/**
 * The quality facts of each month asked for, in the order asked, in one statement: an index
 * lookup per month, so that after one month's change only that month is read again (a year of
 * a region is ~450 figures scattered over the reports table; its changed month is 19).
 */
export async function qualityMonthFactsOf(
  db: Database,
  keys: readonly RegionMonthKey[],
): Promise<MonthFacts[]> {
  if (keys.length === 0) return [];
  const rows = await queryRows<{
    firstSubmittedAt: string | Date | null;
    corrected: boolean;
    figures: unknown;
  }>(
    db,
    sql`
      select
        (select s.first_submitted_at from submissions s
          where s.region_code = k.region and s.year = k.year and s.month = k.month
        ) as "firstSubmittedAt",
        exists (select 1 from report_revisions r
          where r.region_code = k.region and r.year = k.year and r.month = k.month
            and r.old_status = 'approved'
            and (r.new_status <> 'approved'
              or r.old_value is distinct from r.new_value
              or r.old_numerator is distinct from r.new_numerator
              or r.old_denominator is distinct from r.new_denominator)
        ) as corrected,
        (select coalesce(json_agg(json_build_object(
                  'indicatorCode', p.indicator_code, 'value', p.value::float8,
                  'approved', p.status = 'approved', 'explanation', p.explanation)), '[]')
           from reports p
           join indicators i on i.code = p.indicator_code and i.kind = 'cumulative'
           where p.region_code = k.region and p.year = k.year and p.month = k.month
             and p.status in ('submitted', 'approved')
        ) as figures
      from unnest(${sqlArray(
        keys.map((k) => k.regionCode),
        "text",
      )}, ${sqlArray(
        keys.map((k) => k.year),
        "int",
      )}, ${sqlArray(
        keys.map((k) => k.month),
        "int",
      )}) with ordinality as k(region, year, month, at)
      order by k.at`,
  );
  return rows.map((row) => ({
    firstSubmittedAt:
      row.firstSubmittedAt === null ? null : new Date(row.firstSubmittedAt as string),
    corrected: row.corrected,
    figures: parsed(row.figures),
  }));
}

/** A region's target of the year on a cumulative indicator. */
export interface QualityTarget {
  regionCode: string;
  indicatorCode: string;
  target: number;
}

/** The year's targets of some regions on cumulative indicators: what warnings are judged on. */
export function qualityTargetsOf(
  db: Database,
  q: { regionCodes: readonly string[]; year: number },
): Promise<QualityTarget[]> {
  if (q.regionCodes.length === 0) return Promise.resolve([]);
  return queryRows<QualityTarget>(
    db,
    sql`
      select t.region_code as "regionCode", t.indicator_code as "indicatorCode",
             t.value::float8 as "target"
      from targets t
      join indicators i on i.code = t.indicator_code and i.kind = 'cumulative'
      where t.region_code in ${q.regionCodes} and t.year = ${q.year}`,
  );
}
