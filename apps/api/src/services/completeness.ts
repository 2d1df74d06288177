import { type Database, submissionsOfChildren, submissionsOfRegion } from "@jindu/db";
import { DEFAULT_DEADLINE_DAY, reportingDeadline, timelinessOf } from "@jindu/domain";
import type { CompletenessResponse, TimelinessHistoryResponse } from "../schemas/index.js";
import { requireRegion } from "./lookups.js";
import { refOf } from "./progress.js";
import { reportersFor } from "./task-lists.js";

/** 报送率 and 及时率 for a month: who reported, who on time, who is still missing. */
export async function completenessOf(
  db: Database,
  q: { parent: string; year: number; month: number; deadlineDay?: number | undefined },
): Promise<CompletenessResponse> {
  const parent = refOf(await requireRegion(db, q.parent, "parent"));
  const deadline = reportingDeadline(q.year, q.month, q.deadlineDay ?? DEFAULT_DEADLINE_DAY);
  const all = await submissionsOfChildren(db, {
    parentCode: q.parent,
    year: q.year,
    month: q.month,
  });
  // A region the task list gives nothing this year owes no report: not counted, not chased.
  const reports = await reportersFor(
    db,
    all.map((r) => r.code),
    q.year,
  );
  const rows = all.filter((r) => reports(r.code) || r.status !== null);
  const regions = rows.map((r) => ({
    region: { code: r.code, nameZh: r.nameZh, nameEn: r.nameEn, level: r.level },
    timeliness: timelinessOf(r.firstSubmittedAt, deadline),
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
    deadline: deadline.toISOString(),
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
  q: { region: string; year: number; deadlineDay?: number | undefined },
  now = new Date(),
): Promise<TimelinessHistoryResponse> {
  const region = refOf(await requireRegion(db, q.region, "region"));
  const rows = await submissionsOfRegion(db, q.region, q.year);
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  const months = [];
  for (let month = 1; month <= 12; month++) {
    // Months that have not ended yet are not due; they are left out.
    if (new Date(Date.UTC(q.year, month, 1)) > now) break;
    const row = byMonth.get(month);
    const deadline = reportingDeadline(q.year, month, q.deadlineDay ?? DEFAULT_DEADLINE_DAY);
    months.push({
      month,
      deadline: deadline.toISOString(),
      timeliness: timelinessOf(row?.firstSubmittedAt ?? null, deadline),
      status: row?.status ?? null,
      firstSubmittedAt: row?.firstSubmittedAt?.toISOString() ?? null,
    });
  }
  return { region, year: q.year, months };
}
