import type { Role } from "./security.js";

/**
 * What a notification is about. Preferences (per kind and channel) will key on this list, so a
 * kind once shipped keeps its name.
 */
export const NOTIFICATION_KINDS = [
  "month_returned",
  "month_submitted",
  "month_approved",
  "month_reopened",
  /** An official's 催报 from the completeness screen. */
  "month_chased",
  /** Scheduled on the province's reporting calendar. */
  "deadline_approaching",
  "deadline_passed",
  /** Still missing N days after the deadline: to the bureau and escalated to the province. */
  "month_missing",
  "supervision_opened",
  "supervision_answered",
  "supervision_due",
  "supervision_overdue",
  "supervision_close_proposed",
  "bulletin_published",
  "password_expiring",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Bounds of what a notification stores (the table and the API schemas use the same ones). */
export const NOTIFICATION_LIMITS = { title: 200, body: 1000, link: 500, eventKey: 200 } as const;

/** A month moved by the province or the bureau: the events the inbox reports today. */
export interface MonthEvent {
  action: "submit" | "approve" | "return" | "reopen";
  region: { code: string; nameZh: string; nameEn: string };
  /** The province the region belongs to (its own code for a province). */
  provinceCode: string;
  year: number;
  month: number;
  /** The submission's version after the change: one event, one key. */
  version: number;
  reason?: string | null | undefined;
}

/** Who receives: every active account of this role whose scope is exactly this region. */
export interface Audience {
  role: Role;
  regionCode: string;
}

export interface NotificationDraft {
  kind: NotificationKind;
  audience: Audience[];
  titleZh: string;
  titleEn: string;
  body: string | null;
  link: string;
  /** Keeps one event from notifying anyone twice (a retried request, say). */
  eventKey: string;
}

const KIND = {
  submit: "month_submitted",
  approve: "month_approved",
  return: "month_returned",
  reopen: "month_reopened",
} as const satisfies Record<MonthEvent["action"], NotificationKind>;
type MonthKind = (typeof KIND)[MonthEvent["action"]];

const clip = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

/**
 * The notification a month's move sends, and to whom. A submitted month goes to the officials of
 * its own province only (national officials would be flooded by every bureau of the country);
 * the province's decisions go back to the region's bureau, which fills in the form.
 */
export function monthNotification(event: MonthEvent): NotificationDraft {
  const { region, year, month } = event;
  const kind = KIND[event.action];
  const period = { zh: `${year}年${month}月`, en: `${year}-${String(month).padStart(2, "0")}` };
  const entry = `/entry?region=${region.code}&year=${year}&month=${month}`;
  const titles: Record<MonthKind, [string, string]> = {
    month_returned: [
      `${region.nameZh}${period.zh}月报被退回`,
      `${region.nameEn} ${period.en} was returned`,
    ],
    month_submitted: [
      `${region.nameZh}${period.zh}月报待审核`,
      `${region.nameEn} ${period.en} awaits approval`,
    ],
    month_approved: [
      `${region.nameZh}${period.zh}月报已审核通过`,
      `${region.nameEn} ${period.en} was approved`,
    ],
    month_reopened: [
      `${region.nameZh}${period.zh}月报被重新打开`,
      `${region.nameEn} ${period.en} was reopened`,
    ],
  };
  const [titleZh, titleEn] = titles[kind];
  const reason = event.reason?.trim();
  return {
    kind,
    audience:
      event.action === "submit"
        ? [{ role: "province", regionCode: event.provinceCode }]
        : [{ role: "reporter", regionCode: region.code }],
    titleZh: clip(titleZh, NOTIFICATION_LIMITS.title),
    titleEn: clip(titleEn, NOTIFICATION_LIMITS.title),
    body: reason ? clip(reason, NOTIFICATION_LIMITS.body) : null,
    link: event.action === "submit" ? "/approvals" : entry,
    eventKey: `${kind}:${region.code}:${year}-${month}:v${event.version}`,
  };
}

/** Bounds of one 催报: how many bureaus at once, and the official's message. */
export const CHASE_LIMITS = { regions: 200, message: 500 } as const;

/** An official's 催报 to one region for one month, sent on one (Beijing) day. */
export interface ChaseEvent {
  region: { code: string; nameZh: string; nameEn: string };
  year: number;
  month: number;
  /** The Beijing date it is sent on, YYYY-MM-DD (see `chaseDay`). */
  day: string;
  message?: string | null | undefined;
}

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * The Beijing date of an instant, YYYY-MM-DD: a 催报 reaches a bureau at most once a day for a
 * month, so a double click (or two officials at once) notifies once, and the next day's does again.
 */
export function chaseDay(now: Date): string {
  return new Date(now.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** One key per region, month and day: the chase's record and its notifications share it. */
export const chaseEventKey = (e: Pick<ChaseEvent, "region" | "year" | "month" | "day">) =>
  `month_chased:${e.region.code}:${e.year}-${e.month}:${e.day}`;

/** The 催报 a bureau receives: to the region's reporters, with a link to that month's form. */
export function chaseNotification(event: ChaseEvent): NotificationDraft {
  const { region, year, month } = event;
  const message = event.message?.trim();
  return {
    kind: "month_chased",
    audience: [{ role: "reporter", regionCode: region.code }],
    titleZh: clip(
      `催报：请尽快报送${region.nameZh}${year}年${month}月月报`,
      NOTIFICATION_LIMITS.title,
    ),
    titleEn: clip(
      `Reminder: please report ${region.nameEn} ${year}-${String(month).padStart(2, "0")}`,
      NOTIFICATION_LIMITS.title,
    ),
    body: message ? clip(message, NOTIFICATION_LIMITS.body) : null,
    link: `/entry?region=${region.code}&year=${year}&month=${month}`,
    eventKey: chaseEventKey(event),
  };
}
