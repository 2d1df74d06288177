import { and, count, desc, eq, inArray, min } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "../client.js";
import { chases, notifications, users } from "../schema.js";

export interface NewChase {
  regionCode: string;
  year: number;
  month: number;
  day: string;
  message: string | null;
  chasedBy: string;
  eventKey: string;
}

/**
 * Records 催报, in the caller's transaction; a region already chased for the month that day is
 * skipped. Returns the regions recorded now: only those are to be notified.
 */
export async function recordChases(db: Database, rows: readonly NewChase[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const written = await db
    .insert(chases)
    .values([...rows])
    .onConflictDoNothing({ target: [chases.regionCode, chases.year, chases.month, chases.day] })
    .returning({ regionCode: chases.regionCode });
  return written.map((w) => w.regionCode);
}

/**
 * The latest 催报 of each of these regions for a month: who sent it and when, how many of the
 * bureau's accounts received it and how many read it (and when the first did).
 */
export async function lastChases(
  db: Database,
  q: { regionCodes: readonly string[]; year: number; month: number },
) {
  if (q.regionCodes.length === 0) return [];
  const latest = db
    .selectDistinctOn([chases.regionCode], {
      regionCode: chases.regionCode,
      chasedBy: chases.chasedBy,
      chasedAt: chases.chasedAt,
      message: chases.message,
      eventKey: chases.eventKey,
    })
    .from(chases)
    .where(
      and(
        inArray(chases.regionCode, [...q.regionCodes]),
        eq(chases.year, q.year),
        eq(chases.month, q.month),
      ),
    )
    .orderBy(chases.regionCode, desc(chases.id))
    .as("latest");
  const chaser = alias(users, "chaser");
  // The recipients are the region's own accounts (see chaseNotification): going through them
  // finds each one's notification by the (user, event) index.
  return db
    .select({
      regionCode: latest.regionCode,
      chasedBy: latest.chasedBy,
      chasedByName: chaser.displayName,
      chasedAt: latest.chasedAt,
      message: latest.message,
      recipients: count(notifications.id),
      read: count(notifications.readAt),
      firstReadAt: min(notifications.readAt),
    })
    .from(latest)
    .leftJoin(chaser, eq(chaser.username, latest.chasedBy))
    .leftJoin(users, eq(users.regionCode, latest.regionCode))
    .leftJoin(
      notifications,
      and(eq(notifications.userId, users.id), eq(notifications.eventKey, latest.eventKey)),
    )
    .groupBy(
      latest.regionCode,
      latest.chasedBy,
      chaser.displayName,
      latest.chasedAt,
      latest.message,
    );
}

export type LastChase = Awaited<ReturnType<typeof lastChases>>[number];
