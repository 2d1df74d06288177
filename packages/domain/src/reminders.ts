import { deadlineOf, isDue, onTimeUntil, type ReportingCalendar } from "./calendar.js";
import type { NotificationDraft } from "./notifications.js";
import type { YearMonth } from "./timeliness.js";

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** When the calendar's reminders go out, set per province beside its calendar. */
export interface ReminderPolicy {
  /** Days before the deadline the bureau is reminded (0: no early reminder). */
  daysBefore: number;
  /** Days after the on-time window a month still missing is escalated to the province. */
  escalateAfterDays: number;
}

export const REMINDER_LIMITS = {
  daysBefore: { min: 0, max: 10 },
  escalateAfterDays: { min: 1, max: 30 },
  /** Day of the month the bulletin is pushed to leaders (null: not pushed). */
  bulletinDay: { min: 1, max: 28 },
} as const;

export const DEFAULT_REMINDER_POLICY: ReminderPolicy = { daysBefore: 3, escalateAfterDays: 5 };

/** A calendar date in Beijing, as days since 1970-01-01 (whole days compare and subtract). */
export type BeijingDay = number;

export const beijingDay = (instant: Date): BeijingDay =>
  Math.floor((instant.getTime() + BEIJING_OFFSET_MS) / DAY_MS);

/** 2027-02-10 for a Beijing day. */
export const isoOfDay = (day: BeijingDay): string =>
  new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Day of month (1–31) of a Beijing day. */
export const dayOfMonth = (day: BeijingDay): number => new Date(day * DAY_MS).getUTCDate();

/** The Beijing month a day lies in. */
export const monthOfDay = (day: BeijingDay): YearMonth => {
  const d = new Date(day * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
};

export const previousMonth = ({ year, month }: YearMonth): YearMonth =>
  month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 };

/**
 * The latest run a daily job owes at `now`: the Beijing date of today once `hour` (Beijing) has
 * come, else yesterday's. A process that was down for days owes only this one run, so a missed
 * schedule is caught up once, not once per day missed.
 */
export function dailySlot(now: Date, hour: number): string {
  const shifted = new Date(now.getTime() + BEIJING_OFFSET_MS - hour * 60 * 60 * 1000);
  return shifted.toISOString().slice(0, 10);
}

export type ReminderKind = "deadline_approaching" | "deadline_passed" | "month_missing";

/**
 * Which reminder a month not yet sent in calls for on Beijing day `today`:
 * - `deadline_approaching` from `daysBefore` days before the deadline to the deadline's day;
 * - `deadline_passed` from the day after the on-time window (deadline plus grace) on;
 * - `month_missing` from `escalateAfterDays` days after that window: escalated to the province.
 * Null before the first and for a month that owes no report. Each kind is sent once per month
 * (the notification's event key), so asking every day is safe.
 */
export function reminderDue(
  calendar: ReportingCalendar,
  policy: ReminderPolicy,
  period: YearMonth,
  today: BeijingDay,
): ReminderKind | null {
  if (!isDue(calendar, period.month)) return null;
  const deadline = beijingDay(deadlineOf(calendar, period.year, period.month));
  const lastOnTime = beijingDay(onTimeUntil(calendar, period.year, period.month));
  if (today >= lastOnTime + policy.escalateAfterDays) return "month_missing";
  if (today > lastOnTime) return "deadline_passed";
  if (policy.daysBefore > 0 && today >= deadline - policy.daysBefore && today <= deadline) {
    return "deadline_approaching";
  }
  return null;
}

/**
 * The months a daily reminder run looks at on `today`: the current Beijing month's three
 * predecessors (a deadline of day 28 with 15 days' grace and 30 days to escalate ends within
 * them). Older months are the supervision's business, not the reminders'.
 */
export function monthsToRemind(today: BeijingDay): YearMonth[] {
  const out: YearMonth[] = [];
  let m = monthOfDay(today);
  for (let i = 0; i < 3; i++) {
    m = previousMonth(m);
    out.push(m);
  }
  return out;
}

/** The region a reminder is about. */
export interface ReminderRegion {
  code: string;
  nameZh: string;
  nameEn: string;
  provinceCode: string;
}

/**
 * The notification of a calendar reminder: to the region's bureau, and for `month_missing` also to
 * the province's officials (the escalation).
 */
export function reminderNotification(
  kind: ReminderKind,
  region: ReminderRegion,
  period: YearMonth,
  deadline: Date,
): NotificationDraft {
  const { year, month } = period;
  const zhPeriod = `${year}年${month}月`;
  const enPeriod = `${year}-${String(month).padStart(2, "0")}`;
  const due = isoOfDay(beijingDay(deadline));
  const titles: Record<ReminderKind, [string, string]> = {
    deadline_approaching: [
      `${region.nameZh}${zhPeriod}月报将于${due}截止`,
      `${region.nameEn} ${enPeriod} is due on ${due}`,
    ],
    deadline_passed: [
      `${region.nameZh}${zhPeriod}月报已过截止日期（${due}）`,
      `${region.nameEn} ${enPeriod} is past its deadline (${due})`,
    ],
    month_missing: [
      `${region.nameZh}${zhPeriod}月报仍未报送`,
      `${region.nameEn} ${enPeriod} is still missing`,
    ],
  };
  const [titleZh, titleEn] = titles[kind];
  return {
    kind,
    audience:
      kind === "month_missing"
        ? [
            { role: "reporter", regionCode: region.code },
            { role: "province", regionCode: region.provinceCode },
          ]
        : [{ role: "reporter", regionCode: region.code }],
    titleZh,
    titleEn,
    body: null,
    link: `/entry?region=${region.code}&year=${year}&month=${month}`,
    eventKey: `${kind}:${region.code}:${year}-${month}`,
  };
}

/** The monthly bulletin pushed to a province's leaders. */
export function bulletinNotification(
  province: { code: string; nameZh: string; nameEn: string },
  period: YearMonth,
): NotificationDraft {
  const { year, month } = period;
  return {
    kind: "bulletin_published",
    audience: [{ role: "leader", regionCode: province.code }],
    titleZh: `${province.nameZh}${year}年${month}月工作情况通报`,
    titleEn: `${province.nameEn} bulletin for ${year}-${String(month).padStart(2, "0")}`,
    body: null,
    link: `/bulletin?region=${province.code}&year=${year}&month=${month}`,
    eventKey: `bulletin_published:${province.code}:${year}-${month}`,
  };
}

/** Days before a password's expiry that its owner is warned. */
export const PASSWORD_WARNING_DAYS = 7;

/** The warning that an account's password expires on `expiresOn` (a Beijing date). */
export function passwordExpiryNotification(
  username: string,
  expiresOn: string,
): Omit<NotificationDraft, "audience"> {
  return {
    kind: "password_expiring",
    titleZh: `账号 ${username} 的密码将于${expiresOn}到期，请及时修改`,
    titleEn: `The password of ${username} expires on ${expiresOn}; change it in time`,
    body: null,
    link: "/account/password",
    eventKey: `password_expiring:${username}:${expiresOn}`,
  };
}
