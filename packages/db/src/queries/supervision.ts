import { and, asc, desc, eq, inArray, isNotNull, isNull, type SQL, sql } from "drizzle-orm";
import type { Database } from "../client.js";
import { regions, supervisionRecords } from "../schema.js";
import { regionSubtree } from "./catalogue.js";

export type SupervisionStatus = "open" | "closed" | "all";

export interface SupervisionFilter {
  /** Records of this region and the regions below it. */
  region?: string | undefined;
  /** Only regions at or below this one (the caller's scope). */
  within?: string | null | undefined;
  /** Records of exactly this region (not those below it). */
  exactRegion?: string | undefined;
  status?: SupervisionStatus | undefined;
  /** Only records the region has not answered yet. */
  unanswered?: boolean | undefined;
}

const columns = {
  record: supervisionRecords,
  region: {
    code: regions.code,
    nameZh: regions.nameZh,
    nameEn: regions.nameEn,
    level: regions.level,
  },
};

/** Supervision records with their region's names: open ones first, the nearest deadline first. */
export function listSupervision(db: Database, filter: SupervisionFilter = {}) {
  const where: SQL[] = [];
  if (filter.region) {
    where.push(inArray(supervisionRecords.regionCode, regionSubtree(filter.region)));
  }
  if (filter.within) {
    where.push(inArray(supervisionRecords.regionCode, regionSubtree(filter.within)));
  }
  if (filter.exactRegion) where.push(eq(supervisionRecords.regionCode, filter.exactRegion));
  if (filter.status === "open") where.push(isNull(supervisionRecords.closedAt));
  if (filter.status === "closed") where.push(isNotNull(supervisionRecords.closedAt));
  if (filter.unanswered) where.push(isNull(supervisionRecords.answeredAt));
  return db
    .select(columns)
    .from(supervisionRecords)
    .innerJoin(regions, eq(regions.code, supervisionRecords.regionCode))
    .where(and(...where))
    .orderBy(
      sql`${supervisionRecords.closedAt} is not null`,
      asc(supervisionRecords.deadline),
      desc(supervisionRecords.heldOn),
      asc(supervisionRecords.id),
    );
}

export type SupervisionRow = Awaited<ReturnType<typeof listSupervision>>[number];

export async function supervisionById(db: Database, id: number): Promise<SupervisionRow | null> {
  const [row] = await db
    .select(columns)
    .from(supervisionRecords)
    .innerJoin(regions, eq(regions.code, supervisionRecords.regionCode))
    .where(eq(supervisionRecords.id, id));
  return row ?? null;
}

export type NewSupervision = Pick<
  typeof supervisionRecords.$inferInsert,
  "regionCode" | "kind" | "heldOn" | "indicatorCodes" | "actions" | "deadline" | "createdBy"
> &
  Partial<Pick<typeof supervisionRecords.$inferInsert, "attendees" | "minutes">>;

export async function insertSupervision(db: Database, record: NewSupervision) {
  const [row] = await db.insert(supervisionRecords).values(record).returning();
  if (!row) throw new Error("insert returned no row");
  return row.id;
}

/**
 * Closes an open record with its outcome; false when there is no open record of that id
 * (already closed, or by a request that got there first).
 */
export async function closeSupervision(
  db: Database,
  id: number,
  close: { outcome: string; closedBy: string },
): Promise<boolean> {
  const rows = await db
    .update(supervisionRecords)
    .set({ ...close, closedAt: sql`now()` })
    .where(and(eq(supervisionRecords.id, id), isNull(supervisionRecords.closedAt)))
    .returning({ id: supervisionRecords.id });
  return rows.length > 0;
}

/**
 * Stores the region's answer to an open record (a new answer replaces the last, with its author
 * and time); false when there is no open record of that id.
 */
export async function answerSupervision(
  db: Database,
  id: number,
  answer: { explanation: string; measures: string; answeredBy: string },
): Promise<boolean> {
  const rows = await db
    .update(supervisionRecords)
    .set({ ...answer, answeredAt: sql`now()` })
    .where(and(eq(supervisionRecords.id, id), isNull(supervisionRecords.closedAt)))
    .returning({ id: supervisionRecords.id });
  return rows.length > 0;
}

/** An interview's attendees and minutes; false when there is no record of that id. */
export async function setSupervisionMinutes(
  db: Database,
  id: number,
  minutes: { attendees: string | null; minutes: string | null },
): Promise<boolean> {
  const rows = await db
    .update(supervisionRecords)
    .set(minutes)
    .where(eq(supervisionRecords.id, id))
    .returning({ id: supervisionRecords.id });
  return rows.length > 0;
}

/**
 * Marks an open record as proposed for closing (销号), or withdraws the proposal; true only when
 * the proposal is new (it was not proposed before), which is when the officials are told.
 */
export async function setCloseProposed(
  db: Database,
  id: number,
  proposed: boolean,
): Promise<boolean> {
  if (!proposed) {
    await db
      .update(supervisionRecords)
      .set({ closeProposedAt: null })
      .where(eq(supervisionRecords.id, id));
    return false;
  }
  const rows = await db
    .update(supervisionRecords)
    .set({ closeProposedAt: sql`now()` })
    .where(
      and(
        eq(supervisionRecords.id, id),
        isNull(supervisionRecords.closedAt),
        isNull(supervisionRecords.closeProposedAt),
      ),
    )
    .returning({ id: supervisionRecords.id });
  return rows.length > 0;
}
