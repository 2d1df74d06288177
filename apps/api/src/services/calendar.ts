import type { Database, ReportingSettings } from "@jindu/db";
import type { ReportingCalendar } from "@jindu/domain";
import { settingsOf } from "./catalogue-memory.js";

/** The reporting calendar within a province's settings. */
export const calendarOf = (s: ReportingSettings): ReportingCalendar => ({
  deadlineDay: s.deadlineDay,
  graceDays: s.graceDays,
  noReportMonths: s.noReportMonths,
});

/** The calendar of the province a region lies in (the defaults outside any province). */
export async function calendarOfRegion(db: Database, region: string): Promise<ReportingCalendar> {
  return calendarOf(await settingsOf(db, region));
}
