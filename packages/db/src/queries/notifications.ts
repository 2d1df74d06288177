import { type Audience, groupBy, type NotificationKind } from "@jindu/domain";
import { and, count, desc, eq, isNull, lt, sql } from "drizzle-orm";
import { type Database, queryRows, sqlArray } from "../client.js";
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
  return notifyAll(db, [n]);
}

/** Rows per insert: well under PostgreSQL's 65,535 parameters for any of these tables. */
const CHUNK = 2_000;

/**
 * notify() for many events at once, in one read and one insert per table (an import's thousands
 * of months moved: one event each, and a round trip each cost most of the import's time).
 */
export async function notifyAll(db: Database, events: readonly NewNotification[]): Promise<number> {
  const wanted = events.filter((n) => n.audience.length > 0 || (n.userIds ?? []).length > 0);
  if (wanted.length === 0) return 0;
  const audiences = [
    ...new Map(
      wanted.flatMap((n) => n.audience).map((a) => [`${a.role}|${a.regionCode}`, a]),
    ).values(),
  ].map((a) => ({ role: a.role, region: a.regionCode }));
  const ids = [...new Set(wanted.flatMap((n) => n.userIds ?? []))];
  const regionsOf = [...new Set(audiences.map((a) => a.region))];
  // Who, what they turned off, and the channels: one statement.
  const [read] = await queryRows<{
    recipients: {
      id: number;
      role: string;
      regionCode: string | null;
      email: string | null;
      off: string[];
    }[];
    channels: { id: number; kind: string; provinceCode: string | null; kinds: string[] }[];
  }>(
    db,
    sql`
      select
        coalesce((
          select json_agg(json_build_object('id', u.id, 'role', u.role, 'regionCode', u.region_code,
            'email', u.email, 'off',
            coalesce((
              select json_agg(p.kind::text || ':' || p.channel::text)
              from ${notificationPreferences} p
              where p.user_id = u.id and p.enabled = false), '[]'::json)))
          from ${users} u
          where u.disabled = false
            -- The audiences' regions and the ids through their indexes (a bitmap of both),
            -- then the roles: the planner's generic plan for a join with the audience list
            -- scanned every account of the country on each submit at month end.
            and (u.region_code = any(${sqlArray(regionsOf, "text")})
                 or u.id = any(${sqlArray(ids, "int")}))
            and ((u.role::text, u.region_code::text) in (
                   select a.role, a.region
                   from jsonb_to_recordset(${JSON.stringify(audiences)}::jsonb) as a(role text, region text))
                 or u.id = any(${sqlArray(ids, "int")}))),
          '[]'::json) as recipients,
        coalesce((
          select json_agg(json_build_object('id', c.id, 'kind', c.kind,
            'provinceCode', c.province_code, 'kinds', c.kinds))
          from ${notificationChannels} c
          where c.enabled = true), '[]'::json) as channels`,
  );
  const recipients = read?.recipients ?? [];
  const channels = read?.channels ?? [];
  const byAudience = groupBy(recipients, (r) => `${r.role}|${r.regionCode}`);
  const byId = new Map(recipients.map((r) => [r.id, r]));
  const inboxRows: (typeof notifications.$inferInsert)[] = [];
  const queued: (typeof deliveries.$inferInsert)[] = [];
  for (const n of wanted) {
    const mine = new Map<number, (typeof recipients)[number]>();
    for (const a of n.audience) {
      for (const r of byAudience.get(`${a.role}|${a.regionCode}`) ?? []) mine.set(r.id, r);
    }
    for (const id of n.userIds ?? []) {
      const r = byId.get(id);
      if (r) mine.set(id, r);
    }
    const off = (r: (typeof recipients)[number], channel: string) =>
      r.off.includes(`${n.kind}:${channel}`);
    const { audience: _audience, userIds: _userIds, attachment, ...fields } = n;
    for (const r of mine.values()) {
      if (!off(r, "inbox")) inboxRows.push({ ...fields, userId: r.id });
    }
    const message = {
      kind: n.kind,
      titleZh: n.titleZh,
      titleEn: n.titleEn,
      body: n.body,
      link: n.link,
    };
    const provinces = new Set(n.audience.map((a) => provinceOf(a.regionCode)));
    for (const channel of channels) {
      if (channel.kinds.length > 0 && !channel.kinds.includes(n.kind)) continue;
      if (channel.kind === "smtp") {
        for (const r of mine.values()) {
          if (!r.email || off(r, "email")) continue;
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
  }
  let written = 0;
  for (let i = 0; i < inboxRows.length; i += CHUNK) {
    const rows = await db
      .insert(notifications)
      .values(inboxRows.slice(i, i + CHUNK))
      .onConflictDoNothing({ target: [notifications.userId, notifications.eventKey] })
      .returning({ id: notifications.id });
    written += rows.length;
  }
  let added = 0;
  for (let i = 0; i < queued.length; i += CHUNK) {
    const rows = await db
      .insert(deliveries)
      .values(queued.slice(i, i + CHUNK))
      .onConflictDoNothing()
      .returning({ id: deliveries.id });
    added += rows.length;
  }
  // Delivered on commit, to the workers of every process (not at all on a rollback).
  if (added > 0) await db.execute(sql`select pg_notify(${DELIVERY_CHANNEL}, '')`);
  return written;
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
