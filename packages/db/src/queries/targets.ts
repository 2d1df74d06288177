import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Database } from "../client.js";
import { targets } from "../schema.js";
import { regionSubtree } from "./catalogue.js";

export interface TargetFilter {
  indicator?: string | undefined;
  region?: string | undefined;
  year?: number | undefined;
  /** Only regions at or below this one (the caller's scope). */
  within?: string | null | undefined;
}

export function listTargets(db: Database, filter: TargetFilter) {
  const where: SQL[] = [];
  if (filter.indicator) where.push(eq(targets.indicatorCode, filter.indicator));
  if (filter.region) where.push(eq(targets.regionCode, filter.region));
  if (filter.year) where.push(eq(targets.year, filter.year));
  if (filter.within) where.push(inArray(targets.regionCode, regionSubtree(filter.within)));
  return db
    .select()
    .from(targets)
    .where(and(...where))
    .orderBy(asc(targets.year), asc(targets.indicatorCode), asc(targets.regionCode));
}

export async function targetById(db: Database, id: number) {
  const [row] = await db.select().from(targets).where(eq(targets.id, id));
  return row ?? null;
}

export type NewTarget = Pick<
  typeof targets.$inferInsert,
  "indicatorCode" | "regionCode" | "year" | "value" | "dueMonth"
>;

/** Creates a target; null when one already exists for that indicator, region and year. */
export async function insertTarget(db: Database, target: NewTarget) {
  const [row] = await db.insert(targets).values(target).onConflictDoNothing().returning();
  return row ?? null;
}

export async function updateTarget(
  db: Database,
  id: number,
  change: Partial<Pick<NewTarget, "value" | "dueMonth">>,
) {
  const [row] = await db
    .update(targets)
    .set({ ...change, updatedAt: sql`now()` })
    .where(eq(targets.id, id))
    .returning();
  return row ?? null;
}
