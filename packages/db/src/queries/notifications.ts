import type { Audience, NotificationKind } from "@jindu/domain";
import { and, count, desc, eq, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import type { Database } from "../client.js";
import { notifications, users } from "../schema.js";

export interface NewNotification {
  kind: NotificationKind;
  audience: readonly Audience[];
  titleZh: string;
  titleEn: string;
  body: string | null;
  link: string;
  eventKey: string;
}

/**
 * Writes one notification for every enabled account in the audience (role and exact region), in
 * the caller's transaction; an event already written for a user is skipped. Returns how many
 * were written.
 */
export async function notify(db: Database, n: NewNotification): Promise<number> {
  if (n.audience.length === 0) return 0;
  const who = or(
    ...n.audience.map((a) => and(eq(users.role, a.role), eq(users.regionCode, a.regionCode))),
  ) as SQL;
  const recipients = await db
    .select({ id: users.id })
    .from(users)
    .where(and(who, eq(users.disabled, false)));
  if (recipients.length === 0) return 0;
  const { audience: _audience, ...fields } = n;
  const written = await db
    .insert(notifications)
    .values(recipients.map((r) => ({ ...fields, userId: r.id })))
    .onConflictDoNothing({ target: [notifications.userId, notifications.eventKey] })
    .returning({ id: notifications.id });
  return written.length;
}

/** A user's notifications, newest first; `before` pages on (an id from the last page). */
export function notificationsOf(
  db: Database,
  userId: number,
  page: { limit: number; before?: number | undefined; unread?: boolean | undefined },
) {
  return db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      titleZh: notifications.titleZh,
      titleEn: notifications.titleEn,
      body: notifications.body,
      link: notifications.link,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, userId),
        page.before === undefined ? undefined : lt(notifications.id, page.before),
        page.unread ? isNull(notifications.readAt) : undefined,
      ),
    )
    .orderBy(desc(notifications.id))
    .limit(page.limit);
}

export type NotificationRow = Awaited<ReturnType<typeof notificationsOf>>[number];

/** How many of a user's notifications are unread (served by the partial unread index). */
export async function unreadCount(db: Database, userId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/**
 * Marks one of the user's notifications read (already read: left as it was). False when the user
 * has no notification of that id, someone else's included.
 */
export async function markNotificationRead(
  db: Database,
  userId: number,
  id: number,
): Promise<boolean> {
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning({ id: notifications.id });
  return rows.length > 0;
}

/** Marks every unread notification of the user read; returns how many. */
export async function markAllNotificationsRead(db: Database, userId: number): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}
