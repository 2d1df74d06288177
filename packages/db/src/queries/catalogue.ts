import { asc, eq, sql } from "drizzle-orm";
import type { Database } from "../client.js";
import { indicators, regions } from "../schema.js";

export function allRegions(db: Database) {
  return db.select().from(regions).orderBy(asc(regions.code));
}

export async function regionByCode(db: Database, code: string) {
  const [row] = await db.select().from(regions).where(eq(regions.code, code));
  return row ?? null;
}

export function allIndicators(db: Database) {
  return db.select().from(indicators).orderBy(asc(indicators.sortOrder), asc(indicators.code));
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
      "nameZh" | "nameEn" | "unitZh" | "unitEn" | "category" | "sortOrder"
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
