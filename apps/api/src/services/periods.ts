import { type Database, reportingPeriods } from "@jindu/db";
import { openMonth, reportingDeadline } from "@jindu/domain";
import type { PeriodsResponse } from "../schemas/index.js";
import { requireRegion } from "./lookups.js";
import { refOf } from "./progress.js";

/** A region's periods with something to show, and the month being reported on `today`. */
export async function periodsOf(
  db: Database,
  q: { region: string },
  today = new Date(),
): Promise<PeriodsResponse> {
  const region = refOf(await requireRegion(db, q.region, "region"));
  const { years, latest } = await reportingPeriods(db, q.region);
  const open = openMonth(today);
  return {
    region,
    years,
    latest,
    open: { ...open, deadline: reportingDeadline(open.year, open.month).toISOString() },
  };
}
