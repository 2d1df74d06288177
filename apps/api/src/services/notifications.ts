import {
  type Database,
  markAllNotificationsRead,
  markNotificationRead,
  type NotificationRow,
  notificationsOf,
  unreadCount,
} from "@jindu/db";
import { notFound } from "../errors.js";
import type { Notification, NotificationList, NotificationQuery } from "../schemas/index.js";

const present = (row: NotificationRow): Notification => ({
  ...row,
  createdAt: row.createdAt.toISOString(),
  readAt: row.readAt?.toISOString() ?? null,
});

/** A page of the user's own inbox, newest first, with the unread count. */
export async function inbox(
  db: Database,
  userId: number,
  q: NotificationQuery,
): Promise<NotificationList> {
  const limit = q.limit ?? 20;
  // One more than asked tells whether there is a next page.
  const rows = await notificationsOf(db, userId, {
    limit: limit + 1,
    before: q.before,
    unread: q.unread,
  });
  const page = rows.slice(0, limit);
  return {
    notifications: page.map(present),
    next: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
    unread: await unreadCount(db, userId),
  };
}

/** Marks one of the user's own notifications read; anyone else's is not found (404). */
export async function markRead(db: Database, userId: number, id: number) {
  if (!(await markNotificationRead(db, userId, id))) throw notFound(`no notification ${id}`);
  return { unread: await unreadCount(db, userId) };
}

export async function markAllRead(db: Database, userId: number) {
  const marked = await markAllNotificationsRead(db, userId);
  return { marked, unread: await unreadCount(db, userId) };
}
