import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Database } from "../client.js";
import { indicators, targetPlans, targets } from "../schema.js";
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
  "indicatorCode" | "regionCode" | "year" | "value" | "dueMonth" | "linear"
>;

/** Creates a target; null when one already exists for that indicator, region and year. */
export async function insertTarget(db: Database, target: NewTarget) {
  const [row] = await db.insert(targets).values(target).onConflictDoNothing().returning();
  return row ?? null;
}

export async function updateTarget(
  db: Database,
  id: number,
  change: Partial<Pick<NewTarget, "value" | "dueMonth" | "linear">>,
) {
  const [row] = await db
    .update(targets)
    .set({ ...change, updatedAt: sql`now()` })
    .where(eq(targets.id, id))
    .returning();
  return row ?? null;
}

/** Where one target goes: a value to set, or null to remove the region's target. */
export interface TargetWrite {
  indicatorCode: string;
  regionCode: string;
  year: number;
  value: number | null;
  dueMonth: number;
  /** Held to an even pace; left as it is (false for a new target) when absent. */
  linear?: boolean | undefined;
}

/** The targets of some regions for one indicator and year. */
export function targetsOf(
  db: Database,
  q: { indicator: string; year: number; regionCodes: readonly string[] },
) {
  if (q.regionCodes.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(targets)
    .where(
      and(
        eq(targets.indicatorCode, q.indicator),
        eq(targets.year, q.year),
        inArray(targets.regionCode, [...q.regionCodes]),
      ),
    )
    .orderBy(asc(targets.regionCode));
}

/** Sets or removes targets; only rows whose value, due month or pace differ are written. */
async function writeTargets(tx: Database, writes: readonly TargetWrite[]) {
  let changed = 0;
  for (const w of writes) {
    const key = and(
      eq(targets.indicatorCode, w.indicatorCode),
      eq(targets.regionCode, w.regionCode),
      eq(targets.year, w.year),
    );
    if (w.value === null) {
      changed += (await tx.delete(targets).where(key).returning({ id: targets.id })).length;
      continue;
    }
    const linear = w.linear ?? null;
    const rows = await tx
      .insert(targets)
      .values({ ...w, value: w.value, linear: w.linear ?? false })
      .onConflictDoUpdate({
        target: [targets.indicatorCode, targets.year, targets.regionCode],
        set: {
          value: w.value,
          dueMonth: w.dueMonth,
          linear: sql`coalesce(${linear}::boolean, ${targets.linear})`,
          updatedAt: sql`now()`,
        },
        setWhere: sql`${targets.value} <> ${w.value} or ${targets.dueMonth} <> ${w.dueMonth}
          or ${targets.linear} <> coalesce(${linear}::boolean, ${targets.linear})`,
      })
      .returning({ id: targets.id });
    changed += rows.length;
  }
  return changed;
}

/** Writes a set of targets (a decomposition, an import) in one transaction; how many changed. */
export function saveTargets(db: Database, writes: readonly TargetWrite[]): Promise<number> {
  return db.transaction((tx) => writeTargets(tx as unknown as Database, writes));
}

export function targetPlansOf(
  db: Database,
  q: { indicator?: string; region?: string; within?: string | null },
) {
  const where: SQL[] = [];
  if (q.indicator) where.push(eq(targetPlans.indicatorCode, q.indicator));
  if (q.region) where.push(eq(targetPlans.regionCode, q.region));
  if (q.within) where.push(inArray(targetPlans.regionCode, regionSubtree(q.within)));
  return db
    .select()
    .from(targetPlans)
    .where(and(...where))
    .orderBy(
      asc(targetPlans.indicatorCode),
      asc(targetPlans.regionCode),
      asc(targetPlans.fromYear),
    );
}

/**
 * The plans of a region and of its direct children whose years cover `year`: what the plan
 * progress card reads. The region's own plans first, then its children's, each by indicator.
 */
export function plansCovering(db: Database, q: { region: string; year: number }) {
  return db
    .select()
    .from(targetPlans)
    .where(
      and(
        sql`${targetPlans.regionCode} in (select r.code from regions r
          where r.code = ${q.region} or r.parent_code = ${q.region})`,
        sql`${targetPlans.fromYear} <= ${q.year}`,
        sql`${targetPlans.toYear} >= ${q.year}`,
      ),
    )
    .orderBy(
      sql`${targetPlans.regionCode} <> ${q.region}`,
      asc(targetPlans.regionCode),
      asc(targetPlans.indicatorCode),
      asc(targetPlans.fromYear),
    );
}

export type NewTargetPlan = Pick<
  typeof targetPlans.$inferInsert,
  "indicatorCode" | "regionCode" | "fromYear" | "toYear" | "total" | "yearValues"
>;

/**
 * Saves a multi-year plan and, in the same transaction, each of its years as that year's target
 * (keeping a year's due month when it has one). A plan of the same indicator and region whose
 * years overlap but which starts in another year is refused: its code is returned, nothing written.
 */
export function saveTargetPlan(
  db: Database,
  plan: NewTargetPlan,
  dueMonthOf: (year: number) => number,
): Promise<
  { overlaps: { fromYear: number; toYear: number } } | { plan: typeof targetPlans.$inferSelect }
> {
  return db.transaction(async (raw) => {
    const tx = raw as unknown as Database;
    const [overlap] = await tx
      .select({ fromYear: targetPlans.fromYear, toYear: targetPlans.toYear })
      .from(targetPlans)
      .where(
        and(
          eq(targetPlans.indicatorCode, plan.indicatorCode),
          eq(targetPlans.regionCode, plan.regionCode),
          sql`${targetPlans.fromYear} <> ${plan.fromYear}`,
          sql`${targetPlans.fromYear} <= ${plan.toYear}`,
          sql`${targetPlans.toYear} >= ${plan.fromYear}`,
        ),
      )
      .limit(1);
    if (overlap) return { overlaps: overlap };
    const [row] = await tx
      .insert(targetPlans)
      .values(plan)
      .onConflictDoUpdate({
        target: [targetPlans.indicatorCode, targetPlans.regionCode, targetPlans.fromYear],
        set: {
          toYear: plan.toYear,
          total: plan.total,
          yearValues: plan.yearValues,
          updatedAt: sql`now()`,
        },
      })
      .returning();
    await writeTargets(
      tx,
      plan.yearValues.map((value, i) => ({
        indicatorCode: plan.indicatorCode,
        regionCode: plan.regionCode,
        year: plan.fromYear + i,
        value,
        dueMonth: dueMonthOf(plan.fromYear + i),
      })),
    );
    if (!row) throw new Error("the plan was not saved");
    return { plan: row };
  });
}

/** Sets (or with null clears) an indicator's seasonal profile; null when there is no such indicator. */
export async function setSeasonalProfile(db: Database, code: string, profile: number[] | null) {
  const [row] = await db
    .update(indicators)
    .set({ seasonalProfile: profile })
    .where(eq(indicators.code, code))
    .returning();
  return row ?? null;
}
