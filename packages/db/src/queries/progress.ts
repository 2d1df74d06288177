import { type SQL, sql } from "drizzle-orm";
import { type Database, queryRows, sqlArray } from "../client.js";

/** A region's target and latest counted figure for one indicator, whoever its parent. */
export interface ProgressFigureRow {
  indicatorCode: string;
  regionCode: string;
  target: number | null;
  dueMonth: number | null;
  /** The target is held to an even pace (targets.linear); null without a target. */
  linear: boolean | null;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** The month of the report used: the latest counted one up to the month asked for. */
  asOfMonth: number | null;
  /** The figure is submitted but not yet approved. */
  provisional: boolean;
}

export interface ProgressQuery {
  parentCode: string;
  year: number;
  month: number;
  /** Indicator codes to read; all indicators when omitted. */
  indicatorCodes?: readonly string[] | undefined;
  /** Count submitted (not yet approved) figures too; approved ones only by default. */
  includeSubmitted?: boolean | undefined;
  /** With includeSubmitted: only these regions' submitted figures count (all when omitted). */
  submittedRegions?: readonly string[] | undefined;
}

type Counted = Pick<ProgressQuery, "includeSubmitted" | "submittedRegions">;

/** Which reports count: approved ones, and submitted ones where asked for and allowed. */
function counted(q: Counted) {
  if (!q.includeSubmitted || q.submittedRegions?.length === 0) return sql`p.status = 'approved'`;
  if (!q.submittedRegions) return sql`p.status in ('approved', 'submitted')`;
  return sql`(p.status = 'approved' or (p.status = 'submitted' and p.region_code in ${q.submittedRegions}))`;
}

/**
 * Each region's target and latest counted figure (up to the month) for the indicators: the raw
 * material of every progress line, read for `regions` (a condition on `r`).
 */
function progressRows(
  db: Database,
  regions: SQL,
  q: Omit<ProgressQuery, "parentCode">,
): Promise<ProgressFigureRow[]> {
  const codes = q.indicatorCodes ? sql`and i.code in ${q.indicatorCodes}` : sql``;
  return queryRows<ProgressFigureRow>(
    db,
    sql`
      select i.code as "indicatorCode", r.code as "regionCode",
             t.value::float8 as "target", t.due_month as "dueMonth", t.linear as "linear",
             rep.value::float8 as "value", rep.numerator::float8 as "numerator",
             rep.denominator::float8 as "denominator", rep.month as "asOfMonth",
             coalesce(rep.status = 'submitted', false) as "provisional"
      from regions r
      cross join indicators i
      left join targets t
        on t.indicator_code = i.code and t.region_code = r.code and t.year = ${q.year}
      left join lateral (
        select p.value, p.numerator, p.denominator, p.month, p.status
        from reports p
        where p.indicator_code = i.code and p.region_code = r.code and p.year = ${q.year}
          and p.month <= ${q.month} and ${counted(q)}
        order by p.month desc
        limit 1
      ) rep on true
      where ${regions} ${codes}
      order by i.sort_order, i.code, r.code`,
  );
}

/**
 * Targets and latest counted figures (up to the month) of a region and its direct children, for
 * one indicator or all of them.
 */
export function progressByChildren(db: Database, q: ProgressQuery): Promise<ProgressFigureRow[]> {
  return progressRows(db, sql`(r.parent_code = ${q.parentCode} or r.code = ${q.parentCode})`, q);
}

/**
 * The same rows for some regions, approved figures only: each region's from its own reports and
 * targets and the catalogue alone, so that they can be kept per region between its changes.
 */
export function progressOfRegions(
  db: Database,
  q: {
    regionCodes: readonly string[];
    year: number;
    month: number;
    indicatorCodes?: readonly string[];
  },
): Promise<ProgressFigureRow[]> {
  return progressRows(db, sql`r.code = any(${sqlArray(q.regionCodes, "text")})`, q);
}

export interface MonthlyFigureRow {
  indicatorCode: string;
  regionCode: string;
  month: number;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  provisional: boolean;
}

export interface TargetFigureRow {
  indicatorCode: string;
  regionCode: string;
  target: number;
  dueMonth: number;
  linear: boolean;
}

/**
 * Counted figures of a region and its children for months 1..toMonth: trends and lag streaks.
 * In month order, which is all each region's series needs (sorting thousands of rows by their
 * text codes under the database's collation took as long as reading them).
 */
export function monthlyFiguresByChildren(
  db: Database,
  q: Omit<ProgressQuery, "month"> & { toMonth: number },
): Promise<MonthlyFigureRow[]> {
  const codes = q.indicatorCodes ? sql`and p.indicator_code in ${q.indicatorCodes}` : sql``;
  return queryRows<MonthlyFigureRow>(
    db,
    sql`
      select p.indicator_code as "indicatorCode", p.region_code as "regionCode", p.month,
             p.value::float8 as "value", p.numerator::float8 as "numerator",
             p.denominator::float8 as "denominator", (p.status = 'submitted') as "provisional"
      from regions r
      join reports p on p.region_code = r.code
      where (r.parent_code = ${q.parentCode} or r.code = ${q.parentCode})
        and p.year = ${q.year} and p.month <= ${q.toMonth} and ${counted(q)} ${codes}
      order by p.month`,
  );
}

/** Targets of a region and its children for one year. */
export function targetsByChildren(
  db: Database,
  q: Omit<ProgressQuery, "month">,
): Promise<TargetFigureRow[]> {
  const codes = q.indicatorCodes ? sql`and t.indicator_code in ${q.indicatorCodes}` : sql``;
  return queryRows<TargetFigureRow>(
    db,
    sql`
      select t.indicator_code as "indicatorCode", t.region_code as "regionCode",
             t.value::float8 as "target", t.due_month as "dueMonth",
             t.linear as "linear"
      from regions r
      join targets t on t.region_code = r.code
      where (r.parent_code = ${q.parentCode} or r.code = ${q.parentCode})
        and t.year = ${q.year} ${codes}`,
  );
}
