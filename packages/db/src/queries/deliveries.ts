import type { NotificationKind, PersonalChannel } from "@jindu/domain";
import { and, desc, eq, lt, sql } from "drizzle-orm";
import { type Database, queryRows } from "../client.js";
import {
  type Delivery,
  deliveries,
  type NotificationChannel,
  notificationChannels,
  notificationPreferences,
} from "../schema.js";

/** A claimed delivery with its channel, ready to send. */
export interface DueDelivery extends Delivery {
  channel: NotificationChannel;
}

/**
 * Claims up to `limit` deliveries that are due (pending and their time come, or claimed by a
 * sender whose claim lapsed), for `claimMs`. SKIP LOCKED lets several processes claim at once
 * without taking the same one.
 */
export async function claimDueDeliveries(
  db: Database,
  limit: number,
  claimMs: number,
): Promise<DueDelivery[]> {
  const claimed = await queryRows<{ id: string | number }>(
    db,
    sql`
      update deliveries set status = 'sending',
        locked_until = now() + make_interval(secs => ${claimMs / 1000})
      where id in (
        select id from deliveries
        where (status = 'pending' and next_attempt_at <= now())
           or (status = 'sending' and locked_until < now())
        order by next_attempt_at, id
        limit ${limit}
        for update skip locked)
      returning id`,
  );
  if (claimed.length === 0) return [];
  const rows = await db
    .select()
    .from(deliveries)
    .innerJoin(notificationChannels, eq(notificationChannels.id, deliveries.channelId))
    .where(
      sql`${deliveries.id} in (${sql.join(
        claimed.map((c) => sql`${Number(c.id)}`),
        sql`, `,
      )})`,
    )
    .orderBy(deliveries.id);
  return rows.map((r) => ({ ...r.deliveries, channel: r.notification_channels }));
}

/** Records a delivery's outcome: sent, tried again at `retryAt`, or given up (no retryAt). */
export async function recordDelivery(
  db: Database,
  id: number,
  outcome:
    | { sent: true; responseStatus: number | null }
    | { sent: false; error: string; responseStatus: number | null; retryAt: Date | null },
): Promise<void> {
  await db
    .update(deliveries)
    .set(
      outcome.sent
        ? {
            status: "sent",
            attempts: sql`${deliveries.attempts} + 1`,
            sentAt: sql`now()`,
            lockedUntil: null,
            lastError: null,
            responseStatus: outcome.responseStatus,
          }
        : {
            status: outcome.retryAt ? "pending" : "failed",
            attempts: sql`${deliveries.attempts} + 1`,
            nextAttemptAt: outcome.retryAt ?? sql`now()`,
            lockedUntil: null,
            lastError: outcome.error.slice(0, 1000),
            responseStatus: outcome.responseStatus,
          },
    )
    .where(eq(deliveries.id, id));
}

/** The delivery log, newest first, for the administrator; `before` pages on. */
export function deliveryLog(
  db: Database,
  page: { limit: number; before?: number | undefined; channelId?: number | undefined },
) {
  return db
    .select({
      id: deliveries.id,
      channelId: deliveries.channelId,
      channelName: notificationChannels.name,
      channelKind: notificationChannels.kind,
      eventKey: deliveries.eventKey,
      recipient: deliveries.recipient,
      title: sql<string>`${deliveries.message}->>'titleZh'`,
      status: deliveries.status,
      attempts: deliveries.attempts,
      nextAttemptAt: deliveries.nextAttemptAt,
      lastError: deliveries.lastError,
      responseStatus: deliveries.responseStatus,
      createdAt: deliveries.createdAt,
      sentAt: deliveries.sentAt,
    })
    .from(deliveries)
    .innerJoin(notificationChannels, eq(notificationChannels.id, deliveries.channelId))
    .where(
      and(
        page.before === undefined ? undefined : lt(deliveries.id, page.before),
        page.channelId === undefined ? undefined : eq(deliveries.channelId, page.channelId),
      ),
    )
    .orderBy(desc(deliveries.id))
    .limit(page.limit);
}
export type DeliveryLogRow = Awaited<ReturnType<typeof deliveryLog>>[number];

export function channelsList(db: Database) {
  return db.select().from(notificationChannels).orderBy(notificationChannels.id);
}

export async function channelById(db: Database, id: number) {
  const [row] = await db.select().from(notificationChannels).where(eq(notificationChannels.id, id));
  return row ?? null;
}

export type ChannelFields = Pick<
  typeof notificationChannels.$inferInsert,
  "kind" | "name" | "provinceCode" | "kinds" | "config" | "enabled"
>;

export async function createChannel(db: Database, fields: ChannelFields, actor: string) {
  const [row] = await db
    .insert(notificationChannels)
    .values({ ...fields, updatedBy: actor })
    .returning();
  return row as NotificationChannel;
}

export async function updateChannel(
  db: Database,
  id: number,
  fields: Partial<ChannelFields>,
  actor: string,
) {
  const [row] = await db
    .update(notificationChannels)
    .set({ ...fields, updatedBy: actor, updatedAt: sql`now()` })
    .where(eq(notificationChannels.id, id))
    .returning();
  return row ?? null;
}

/** Removes a channel with its delivery log. */
export async function deleteChannel(db: Database, id: number): Promise<boolean> {
  const rows = await db
    .delete(notificationChannels)
    .where(eq(notificationChannels.id, id))
    .returning({ id: notificationChannels.id });
  return rows.length > 0;
}

/** The kinds and channels a user switched off (everything else is on). */
export function preferencesOf(db: Database, userId: number) {
  return db
    .select({
      kind: notificationPreferences.kind,
      channel: notificationPreferences.channel,
      enabled: notificationPreferences.enabled,
    })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId));
}

/** Stores a user's choices, each (kind, channel) given replacing what was there. */
export async function savePreferences(
  db: Database,
  userId: number,
  choices: readonly { kind: NotificationKind; channel: PersonalChannel; enabled: boolean }[],
): Promise<void> {
  if (choices.length === 0) return;
  await db
    .insert(notificationPreferences)
    .values(choices.map((c) => ({ ...c, userId })))
    .onConflictDoUpdate({
      target: [
        notificationPreferences.userId,
        notificationPreferences.kind,
        notificationPreferences.channel,
      ],
      set: { enabled: sql`excluded.enabled` },
    });
}
