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

export type Timeliness = "on_time" | "late" | "missing";

/** 报送 and 及时: a month never sent in is missing; otherwise on time or late by its first sending. */
export function timelinessOf(firstSubmittedAt: Date | null, deadline: Date): Timeliness {
  if (firstSubmittedAt === null) return "missing";
  return firstSubmittedAt.getTime() <= deadline.getTime() ? "on_time" : "late";
}
