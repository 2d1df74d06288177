import { and, asc, count, desc, eq, gte, inArray, lte, type SQL } from "drizzle-orm";
import type { Database } from "../client.js";
import {
  auditLog,
  indicators,
  notificationChannels,
  regions,
  supervisionRecords,
  targets,
  users,
} from "../schema.js";

export interface AuditPageFilter {
  username?: string | undefined;
  action?: string | undefined;
  entity?: string | undefined;
  result?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

function auditWhere(f: AuditPageFilter): SQL | undefined {
  const where: SQL[] = [];
  if (f.username) where.push(eq(auditLog.username, f.username));
  if (f.action) where.push(eq(auditLog.action, f.action));
  if (f.entity) where.push(eq(auditLog.entity, f.entity));
  if (f.result) where.push(eq(auditLog.result, f.result));
  if (f.from) where.push(gte(auditLog.at, f.from));
  if (f.to) where.push(lte(auditLog.at, f.to));
  return and(...where);
}

/** One page of the filtered log, newest first, and how many entries the filter matches in all. */
export async function auditPage(db: Database, f: AuditPageFilter) {
  const where = auditWhere(f);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.id))
      .limit(f.limit ?? 50)
      .offset(f.offset ?? 0),
    db.select({ n: count() }).from(auditLog).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** The values the log's filters can take: who acted, which actions, on which kinds of entity. */
export async function auditFacets(db: Database) {
  const [usernames, actions, entities] = await Promise.all([
    db.selectDistinct({ v: auditLog.username }).from(auditLog).orderBy(asc(auditLog.username)),
    db.selectDistinct({ v: auditLog.action }).from(auditLog).orderBy(asc(auditLog.action)),
    db.selectDistinct({ v: auditLog.entity }).from(auditLog).orderBy(asc(auditLog.entity)),
  ]);
  const values = (rows: { v: string | null }[]) =>
    rows.map((r) => r.v).filter((v): v is string => v !== null);
  return { usernames: values(usernames), actions: values(actions), entities: values(entities) };
}

/** The rows an audit page's entries name by id, to show them by name. */
export async function auditObjects(
  db: Database,
  ids: { users: number[]; targets: number[]; supervision: number[]; channels: number[] },
) {
  const none = Promise.resolve([]);
  const [userRows, targetRows, supervisionRows, channelRows, regionRows, indicatorRows] =
    await Promise.all([
      ids.users.length
        ? db
            .select({ id: users.id, username: users.username, displayName: users.displayName })
            .from(users)
            .where(inArray(users.id, ids.users))
        : none,
      ids.targets.length
        ? db
            .select({
              id: targets.id,
              indicatorCode: targets.indicatorCode,
              regionCode: targets.regionCode,
              year: targets.year,
            })
            .from(targets)
            .where(inArray(targets.id, ids.targets))
        : none,
      ids.supervision.length
        ? db
            .select({
              id: supervisionRecords.id,
              regionCode: supervisionRecords.regionCode,
              kind: supervisionRecords.kind,
            })
            .from(supervisionRecords)
            .where(inArray(supervisionRecords.id, ids.supervision))
        : none,
      ids.channels.length
        ? db
            .select({ id: notificationChannels.id, name: notificationChannels.name })
            .from(notificationChannels)
            .where(inArray(notificationChannels.id, ids.channels))
        : none,
      db
        .select({ code: regions.code, nameZh: regions.nameZh, nameEn: regions.nameEn })
        .from(regions),
      db
        .select({ code: indicators.code, nameZh: indicators.nameZh, nameEn: indicators.nameEn })
        .from(indicators),
    ]);
  return {
    users: userRows,
    targets: targetRows,
    supervision: supervisionRows,
    channels: channelRows,
    regions: regionRows,
    indicators: indicatorRows,
  };
}
