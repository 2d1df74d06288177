import { and, eq, sql } from "drizzle-orm";
import { type Database, queryRows } from "../client.js";
import { scheduledRuns } from "../schema.js";

/**
 * Claims the run of `job` for `slot`: true for exactly one caller however many processes ask at
 * once (the primary key decides), false for every other.
 */
export async function claimRun(
  db: Database,
  job: string,
  slot: string,
  runBy: string,
): Promise<boolean> {
  const rows = await db
    .insert(scheduledRuns)
    .values({ job, slot, runBy: runBy.slice(0, 100) })
    .onConflictDoNothing()
    .returning({ job: scheduledRuns.job });
  return rows.length > 0;
}

export async function finishRun(db: Database, job: string, slot: string, outcome: string) {
  await db
    .update(scheduledRuns)
    .set({ finishedAt: sql`now()`, outcome: outcome.slice(0, 1000) })
    .where(and(eq(scheduledRuns.job, job), eq(scheduledRuns.slot, slot)));
}

export function runsOf(db: Database, job?: string) {
  return db
    .select()
    .from(scheduledRuns)
    .where(job ? eq(scheduledRuns.job, job) : undefined)
    .orderBy(scheduledRuns.job, scheduledRuns.slot);
}

/** A bureau that reports (an enabled reporter account's region) and its province. */
export interface ReportingBureau {
  code: string;
  nameZh: string;
  nameEn: string;
  provinceCode: string;
}

/** Every region with an enabled reporter account, with its province (the chain's top). */
export function reportingBureaus(db: Database): Promise<ReportingBureau[]> {
  return queryRows<ReportingBureau>(
    db,
    sql`
      select distinct r.code, r.name_zh as "nameZh", r.name_en as "nameEn",
        substr(r.code, 1, 2) || '0000' as "provinceCode"
      from users u join regions r on r.code = u.region_code
      where u.role = 'reporter' and not u.disabled and r.level <> 'province'
      order by r.code`,
  );
}

/** The regions among `codes` that have sent month (year, month) in at least once. */
export async function regionsThatSubmitted(
  db: Database,
  codes: readonly string[],
  year: number,
  month: number,
): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await queryRows<{ code: string }>(
    db,
    sql`
      select region_code as code from submissions
      where year = ${year} and month = ${month} and first_submitted_at is not null
        and region_code in (${sql.join(
          codes.map((c) => sql`${c}`),
          sql`, `,
        )})`,
  );
  return new Set(rows.map((r) => r.code));
}

/** Enabled accounts whose password, changed at `passwordChangedAt`, expires within the window. */
export function passwordsExpiringBetween(db: Database, from: Date, to: Date, maxAgeDays: number) {
  return queryRows<{ id: number; username: string; expiresAt: Date | string }>(
    db,
    sql`
      select id, username,
        password_changed_at + make_interval(days => ${maxAgeDays}) as "expiresAt"
      from users
      where not disabled
        and password_changed_at + make_interval(days => ${maxAgeDays}) between ${from.toISOString()} and ${to.toISOString()}`,
  );
}

/** Gives a claimed run back (it failed), so the next tick tries it again. */
export async function releaseRun(db: Database, job: string, slot: string) {
  await db
    .delete(scheduledRuns)
    .where(and(eq(scheduledRuns.job, job), eq(scheduledRuns.slot, slot)));
}
