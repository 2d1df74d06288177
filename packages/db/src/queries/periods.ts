import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../client.js";
import { regionSubtree } from "./catalogue.js";

export interface ReportingPeriodsRow {
  /** Years with targets or approved figures in the region or below, newest first. */
  years: number[];
  /** The latest month with approved figures in the region or below, or null when none has. */
  latest: { year: number; month: number } | null;
}

/**
 * Which periods of a region hold anything to show, in one statement: the years with targets or
 * approved figures and the latest approved month, over the region and everything below it.
 * Approved months are read from the submissions (one row per region and month, not per figure).
 */
export async function reportingPeriods(
  db: Database,
  regionCode: string,
): Promise<ReportingPeriodsRow> {
  const [row] = await queryRows<ReportingPeriodsRow>(
    db,
    sql`
      with scope(code) as ${regionSubtree(regionCode)},
      -- The subtree's codes as one array: matched with = any, the submissions and targets are
      -- read through their region indexes. With in (select …) the planner, which cannot tell how
      -- many codes the subtree holds, read every submission of the country (0.2 s a province).
      codes as (select array_agg(code) as list from scope),
      approved as (
        select s.year, s.month from submissions s
        where s.status = 'approved' and s.region_code = any((select list from codes)::text[])
      ),
      years as (
        select t.year from targets t where t.region_code = any((select list from codes)::text[])
        union
        select a.year from approved a
      )
      select
        coalesce((select array_agg(y.year::int order by y.year desc) from years y), '{}'::int[])
          as "years",
        (select json_build_object('year', a.year, 'month', a.month) from approved a
          order by a.year desc, a.month desc limit 1) as "latest"`,
  );
  return { years: row?.years ?? [], latest: row?.latest ?? null };
}
