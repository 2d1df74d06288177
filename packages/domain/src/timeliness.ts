/** Submissions are judged in Beijing time (UTC+8). */
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

export const DEFAULT_DEADLINE_DAY = 5;

/** The last instant to report month m on time: the end of day `deadlineDay` of the next month. */
export function reportingDeadline(
  year: number,
  month: number,
  deadlineDay = DEFAULT_DEADLINE_DAY,
): Date {
  // Month m (1-based) is index m - 1; the next month is index m. Day deadlineDay + 1 at 00:00
  // Beijing time is the first instant too late.
  return new Date(Date.UTC(year, month, deadlineDay + 1) - BEIJING_OFFSET_MS - 1);
}

/** not_due: the month owes no report under the province's calendar (see calendar.ts). */
export type Timeliness = "on_time" | "late" | "missing" | "not_due";

/** 报送 and 及时: a month never sent in is missing; otherwise on time or late by its first sending. */
export function timelinessOf(
  firstSubmittedAt: Date | null,
  deadline: Date,
): Exclude<Timeliness, "not_due"> {
  if (firstSubmittedAt === null) return "missing";
  return firstSubmittedAt.getTime() <= deadline.getTime() ? "on_time" : "late";
}

export interface YearMonth {
  year: number;
  month: number;
}

/**
 * The month being reported now (the open month): the earliest whose deadline has not passed.
 * On 1 December 2026 that is November 2026 (due 5 December); from 6 December, December itself.
 */
export function openMonth(now: Date, deadlineDay = DEFAULT_DEADLINE_DAY): YearMonth {
  const beijing = new Date(now.getTime() + BEIJING_OFFSET_MS);
  const current = { year: beijing.getUTCFullYear(), month: beijing.getUTCMonth() + 1 };
  const previous =
    current.month === 1
      ? { year: current.year - 1, month: 12 }
      : { year: current.year, month: current.month - 1 };
  const previousDue = reportingDeadline(previous.year, previous.month, deadlineDay);
  return now.getTime() <= previousDue.getTime() ? previous : current;
}
