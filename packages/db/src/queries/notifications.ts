import type { Audience, NotificationKind } from "@jindu/domain";
import { and, count, desc, eq, inArray, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import { type Database, queryRows } from "../client.js";
import {
  type DeliveryAttachment,
  deliveries,
  notificationChannels,
  notificationPreferences,
  notifications,
  users,
} from "../schema.js";

export interface NewNotification {
  kind: NotificationKind;
  /** Every enabled account of these roles and exact regions… */
  audience: readonly Audience[];
  /** …and these accounts by id (a warning about one account, say). */
  userIds?: readonly number[];
  titleZh: string;
  titleEn: string;
  body: string | null;
  link: string;
  eventKey: string;
  /** Something the e-mail carries, made when it is sent. */
  attachment?: DeliveryAttachment | null;
}

/** The channel the NOTIFY wakes delivery workers on, in every API process. */
export const DELIVERY_CHANNEL = "jindu_deliveries";

const provinceOf = (code: string) => `${code.slice(0, 2)}0000`;

/**
 * Writes one notification for every enabled account in the audience (role and exact region) and
 * queues its deliveries on the other channels, all in the caller's transaction: the inbox row
 * and the e-mail where the person has not switched them off for this kind, and one message on
 * each enabled group channel (企业微信, 钉钉, webhook) that carries this kind for the event's
 * province. An event already written for a user or a channel is skipped. The sending happens
 * after the commit, in whichever process claims it, so the request that caused the event never
 * waits for a mail server. Returns how many inbox notifications were written.
 */
export async function notify(db: Database, n: NewNotification): Promise<number> {
  const userIds = n.userIds ?? [];
  if (n.audience.length === 0 && userIds.length === 0) return 0;
  const who = or(
    ...n.audience.map((a) => and(eq(users.role, a.role), eq(users.regionCode, a.regionCode))),
    userIds.length > 0 ? inArray(users.id, [...userIds]) : undefined,
  ) as SQL;
  // Who, what they turned off, and the channels: one statement (it was three in every submit).
  const [read] = await queryRows<{
    recipients: { id: number; email: string | null; off: string[] }[];
    channels: { id: number; kind: string; provinceCode: string | null; kinds: string[] }[];
  }>(
    db,
    sql`
      select
        coalesce((
          select json_agg(json_build_object('id', ${users.id}, 'email', ${users.email}, 'off',
            coalesce((
              select json_agg(${notificationPreferences.channel})
              from ${notificationPreferences}
              where ${notificationPreferences.userId} = ${users.id}
                and ${notificationPreferences.kind} = ${n.kind}
                and ${notificationPreferences.enabled} = false), '[]'::json)))
          from ${users}
          where (${who}) and ${users.disabled} = false), '[]'::json) as recipients,
        coalesce((
          select json_agg(json_build_object('id', ${notificationChannels.id},
            'kind', ${notificationChannels.kind}, 'provinceCode', ${notificationChannels.provinceCode},
            'kinds', ${notificationChannels.kinds}))
          from ${notificationChannels}
          where ${notificationChannels.enabled} = true), '[]'::json) as channels`,
  );
  const recipients = read?.recipients ?? [];
  const channels = read?.channels ?? [];
  const off = new Set(recipients.flatMap((r) => r.off.map((channel) => `${r.id}:${channel}`)));
  const { audience: _audience, userIds: _userIds, attachment, ...fields } = n;
  const inbox = recipients.filter((r) => !off.has(`${r.id}:inbox`));
  const written =
    inbox.length === 0
      ? []
      : await db
          .insert(notifications)
          .values(inbox.map((r) => ({ ...fields, userId: r.id })))
          .onConflictDoNothing({ target: [notifications.userId, notifications.eventKey] })
          .returning({ id: notifications.id });

  const message = {
    kind: n.kind,
    titleZh: n.titleZh,
    titleEn: n.titleEn,
    body: n.body,
    link: n.link,
  };
  const provinces = new Set(n.audience.map((a) => provinceOf(a.regionCode)));
  const queued: (typeof deliveries.$inferInsert)[] = [];
  for (const channel of channels) {
    if (channel.kinds.length > 0 && !channel.kinds.includes(n.kind)) continue;
    if (channel.kind === "smtp") {
      for (const r of recipients) {
        if (!r.email || off.has(`${r.id}:email`)) continue;
        queued.push({
          channelId: channel.id,
          eventKey: n.eventKey,
          recipient: r.email,
          message,
          attachment: attachment ?? null,
        });
      }
    } else if (
      provinces.size > 0 &&
      (channel.provinceCode === null || provinces.has(channel.provinceCode))
    ) {
      queued.push({ channelId: channel.id, eventKey: n.eventKey, message });
    }
  }
  if (queued.length > 0) {
    const added = await db
      .insert(deliveries)
      .values(queued)
      .onConflictDoNothing()
      .returning({ id: deliveries.id });
    // Delivered on commit, to the workers of every process (not at all on a rollback).
    if (added.length > 0) await db.execute(sql`select pg_notify(${DELIVERY_CHANNEL}, '')`);
  }
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
