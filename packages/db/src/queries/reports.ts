import { and, asc, eq, inArray, type SQL } from "drizzle-orm";
import type { Database } from "../client.js";
import { reports } from "../schema.js";
import { regionSubtree } from "./catalogue.js";

export interface ReportKey {
  indicatorCode: string;
  regionCode: string;
  year: number;
  month: number;
}

export interface ReportFilter {
  indicator?: string | undefined;
  region?: string | undefined;
  year?: number | undefined;
  /** Only regions at or below this one (the caller's scope). */
  within?: string | null | undefined;
  month?: number | undefined;
}

export function listReports(db: Database, filter: ReportFilter) {
  const where: SQL[] = [];
  if (filter.indicator) where.push(eq(reports.indicatorCode, filter.indicator));
  if (filter.region) where.push(eq(reports.regionCode, filter.region));
  if (filter.year) where.push(eq(reports.year, filter.year));
  if (filter.within) where.push(inArray(reports.regionCode, regionSubtree(filter.within)));
  if (filter.month) where.push(eq(reports.month, filter.month));
  return db
    .select()
    .from(reports)
    .where(and(...where))
    .orderBy(
      asc(reports.year),
      asc(reports.month),
      asc(reports.indicatorCode),
      asc(reports.regionCode),
    )
    .limit(5000);
}

function keyCondition(key: ReportKey) {
  return and(
    eq(reports.indicatorCode, key.indicatorCode),
    eq(reports.regionCode, key.regionCode),
    eq(reports.year, key.year),
    eq(reports.month, key.month),
  );
}

export async function reportByKey(db: Database, key: ReportKey) {
  const [row] = await db.select().from(reports).where(keyCondition(key));
  return row ?? null;
}
