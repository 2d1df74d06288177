import { type Database, reportingPeriods } from "@jindu/db";
import { deadlineOf, onTimeUntil, openMonthIn } from "@jindu/domain";
import type { PeriodsResponse } from "../schemas/index.js";
import { calendarOfRegion } from "./calendar.js";
import { requireRegion } from "./lookups.js";
import { refOf } from "./progress.js";

/** A region's periods with something to show, and the month being reported on `today`. */
export async function periodsOf(
  db: Database,
  q: { region: string },
  today = new Date(),
): Promise<PeriodsResponse> {
  const region = refOf(await requireRegion(db, q.region, "region"));
  const [{ years, latest }, calendar] = await Promise.all([
    reportingPeriods(db, q.region),
    calendarOfRegion(db, q.region),
  ]);
  const open = openMonthIn(today, calendar);
  return {
    region,
    years,
    latest,
    open: {
      ...open,
      deadline: deadlineOf(calendar, open.year, open.month).toISOString(),
      onTimeUntil: onTimeUntil(calendar, open.year, open.month).toISOString(),
    },
  };
}
