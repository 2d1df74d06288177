import type { SessionEndReason } from "@jindu/domain";
import { and, asc, eq, inArray, isNotNull, isNull, lte, ne, sql } from "drizzle-orm";
import { type Database, queryRows } from "../client.js";
import { auditLog, sessions, users } from "../schema.js";

export async function userByUsername(db: Database, username: string) {
  const [row] = await db.select().from(users).where(eq(users.username, username));
  return row ?? null;
}

export async function userById(db: Database, id: number) {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row ?? null;
}

export function allUsers(db: Database) {
  return db.select().from(users).orderBy(asc(users.username));
}

export type NewUser = typeof users.$inferInsert;

/** Creates a user; null when the username is taken. */
export async function insertUser(db: Database, user: NewUser) {
  const [row] = await db.insert(users).values(user).onConflictDoNothing().returning();
  return row ?? null;
}

/** Which of these usernames are taken already (a bulk import checks its file against them). */
export async function takenUsernames(db: Database, usernames: readonly string[]) {
  if (usernames.length === 0) return [];
  const rows = await db
    .select({ username: users.username })
    .from(users)
    .where(inArray(users.username, [...usernames]));
  return rows.map((r) => r.username);
}

/**
 * Creates several users, in the order given; a username taken meanwhile is skipped, so the
 * caller compares the count and rolls back its transaction when one is missing.
 */
export async function insertUsers(db: Database, rows: readonly NewUser[]) {
  if (rows.length === 0) return [];
  return db
    .insert(users)
    .values([...rows])
    .onConflictDoNothing()
    .returning();
}

export async function updateUser(db: Database, id: number, change: Partial<NewUser>) {
  const [row] = await db.update(users).set(change).where(eq(users.id, id)).returning();
  return row ?? null;
}

/** The region and all its ancestors, nearest first: what scope checks compare against. */
export async function regionAncestry(db: Database, code: string): Promise<string[]> {
  const rows = await queryRows<{ code: string }>(
    db,
    sql`
      with recursive chain(code, parent_code, depth) as (
        select code, parent_code, 0 from regions where code = ${code}
        union all
        select r.code, r.parent_code, c.depth + 1 from regions r join chain c on r.code = c.parent_code
        where c.depth < 5
      )
      select code from chain order by depth`,
  );
  return rows.map((r) => r.code);
}

/**
 * Starts a session and ends every other session of the account (one login at a time), marked
 * `replaced`; sessions that had ended before are dropped, so the table holds at most the active
 * session and the ones this sign-in ended, per account.
 */
export async function startSession(
  db: Database,
  session: { id: string; userId: number; csrfToken: string; ip: string },
) {
  await db.transaction(async (tx) => {
    await tx
      .delete(sessions)
      .where(and(eq(sessions.userId, session.userId), isNotNull(sessions.endedAt)));
    await tx
      .update(sessions)
      .set({ endedAt: sql`now()`, endReason: "replaced" })
      .where(eq(sessions.userId, session.userId));
    await tx.insert(sessions).values(session);
  });
}

/**
 * The session (active or ended) and its user, and the current data version in the same round
 * trip: a cached dashboard answer then needs no other query.
 */
export async function sessionWithUser(db: Database, id: string) {
  const [row] = await db
    .select({
      session: sessions,
      user: users,
      dataVersion: sql<string>`(select last_value::text from data_version)`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id));
  return row ?? null;
}

/** Marks a session used; only written when the last mark is older than `staleMs`. */
export async function touchSession(db: Database, id: string, staleMs = 60_000) {
  await db
    .update(sessions)
    .set({ lastSeenAt: sql`now()` })
    .where(
      and(
        eq(sessions.id, id),
        isNull(sessions.endedAt),
        lte(sessions.lastSeenAt, sql`now() - make_interval(secs => ${staleMs / 1000})`),
      ),
    );
}

/** Ends a session, keeping why, unless it has ended already (the first reason stands). */
export async function endSession(db: Database, id: string, reason: SessionEndReason) {
  await db
    .update(sessions)
    .set({ endedAt: sql`now()`, endReason: reason })
    .where(and(eq(sessions.id, id), isNull(sessions.endedAt)));
}

/** Ends an account's sessions but `keep` (an administrator's change takes effect at once). */
export async function endOtherSessions(
  db: Database,
  userId: number,
  keep: string,
  reason: SessionEndReason,
) {
  await db
    .update(sessions)
    .set({ endedAt: sql`now()`, endReason: reason })
    .where(and(eq(sessions.userId, userId), ne(sessions.id, keep), isNull(sessions.endedAt)));
}

export type AuditEntry = typeof auditLog.$inferInsert;

export async function writeAudit(db: Database, entry: AuditEntry) {
  await auditInsert(db, entry);
}

/** The audit row's insert, not yet sent: to go with another statement (bumpDataVersion). */
export function auditInsert(db: Database, entry: AuditEntry) {
  return db.insert(auditLog).values(entry);
}

/** Several audit rows in one statement (a bulk change writes one per thing it changes). */
export async function writeAuditEntries(db: Database, entries: readonly AuditEntry[]) {
  if (entries.length > 0) await db.insert(auditLog).values([...entries]);
}
