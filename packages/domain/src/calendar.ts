import {
  DEFAULT_DEADLINE_DAY,
  reportingDeadline,
  type Timeliness,
  timelinessOf,
  type YearMonth,
} from "./timeliness.js";

/**
 * A province's reporting calendar: month m is due by day `deadlineDay` of month m + 1 (Beijing
 * time), a submission counts as on time for `graceDays` days after that, and the months in
 * `noReportMonths` (1–12, e.g. all but the quarter ends for a quarterly indicator) owe no report.
 */
export interface ReportingCalendar {
  deadlineDay: number;
  graceDays: number;
  noReportMonths: readonly number[];
}

export const CALENDAR_LIMITS = {
  deadlineDay: { min: 1, max: 28 },
  graceDays: { min: 0, max: 15 },
  /** At least one month a year must be reported, so there is always a month to open. */
  noReportMonths: { maxItems: 11 },
} as const;

export const DEFAULT_CALENDAR: ReportingCalendar = {
  deadlineDay: DEFAULT_DEADLINE_DAY,
  graceDays: 0,
  noReportMonths: [],
};

/** Whether month m owes a report at all under the calendar. */
export function isDue(calendar: ReportingCalendar, month: number): boolean {
  return !calendar.noReportMonths.includes(month);
}

/** The deadline as published: the end of day `deadlineDay` of the next month, Beijing time. */
export function deadlineOf(calendar: ReportingCalendar, year: number, month: number): Date {
  return reportingDeadline(year, month, calendar.deadlineDay);
}

/**
 * The last instant a first submission still counts as on time. Grace is the simplest rule: a
 * submission within `graceDays` days after the deadline is on time, no different from one before
 * it (no separate "grace" status). Days past the end of the next month roll into the one after.
 */
export function onTimeUntil(calendar: ReportingCalendar, year: number, month: number): Date {
  return reportingDeadline(year, month, calendar.deadlineDay + calendar.graceDays);
}

/** 报送 and 及时 under the calendar: a month that owes no report is never missing or late. */
export function timelinessIn(
  calendar: ReportingCalendar,
  year: number,
  month: number,
  firstSubmittedAt: Date | null,
): Timeliness {
  if (!isDue(calendar, month)) return firstSubmittedAt ? "on_time" : "not_due";
  return timelinessOf(firstSubmittedAt, onTimeUntil(calendar, year, month));
}

const shift = (m: YearMonth, by: number): YearMonth => {
  const index = m.year * 12 + (m.month - 1) + by;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
};

/**
 * The month a bureau reports now: the earliest month that owes a report and can still be sent in
 * on time (deadline plus grace not passed). Months that owe no report are skipped.
 */
export function openMonthIn(now: Date, calendar: ReportingCalendar): YearMonth {
  // Beijing's current month; with a deadline of day 28 and 15 days' grace a month stays open
  // until mid month + 2, so the search starts three months back.
  const beijing = new Date(now.getTime() + 8 * 60 * 60 * 1000);
  const current = { year: beijing.getUTCFullYear(), month: beijing.getUTCMonth() + 1 };
  // The current month's deadline is always ahead, and at most 11 months a year owe nothing, so a
  // due month turns up within the next twelve.
  for (let by = -3; by <= 12; by++) {
    const m = shift(current, by);
    if (!isDue(calendar, m.month)) continue;
    if (now.getTime() <= onTimeUntil(calendar, m.year, m.month).getTime()) return m;
  }
  return current;
}
