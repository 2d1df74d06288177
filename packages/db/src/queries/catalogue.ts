import { and, asc, eq, gte, isNull, lte, or, type SQL, sql } from "drizzle-orm";
import type { Database } from "../client.js";
import {
  annualTasks,
  indicators,
  regions,
  reports,
  supervisionRecords,
  targetPlans,
  targets,
} from "../schema.js";

export function allRegions(db: Database) {
  return db.select().from(regions).orderBy(asc(regions.code));
}

export async function regionByCode(db: Database, code: string) {
  const [row] = await db.select().from(regions).where(eq(regions.code, code));
  return row ?? null;
}

/** Which part of the catalogue a view reads. */
export interface CatalogueScope {
  /**
   * The province the view is about (GB/T 2260 province code): the national catalogue and that
   * province's own indicators. Absent: every indicator (catalogue management, national users).
   */
  province?: string;
  /**
   * Only indicators in force in this year (retired ones stay readable for their years); with a
   * province, only those on its task list for the year when it has set one.
   */
  year?: number;
}

/** The catalogue in list order, limited to what one province and year work on when asked. */
export function allIndicators(db: Database, scope: CatalogueScope = {}) {
  const where: SQL[] = [];
  if (scope.province !== undefined) {
    where.push(or(isNull(indicators.ownerCode), eq(indicators.ownerCode, scope.province)) as SQL);
  }
  if (scope.year !== undefined) {
    where.push(
      or(isNull(indicators.firstYear), lte(indicators.firstYear, scope.year)) as SQL,
      or(isNull(indicators.lastYear), gte(indicators.lastYear, scope.year)) as SQL,
    );
  }
  if (scope.province !== undefined && scope.year !== undefined) {
    const listed = sql`select 1 from ${annualTasks} a where a.province_code = ${scope.province} and a.year = ${scope.year}`;
    where.push(
      sql`(not exists (${listed}) or exists (${listed} and a.indicator_code = ${indicators.code}))`,
    );
  }
  return db
    .select()
    .from(indicators)
    .where(and(...where))
    .orderBy(asc(indicators.sortOrder), asc(indicators.code));
}

export async function indicatorByCode(db: Database, code: string) {
  const [row] = await db.select().from(indicators).where(eq(indicators.code, code));
  return row ?? null;
}

/** Changes an indicator's wording, unit, category or place in lists; null when there is none. */
export async function updateIndicator(
  db: Database,
  code: string,
  change: Partial<
    Pick<
      typeof indicators.$inferInsert,
      | "nameZh"
      | "nameEn"
      | "unitZh"
      | "unitEn"
      | "category"
      | "sortOrder"
      | "firstYear"
      | "lastYear"
    >
  >,
) {
  const [row] = await db
    .update(indicators)
    .set(change)
    .where(eq(indicators.code, code))
    .returning();
  return row ?? null;
}

/** Adds an indicator; null when its code is taken (by any province: codes are global). */
export async function createIndicator(db: Database, row: typeof indicators.$inferInsert) {
  const [created] = await db.insert(indicators).values(row).onConflictDoNothing().returning();
  return created ?? null;
}

/**
 * Removes an indicator no target, plan, figure, supervision record or task list names, in one statement (a figure saved
 * meanwhile keeps it); false when it is in use or gone. One in use is retired instead.
 */
export async function deleteUnusedIndicator(db: Database, code: string): Promise<boolean> {
  const deleted = await db
    .delete(indicators)
    .where(
      and(
        eq(indicators.code, code),
        sql`not exists (select 1 from ${targets} where ${targets.indicatorCode} = ${code})`,
        sql`not exists (select 1 from ${reports} where ${reports.indicatorCode} = ${code})`,
        sql`not exists (select 1 from ${targetPlans} where ${targetPlans.indicatorCode} = ${code})`,
        sql`not exists (select 1 from ${supervisionRecords} where ${supervisionRecords.indicatorCodes} ? ${code})`,
        sql`not exists (select 1 from ${annualTasks} where ${annualTasks.indicatorCode} = ${code})`,
      ),
    )
    .returning({ code: indicators.code });
  return deleted.length > 0;
}

export function childRegions(db: Database, parentCode: string) {
  return db
    .select({
      code: regions.code,
      nameZh: regions.nameZh,
      nameEn: regions.nameEn,
      level: regions.level,
    })
    .from(regions)
    .where(eq(regions.parentCode, parentCode))
    .orderBy(asc(regions.code));
}

/** Codes of a region and everything below it (province → city → county): a scope filter. */
export function regionSubtree(code: string) {
  return sql`(
    select r1.code from regions r1 where r1.code = ${code}
    union all select r2.code from regions r2 where r2.parent_code = ${code}
    union all select r3.code from regions r3
      join regions r2 on r3.parent_code = r2.code where r2.parent_code = ${code})`;
}
