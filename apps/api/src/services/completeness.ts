import { type Database, submissionsOfChildren, submissionsOfRegion } from "@jindu/db";
import { deadlineOf, isDue, onTimeUntil, timelinessIn } from "@jindu/domain";
import type { CompletenessResponse, TimelinessHistoryResponse } from "../schemas/index.js";
import { calendarOfRegion } from "./calendar.js";
import { requireRegion } from "./lookups.js";
import { refOf } from "./progress.js";
import { reportersFor } from "./task-lists.js";

/**
 * 报送率 and 及时率 for a month: who reported, who on time, who is still missing. The deadline,
 * grace and months that owe no report come from the calendar of the parent's province (the
 * parent is a province or below, so its children share it).
 */
export async function completenessOf(
  db: Database,
  q: { parent: string; year: number; month: number },
): Promise<CompletenessResponse> {
  const parent = refOf(await requireRegion(db, q.parent, "parent"));
  const [calendar, all] = await Promise.all([
    calendarOfRegion(db, q.parent),
    submissionsOfChildren(db, { parentCode: q.parent, year: q.year, month: q.month }),
  ]);
  // A region the task list gives nothing this year owes no report: not counted, not chased.
  const reports = await reportersFor(
    db,
    all.map((r) => r.code),
    q.year,
  );
  const rows = all.filter((r) => reports(r.code) || r.status !== null);
  const regions = rows.map((r) => ({
    region: { code: r.code, nameZh: r.nameZh, nameEn: r.nameEn, level: r.level },
    timeliness: timelinessIn(calendar, q.year, q.month, r.firstSubmittedAt),
    status: r.status,
    firstSubmittedAt: r.firstSubmittedAt?.toISOString() ?? null,
  }));
  const count = (t: string) => regions.filter((r) => r.timeliness === t).length;
  const total = regions.length;
  const onTime = count("on_time");
  const late = count("late");
  const missing = count("missing");
  return {
    parent,
    year: q.year,
    month: q.month,
    deadline: deadlineOf(calendar, q.year, q.month).toISOString(),
    onTimeUntil: onTimeUntil(calendar, q.year, q.month).toISOString(),
    due: isDue(calendar, q.month),
    summary: {
      total,
      submitted: onTime + late,
      onTime,
      late,
      missing,
      reportingRate: total ? (onTime + late) / total : 0,
      timelyRate: total ? onTime / total : 0,
    },
    regions,
    chase: regions.filter((r) => r.timeliness === "missing").map((r) => r.region),
  };
}

/** One region's timeliness month by month through a year. */
export async function timelinessHistoryOf(
  db: Database,
  q: { region: string; year: number },
  now = new Date(),
): Promise<TimelinessHistoryResponse> {
  const region = refOf(await requireRegion(db, q.region, "region"));
  const [calendar, rows] = await Promise.all([
    calendarOfRegion(db, q.region),
    submissionsOfRegion(db, q.region, q.year),
  ]);
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  const months = [];
  for (let month = 1; month <= 12; month++) {
    // Months that have not ended yet are not due; they are left out.
    if (new Date(Date.UTC(q.year, month, 1)) > now) break;
    const row = byMonth.get(month);
    months.push({
      month,
      deadline: deadlineOf(calendar, q.year, month).toISOString(),
      onTimeUntil: onTimeUntil(calendar, q.year, month).toISOString(),
      timeliness: timelinessIn(calendar, q.year, month, row?.firstSubmittedAt ?? null),
      status: row?.status ?? null,
      firstSubmittedAt: row?.firstSubmittedAt?.toISOString() ?? null,
    });
  }
  return { region, year: q.year, months };
}
