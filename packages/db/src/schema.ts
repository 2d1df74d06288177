import {
  type BaseMapRegion,
  type ChannelKind,
  type DeliveryMessage,
  DIRECTIONS,
  INDICATOR_KINDS,
  type NotificationKind,
  type PersonalChannel,
  REGION_LEVELS,
  ROLES,
  type SessionEndReason,
  type SupervisionLadder,
} from "@jindu/domain";
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgSequence,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from "drizzle-orm/pg-core";

export const regionLevel = pgEnum("region_level", REGION_LEVELS);
export const indicatorKind = pgEnum("indicator_kind", INDICATOR_KINDS);
export const direction = pgEnum("direction", DIRECTIONS);
export const reportStatus = pgEnum("report_status", ["draft", "submitted", "approved", "returned"]);

/** Administrative regions by their GB/T 2260 code. */
export const regions = pgTable(
  "regions",
  {
    code: varchar("code", { length: 6 }).primaryKey(),
    nameZh: text("name_zh").notNull(),
    nameEn: text("name_en").notNull(),
    level: regionLevel("level").notNull(),
    parentCode: varchar("parent_code", { length: 6 }).references((): AnyPgColumn => regions.code),
  },
  (t) => [
    index("regions_parent_idx").on(t.parentCode, t.code),
    check("regions_code_format", sql`${t.code} ~ '^[0-9]{6}$'`),
  ],
);

export const indicators = pgTable("indicators", {
  code: text("code").primaryKey(),
  nameZh: text("name_zh").notNull(),
  nameEn: text("name_en").notNull(),
  unitZh: text("unit_zh").notNull(),
  unitEn: text("unit_en").notNull(),
  kind: indicatorKind("kind").notNull(),
  direction: direction("direction").notNull(),
  category: text("category").notNull(),
  /** For ratio indicators: what the numerator and denominator are. */
  parts: text("parts"),
  /** Source documents, by their number prefix in shared/sources. */
  source: text("source"),
  /** 12 cumulative fractions of the year's work by month end; null means an even pace. */
  seasonalProfile: jsonb("seasonal_profile").$type<number[]>(),
  sortOrder: integer("sort_order").notNull().default(0),
  /**
   * The province whose own indicator this is (its GB/T 2260 code); null for the national
   * catalogue. Other provinces never see it.
   */
  ownerCode: varchar("owner_code", { length: 6 }).references((): AnyPgColumn => regions.code),
  /** Figures are whole numbers (households, projects); null: decided by the unit, as before. */
  wholeNumber: boolean("whole_number"),
  /** First and last year the indicator is in force; null is open-ended. Retiring sets the last. */
  firstYear: smallint("first_year"),
  lastYear: smallint("last_year"),
});

/** Annual target (目标任务): a count for cumulative, a share (fraction) for ratio, a value for level. */
export const targets = pgTable(
  "targets",
  {
    id: serial("id").primaryKey(),
    indicatorCode: text("indicator_code")
      .notNull()
      .references(() => indicators.code),
    regionCode: varchar("region_code", { length: 6 })
      .notNull()
      .references(() => regions.code),
    year: smallint("year").notNull(),
    value: numeric("value", { mode: "number" }).notNull(),
    dueMonth: smallint("due_month").notNull().default(12),
    /**
     * The target is held to an even pace (m / due month) whatever seasonal profile its indicator
     * has: a milestone ("8,994 households by the end of May") ignores the season.
     */
    linear: boolean("linear").notNull().default(false),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("targets_key").on(t.indicatorCode, t.year, t.regionCode),
    index("targets_region").on(t.regionCode, t.year),
    check("targets_due_month", sql`${t.dueMonth} between 1 and 12`),
    check("targets_value_nonneg", sql`${t.value} >= 0`),
  ],
);

/**
 * Monthly report (月报) of one indicator for one region: year-to-date value for cumulative
 * indicators, the point value for level ones, both year-to-date parts for ratio ones.
 */
export const reports = pgTable(
  "reports",
  {
    id: serial("id").primaryKey(),
    indicatorCode: text("indicator_code")
      .notNull()
      .references(() => indicators.code),
    regionCode: varchar("region_code", { length: 6 })
      .notNull()
      .references(() => regions.code),
    year: smallint("year").notNull(),
    month: smallint("month").notNull(),
    value: numeric("value", { mode: "number" }),
    numerator: numeric("numerator", { mode: "number" }),
    denominator: numeric("denominator", { mode: "number" }),
    status: reportStatus("status").notNull().default("draft"),
    version: integer("version").notNull().default(1),
    /** The reporter's written explanation of a warning (an unusual jump, a very high figure). */
    explanation: text("explanation"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Serves both "month m of these regions" and "latest month ≤ m" (level indicators).
    uniqueIndex("reports_key").on(t.indicatorCode, t.year, t.regionCode, t.month),
    // A region's month (forms, workflow, imports): 6.35 s → 0.14 s per bureau at national size.
    index("reports_region_month").on(t.regionCode, t.year, t.month),
    check("reports_month", sql`${t.month} between 1 and 12`),
    check(
      "reports_nonneg",
      sql`coalesce(${t.value}, 0) >= 0 and coalesce(${t.numerator}, 0) >= 0 and coalesce(${t.denominator}, 0) >= 0`,
    ),
    check(
      "reports_shape",
      sql`(${t.value} is not null and ${t.numerator} is null and ${t.denominator} is null) or (${t.value} is null and ${t.numerator} is not null and ${t.denominator} is not null)`,
    ),
  ],
);

/**
 * A monthly submission (月报): one region's figures for a year and month, moving through
 * draft → submitted → approved | returned. Its reports carry the same status.
 */
export const submissions = pgTable(
  "submissions",
  {
    id: serial("id").primaryKey(),
    regionCode: varchar("region_code", { length: 6 })
      .notNull()
      .references(() => regions.code),
    year: smallint("year").notNull(),
    month: smallint("month").notNull(),
    status: reportStatus("status").notNull().default("draft"),
    version: integer("version").notNull().default(1),
    /** First time it was sent in: what timeliness (及时率) is judged on. */
    firstSubmittedAt: timestamp("first_submitted_at", { withTimezone: true }),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    submittedBy: text("submitted_by"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decidedBy: text("decided_by"),
    /** Why it was returned or reopened. */
    reason: text("reason"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("submissions_key").on(t.year, t.month, t.regionCode),
    // A province's regions over their year (data quality, the reporting record): the key above
    // leads with the month and made that read scan every region's year.
    index("submissions_region_year").on(t.regionCode, t.year, t.month),
    check("submissions_month", sql`${t.month} between 1 and 12`),
  ],
);

/** Every change of a figure or of its status, never updated or deleted. */
export const reportRevisions = pgTable(
  "report_revisions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    indicatorCode: text("indicator_code").notNull(),
    regionCode: varchar("region_code", { length: 6 }).notNull(),
    year: smallint("year").notNull(),
    month: smallint("month").notNull(),
    version: integer("version").notNull(),
    action: text("action").notNull(),
    oldValue: numeric("old_value", { mode: "number" }),
    newValue: numeric("new_value", { mode: "number" }),
    oldNumerator: numeric("old_numerator", { mode: "number" }),
    newNumerator: numeric("new_numerator", { mode: "number" }),
    oldDenominator: numeric("old_denominator", { mode: "number" }),
    newDenominator: numeric("new_denominator", { mode: "number" }),
    oldStatus: reportStatus("old_status"),
    newStatus: reportStatus("new_status").notNull(),
    actor: text("actor").notNull(),
    reason: text("reason"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("report_revisions_key").on(t.indicatorCode, t.regionCode, t.year, t.month, t.id),
    // Data quality counts a region's months changed after approval on every first read of a
    // dashboard: without it that read scanned every revision ever kept (append-only, growing
    // with every save). Partial: only revisions of approved figures, a few, so saves stay cheap.
    index("report_revisions_after_approval")
      .on(t.regionCode, t.year, t.month)
      .where(sql`${t.oldStatus} = 'approved'`),
  ],
);

/** Responses of requests sent with an Idempotency-Key, so a retry never applies twice. */
export const idempotencyKeys = pgTable("idempotency_keys", {
  key: text("key").primaryKey(),
  /**
   * Method, URL and body digest the key was first used with; the same key elsewhere or with
   * another body is refused. The key itself starts with the account's id: keys are per account.
   */
  scope: text("scope").notNull(),
  statusCode: integer("status_code").notNull(),
  response: jsonb("response").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const role = pgEnum("role", ROLES);

/** People who sign in: one role, one region scope (null: the whole country). */
export const users = pgTable(
  "users",
  {
    id: serial("id").primaryKey(),
    username: text("username").notNull().unique(),
    displayName: text("display_name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: role("role").notNull(),
    regionCode: varchar("region_code", { length: 6 }).references(() => regions.code),
    /** How to reach the person (optional); bounded as packages/domain accounts.ts says. */
    phone: varchar("phone", { length: 32 }),
    email: varchar("email", { length: 254 }),
    passwordChangedAt: timestamp("password_changed_at", { withTimezone: true })
      .notNull()
      .defaultNow(),
    /** Accounts created by an administrator must choose their own password first. */
    mustChangePassword: boolean("must_change_password").notNull().default(true),
    failedLogins: integer("failed_logins").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    /** Base32 TOTP secret (RFC 6238); the second factor once `totpEnabled`. */
    totpSecret: text("totp_secret"),
    totpEnabled: boolean("totp_enabled").notNull().default(false),
    /** The last time step (unix seconds ÷ 30) whose code was accepted: a code is good once. */
    totpLastStep: integer("totp_last_step"),
    disabled: boolean("disabled").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // Who a notification reaches (the officials of a region): every submit asks, and a country's
  // thousands of accounts were scanned for it.
  (t) => [index("users_region").on(t.regionCode)],
);

/** Server-side sessions, so any API instance can serve any request. The id is a token hash. */
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    csrfToken: text("csrf_token").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    ip: text("ip"),
    /**
     * An ended session is kept (until the account's next sign-in) so that a request still
     * carrying its cookie learns why it ended: at most one generation per account.
     */
    endedAt: timestamp("ended_at", { withTimezone: true }),
    endReason: text("end_reason").$type<SessionEndReason>(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/**
 * Sign-in attempts per key (`ip:<address>`, `user:<name>`) in the current one-minute window, in
 * the database so that the limit holds across every API process.
 */
export const signInAttempts = pgTable("sign_in_attempts", {
  key: text("key").primaryKey(),
  windowStart: timestamp("window_start", { withTimezone: true }).notNull().defaultNow(),
  attempts: integer("attempts").notNull().default(0),
});

/**
 * A province's own rules. Four eyes (四眼原则): the official who approves a month must not be the
 * one who submitted it or last edited its figures; on unless the province turns it off.
 */
export const provinceSettings = pgTable(
  "province_settings",
  {
    regionCode: varchar("region_code", { length: 6 })
      .primaryKey()
      .references(() => regions.code),
    fourEyes: boolean("four_eyes").notNull().default(true),
    /** A month may be submitted with figures that have a target missing (default: it stays a draft). */
    allowPartialMonths: boolean("allow_partial_months").notNull().default(false),
    /** Month m is due by this day of month m + 1 (1–28, Beijing time). */
    deadlineDay: smallint("deadline_day").notNull().default(5),
    /** Days after the deadline a first submission still counts as on time (0–15). */
    graceDays: smallint("grace_days").notNull().default(0),
    /** Months (1–12) that owe no report in this province, e.g. a quarterly indicator's others. */
    noReportMonths: smallint("no_report_months").array().notNull().default(sql`'{}'::smallint[]`),
    /** Days before the deadline a bureau is reminded (0: not). */
    reminderDaysBefore: smallint("reminder_days_before").notNull().default(3),
    /** Days after the on-time window a missing month is escalated to the province. */
    escalateAfterDays: smallint("escalate_after_days").notNull().default(5),
    /** Day of the month the last month's bulletin is pushed to leaders (null: not pushed). */
    bulletinDay: smallint("bulletin_day"),

    /** The supervision ladder (levels' thresholds, months on schedule before 销号); null: defaults. */
    supervisionLadder: jsonb("supervision_ladder").$type<SupervisionLadder>(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text("updated_by"),
  },
  (t) => [
    check("province_settings_deadline_day", sql`${t.deadlineDay} between 1 and 28`),
    check("province_settings_grace_days", sql`${t.graceDays} between 0 and 15`),
    check("province_settings_reminder_days", sql`${t.reminderDaysBefore} between 0 and 10`),
    check("province_settings_escalate_days", sql`${t.escalateAfterDays} between 1 and 30`),
    check("province_settings_bulletin_day", sql`${t.bulletinDay} between 1 and 28`),
  ],
);

/** Who did what, when, from where, with old and new values: append-only, kept indefinitely. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    userId: integer("user_id"),
    username: text("username"),
    ip: text("ip"),
    requestId: text("request_id"),
    action: text("action").notNull(),
    entity: text("entity"),
    entityId: text("entity_id"),
    oldValue: jsonb("old_value"),
    newValue: jsonb("new_value"),
    result: text("result").notNull(),
    reason: text("reason"),
  },
  (t) => [index("audit_log_at_idx").on(t.at), index("audit_log_user_idx").on(t.username, t.at)],
);

/**
 * Bumped by the API with every successful change, in its transaction: cached answers and ETags
 * are valid for one value (see bumpDataVersion for the order of commits).
 */
export const dataVersion = pgSequence("data_version");

export type Region = typeof regions.$inferSelect;
export type Indicator = typeof indicators.$inferSelect;
export type Target = typeof targets.$inferSelect;
export type Report = typeof reports.$inferSelect;
export type Submission = typeof submissions.$inferSelect;
export type User = typeof users.$inferSelect;
export type ReportRevision = typeof reportRevisions.$inferSelect;

export const supervisionKind = pgEnum("supervision_kind", ["reminder", "interview", "listed"]);

/**
 * Supervision of a lagging region: a reminder (提醒), an interview (约谈) or listed supervision
 * (挂牌督办), with the indicators concerned, what must be done by when, the region's answer (its
 * explanation and measures, 整改措施), an interview's attendees and minutes, the proposal to close
 * it once the region is back on schedule (销号), and how it ended once closed.
 */
export const supervisionRecords = pgTable(
  "supervision_records",
  {
    id: serial("id").primaryKey(),
    regionCode: varchar("region_code", { length: 6 })
      .notNull()
      .references(() => regions.code),
    kind: supervisionKind("kind").notNull(),
    /** The day it took place (Beijing date). */
    heldOn: text("held_on").notNull(),
    indicatorCodes: jsonb("indicator_codes").$type<string[]>().notNull(),
    actions: text("actions").notNull(),
    /** Date the required actions are due. */
    deadline: text("deadline").notNull(),
    createdBy: text("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** An interview's attendees and minutes, filled in by the officials. */
    attendees: text("attendees"),
    minutes: text("minutes"),
    /** The region's answer: why it is behind, and what it does about it (整改措施). */
    explanation: text("explanation"),
    measures: text("measures"),
    answeredBy: text("answered_by"),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    /** Set while the region has been back on schedule long enough to propose 销号. */
    closeProposedAt: timestamp("close_proposed_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    closedBy: text("closed_by"),
    outcome: text("outcome"),
  },
  (t) => [index("supervision_records_region").on(t.regionCode, t.closedAt)],
);

/**
 * Multi-year plan (e.g. the 14th five-year plan, 2021–2025) of one indicator for one region:
 * the total and how it is split into years; the yearly targets are written from it.
 */
export const targetPlans = pgTable(
  "target_plans",
  {
    id: serial("id").primaryKey(),
    indicatorCode: text("indicator_code")
      .notNull()
      .references(() => indicators.code),
    regionCode: varchar("region_code", { length: 6 })
      .notNull()
      .references(() => regions.code),
    fromYear: smallint("from_year").notNull(),
    toYear: smallint("to_year").notNull(),
    total: numeric("total", { mode: "number" }).notNull(),
    /** One value per year from fromYear to toYear; they sum to the total. */
    yearValues: jsonb("year_values").$type<number[]>().notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("target_plans_key").on(t.indicatorCode, t.regionCode, t.fromYear),
    check("target_plans_years", sql`${t.toYear} >= ${t.fromYear}`),
    check("target_plans_total_nonneg", sql`${t.total} >= 0`),
  ],
);

/**
 * A province's annual task list (年度目标任务清单): the indicators it works on in a year and which
 * of its regions carry each (null: all of them). A province with no row for a year has no list.
 */
export const annualTasks = pgTable(
  "annual_tasks",
  {
    provinceCode: varchar("province_code", { length: 6 })
      .notNull()
      .references(() => regions.code),
    year: smallint("year").notNull(),
    indicatorCode: text("indicator_code")
      .notNull()
      .references(() => indicators.code),
    regionCodes: jsonb("region_codes").$type<string[]>(),
    sortOrder: integer("sort_order").notNull().default(0),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text("updated_by"),
  },
  (t) => [primaryKey({ columns: [t.provinceCode, t.year, t.indicatorCode] })],
);

/**
 * A province's own seasonal profile of an indicator (northern provinces stop building in winter,
 * southern ones do not): it overrides the indicator's national profile within that province only.
 */
export const provinceProfiles = pgTable(
  "province_profiles",
  {
    regionCode: varchar("region_code", { length: 6 })
      .notNull()
      .references(() => regions.code),
    // A profile is a setting of its indicator, not a use of it: deleting an unused indicator
    // takes its provinces' profiles with it.
    indicatorCode: text("indicator_code")
      .notNull()
      .references(() => indicators.code, { onDelete: "cascade" }),
    /** 12 cumulative fractions of the year's work by month end, December 1. */
    profile: jsonb("profile").$type<number[]>().notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text("updated_by"),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.indicatorCode] }),
    check("province_profiles_province", sql`${t.regionCode} ~ '^[0-9]{2}0000$'`),
  ],
);
export type ProvinceProfile = typeof provinceProfiles.$inferSelect;

/**
 * The in-app inbox: one row per recipient and event, written in the transaction of the change
 * that caused it. The event key keeps one event from reaching anyone twice.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: serial("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind").$type<NotificationKind>().notNull(),
    titleZh: varchar("title_zh", { length: 200 }).notNull(),
    titleEn: varchar("title_en", { length: 200 }).notNull(),
    body: varchar("body", { length: 1000 }),
    /** Where in the app it leads: a path and query, e.g. /entry?region=330300&year=2024&month=6. */
    link: varchar("link", { length: 500 }).notNull(),
    eventKey: varchar("event_key", { length: 200 }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("notifications_event").on(t.userId, t.eventKey),
    index("notifications_user_idx").on(t.userId, t.id),
    // The bell's count: a user's unread ones only.
    index("notifications_unread_idx").on(t.userId).where(sql`${t.readAt} is null`),
  ],
);
export type Notification = typeof notifications.$inferSelect;

/**
 * A channel beyond the inbox, configured by the administrator: the SMTP server, a 企业微信 or 钉钉
 * group robot, or a signed webhook. A group channel carries the kinds listed (all when empty) of
 * one province's events (every province's when null).
 */
export const notificationChannels = pgTable("notification_channels", {
  id: serial("id").primaryKey(),
  kind: text("kind").$type<ChannelKind>().notNull(),
  name: varchar("name", { length: 100 }).notNull(),
  provinceCode: varchar("province_code", { length: 6 }).references(() => regions.code),
  kinds: jsonb("kinds").$type<NotificationKind[]>().notNull().default([]),
  /** smtp: host, port, secure, user, password, from; robots and webhook: url, secret. */
  config: jsonb("config").$type<Record<string, string | number | boolean>>().notNull(),
  enabled: boolean("enabled").notNull().default(true),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  updatedBy: text("updated_by"),
});
export type NotificationChannel = typeof notificationChannels.$inferSelect;

/** A person's choice per kind and channel; no row means on. */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind").$type<NotificationKind>().notNull(),
    channel: text("channel").$type<PersonalChannel>().notNull(),
    enabled: boolean("enabled").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind, t.channel] })],
);

/**
 * One message to send on one channel (an outbox written in the event's own transaction, sent
 * later by whichever API process claims it): its result, attempts and when to try again. The
 * delivery log the administrator reads.
 */
export const deliveries = pgTable(
  "deliveries",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    channelId: integer("channel_id")
      .notNull()
      .references(() => notificationChannels.id, { onDelete: "cascade" }),
    eventKey: varchar("event_key", { length: 200 }).notNull(),
    /** The e-mail address; empty for a group channel. */
    recipient: varchar("recipient", { length: 254 }).notNull().default(""),
    message: jsonb("message").$type<DeliveryMessage>().notNull(),
    /** Something to attach, made when sending: the month's bulletin as .xlsx. */
    attachment: jsonb("attachment").$type<DeliveryAttachment>(),
    status: text("status").$type<DeliveryStatus>().notNull().default("pending"),
    attempts: smallint("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    /** While one process sends it; a crashed sender's claim lapses at this time. */
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastError: varchar("last_error", { length: 1000 }),
    responseStatus: integer("response_status"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("deliveries_once").on(t.channelId, t.recipient, t.eventKey),
    index("deliveries_due").on(t.nextAttemptAt).where(sql`${t.status} in ('pending', 'sending')`),
  ],
);
export type DeliveryStatus = "pending" | "sending" | "sent" | "failed";
export interface DeliveryAttachment {
  type: "bulletin_xlsx";
  region: string;
  year: number;
  month: number;
}
export type Delivery = typeof deliveries.$inferSelect;

/**
 * Runs of scheduled jobs: one row per job and slot (a day), inserted by the process that claims
 * it, so a slot runs once however many API processes tick.
 */
export const scheduledRuns = pgTable(
  "scheduled_runs",
  {
    job: varchar("job", { length: 50 }).notNull(),
    slot: varchar("slot", { length: 20 }).notNull(),
    runBy: varchar("run_by", { length: 100 }).notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    outcome: varchar("outcome", { length: 1000 }),
  },
  (t) => [primaryKey({ columns: [t.job, t.slot] })],
);

/**
 * 催报: an official reminded a region's bureau to report a month. One row per region, month and
 * Beijing day (a double click sends once; the next day's reminder sends again); its notifications
 * carry the same event key, which is how the chase list tells whether it was read.
 */
export const chases = pgTable(
  "chases",
  {
    id: serial("id").primaryKey(),
    regionCode: varchar("region_code", { length: 6 })
      .notNull()
      .references(() => regions.code),
    year: smallint("year").notNull(),
    month: smallint("month").notNull(),
    /** The Beijing date it was sent on, YYYY-MM-DD. */
    day: varchar("day", { length: 10 }).notNull(),
    message: varchar("message", { length: 500 }),
    chasedBy: text("chased_by").notNull(),
    chasedAt: timestamp("chased_at", { withTimezone: true }).notNull().defaultNow(),
    eventKey: varchar("event_key", { length: 200 }).notNull(),
  },
  (t) => [
    uniqueIndex("chases_day").on(t.regionCode, t.year, t.month, t.day),
    check("chases_month", sql`${t.month} between 1 and 12`),
  ],
);
export type Chase = typeof chases.$inferSelect;

/**
 * A province's own approved base map (底图): its regions' polygons as read from the uploaded
 * GeoJSON, and the approval number (审图号) that must be shown with it. One per province; no
 * boundary data ships with the product.
 */
export const baseMaps = pgTable("base_maps", {
  provinceCode: varchar("province_code", { length: 6 })
    .primaryKey()
    .references(() => regions.code),
  approvalNumber: varchar("approval_number", { length: 60 }).notNull(),
  regions: jsonb("regions").$type<BaseMapRegion[]>().notNull(),
  uploadedBy: text("uploaded_by").notNull(),
  uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull().defaultNow(),
});
export type BaseMap = typeof baseMaps.$inferSelect;

/**
 * One row whose `version` every change to what a month is checked against (indicators, task
 * lists, targets, province settings, regions) raises, in the change's own transaction (triggers,
 * migration 0020): the API keeps those slow-changing reads in memory under it, so a bureau's
 * save at month end reads only its figures.
 */
export const catalogueVersion = pgTable(
  "catalogue_version",
  {
    id: smallint("id").primaryKey().default(1),
    version: bigint("version", { mode: "number" }).notNull().default(0),
  },
  (t) => [check("catalogue_version_one_row", sql`${t.id} = 1`)],
);
