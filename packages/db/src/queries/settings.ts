import { DEFAULT_LADDER, type SupervisionLadder } from "@jindu/domain";
import { eq, sql } from "drizzle-orm";
import { type Database, queryRows } from "../client.js";
import { provinceSettings, regions } from "../schema.js";

/** Whether a province asks for four eyes on approvals: on unless it was turned off. */
export async function fourEyesOf(db: Database, provinceCode: string): Promise<boolean> {
  const [row] = await db
    .select({ fourEyes: provinceSettings.fourEyes })
    .from(provinceSettings)
    .where(eq(provinceSettings.regionCode, provinceCode));
  return row?.fourEyes ?? true;
}

/** Every province with its settings (the defaults where none were saved), by code. */
export function allProvinceSettings(db: Database) {
  return db
    .select({
      regionCode: regions.code,
      nameZh: regions.nameZh,
      nameEn: regions.nameEn,
      fourEyes: sql<boolean>`coalesce(${provinceSettings.fourEyes}, true)`,
      updatedBy: provinceSettings.updatedBy,
    })
    .from(regions)
    .leftJoin(provinceSettings, eq(provinceSettings.regionCode, regions.code))
    .where(eq(regions.level, "province"))
    .orderBy(regions.code);
}

export async function setFourEyes(
  db: Database,
  provinceCode: string,
  fourEyes: boolean,
  actor: string,
) {
  await db
    .insert(provinceSettings)
    .values({ regionCode: provinceCode, fourEyes, updatedBy: actor })
    .onConflictDoUpdate({
      target: provinceSettings.regionCode,
      set: { fourEyes, updatedBy: actor, updatedAt: sql`now()` },
    });
}

/** A province's choices about how its regions report, its reporting calendar among them. */
export interface ReportingSettings {
  allowPartialMonths: boolean;
  /** Month m is due by this day of month m + 1. */
  deadlineDay: number;
  /** Days after the deadline a first submission still counts as on time. */
  graceDays: number;
  /** Months (1–12) that owe no report. */
  noReportMonths: number[];
  /** Days before the deadline a bureau is reminded (0: not). */
  reminderDaysBefore: number;
  /** Days after the on-time window a missing month is escalated to the province. */
  escalateAfterDays: number;
  /** Day of the month the last month's bulletin goes to leaders (null: not pushed). */
  bulletinDay: number | null;
}

const DEFAULTS: ReportingSettings = {
  allowPartialMonths: false,
  deadlineDay: 5,
  graceDays: 0,
  noReportMonths: [],
  reminderDaysBefore: 3,
  escalateAfterDays: 5,
  bulletinDay: null,
};

/** Drivers differ on smallint[] (numbers or strings); months come back as sorted numbers. */
const monthsOf = (months: readonly (number | string)[] | null | undefined) =>
  [...(months ?? [])].map(Number).sort((a, b) => a - b);

/** The settings of the province a region lies in (the region itself when it is one). */
export async function settingsOfRegion(
  db: Database,
  regionCode: string,
): Promise<ReportingSettings> {
  const [row] = await queryRows<ReportingSettings>(
    db,
    sql`
      with recursive chain(code, parent_code, level, depth) as (
        select code, parent_code, level, 0 from regions where code = ${regionCode}
        union all
        select r.code, r.parent_code, r.level, c.depth + 1
        from regions r join chain c on r.code = c.parent_code
        where c.depth < 5
      )
      select s.allow_partial_months as "allowPartialMonths",
        s.deadline_day as "deadlineDay",
        s.grace_days as "graceDays",
        s.no_report_months as "noReportMonths",
        s.reminder_days_before as "reminderDaysBefore",
        s.escalate_after_days as "escalateAfterDays",
        s.bulletin_day as "bulletinDay"
      from chain c join province_settings s on s.region_code = c.code
      where c.level = 'province'`,
  );
  if (!row) return { ...DEFAULTS };
  return {
    allowPartialMonths: row.allowPartialMonths,
    deadlineDay: Number(row.deadlineDay),
    graceDays: Number(row.graceDays),
    noReportMonths: monthsOf(row.noReportMonths),
    reminderDaysBefore: Number(row.reminderDaysBefore),
    escalateAfterDays: Number(row.escalateAfterDays),
    bulletinDay: row.bulletinDay === null ? null : Number(row.bulletinDay),
  };
}

/**
 * Stores a province's reporting settings (a row per province, created on first change); fields
 * left out keep what they were.
 */
export async function saveReportingSettings(
  db: Database,
  regionCode: string,
  change: Partial<ReportingSettings>,
  actor: string,
): Promise<ReportingSettings> {
  const settings = { ...(await settingsOfRegion(db, regionCode)), ...change };
  settings.noReportMonths = monthsOf([...new Set(settings.noReportMonths)]);
  const [row] = await db
    .insert(provinceSettings)
    .values({ regionCode, ...settings, updatedBy: actor })
    .onConflictDoUpdate({
      target: provinceSettings.regionCode,
      set: { ...settings, updatedBy: actor, updatedAt: sql`now()` },
    })
    .returning({
      allowPartialMonths: provinceSettings.allowPartialMonths,
      deadlineDay: provinceSettings.deadlineDay,
      graceDays: provinceSettings.graceDays,
      noReportMonths: provinceSettings.noReportMonths,
      reminderDaysBefore: provinceSettings.reminderDaysBefore,
      escalateAfterDays: provinceSettings.escalateAfterDays,
      bulletinDay: provinceSettings.bulletinDay,
    });
  return row ? { ...row, noReportMonths: monthsOf(row.noReportMonths) } : settings;
}

/** The provinces that push last month's bulletin on this day of the month. */
export function provincesPushingBulletinOn(db: Database, day: number) {
  return db
    .select({ code: regions.code, nameZh: regions.nameZh, nameEn: regions.nameEn })
    .from(provinceSettings)
    .innerJoin(regions, eq(regions.code, provinceSettings.regionCode))
    .where(eq(provinceSettings.bulletinDay, day))
    .orderBy(regions.code);
}

/** The province's supervision ladder, the defaults where it saved none (or for a part of one). */
export async function supervisionLadderOf(
  db: Database,
  provinceCode: string,
): Promise<SupervisionLadder> {
  const [row] = await db
    .select({ ladder: provinceSettings.supervisionLadder })
    .from(provinceSettings)
    .where(eq(provinceSettings.regionCode, provinceCode));
  const saved = row?.ladder ?? null;
  return {
    reminder: { ...DEFAULT_LADDER.reminder, ...saved?.reminder },
    interview: { ...DEFAULT_LADDER.interview, ...saved?.interview },
    listed: { ...DEFAULT_LADDER.listed, ...saved?.listed },
    closeAfterMonths: saved?.closeAfterMonths ?? DEFAULT_LADDER.closeAfterMonths,
  };
}

/** Stores a province's supervision ladder (the row is created on first change). */
export async function saveSupervisionLadder(
  db: Database,
  provinceCode: string,
  ladder: SupervisionLadder,
  actor: string,
): Promise<SupervisionLadder> {
  await db
    .insert(provinceSettings)
    .values({ regionCode: provinceCode, supervisionLadder: ladder, updatedBy: actor })
    .onConflictDoUpdate({
      target: provinceSettings.regionCode,
      set: { supervisionLadder: ladder, updatedBy: actor, updatedAt: sql`now()` },
    });
  return supervisionLadderOf(db, provinceCode);
}
