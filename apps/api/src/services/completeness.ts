import {
  type Database,
  type LastChase,
  lastChases,
  notify,
  recordChases,
  submissionsOfChildren,
  submissionsOfRegion,
} from "@jindu/db";
import {
  chaseDay,
  chaseEventKey,
  chaseNotification,
  deadlineOf,
  isDue,
  onTimeUntil,
  timelinessIn,
  type ValidationProblem,
} from "@jindu/domain";
import { badRequest, invalid } from "../errors.js";
import type {
  ChaseBody,
  ChaseResult,
  CompletenessResponse,
  TimelinessHistoryResponse,
} from "../schemas/index.js";
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
  const chased = new Map(
    (
      await lastChases(db, { regionCodes: rows.map((r) => r.code), year: q.year, month: q.month })
    ).map((c) => [c.regionCode, c]),
  );
  const regions = rows.map((r) => ({
    region: { code: r.code, nameZh: r.nameZh, nameEn: r.nameEn, level: r.level },
    timeliness: timelinessIn(calendar, q.year, q.month, r.firstSubmittedAt),
    status: r.status,
    firstSubmittedAt: r.firstSubmittedAt?.toISOString() ?? null,
    lastChase: presentChase(chased.get(r.code)),
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

const presentChase = (c: LastChase | undefined) =>
  c
    ? {
        by: c.chasedBy,
        byName: c.chasedByName,
        at: c.chasedAt.toISOString(),
        message: c.message,
        recipients: c.recipients,
        read: c.read,
        readAt: c.firstReadAt ? new Date(c.firstReadAt).toISOString() : null,
      }
    : null;

/**
 * 催报: reminds the bureaus of the chosen child regions, still missing the month, to report it.
 * Each gets one notification (and whatever channels notify() reaches) linking to its form, at
 * most once a day per month; the record says who sent it, for the chase list. Regions not under
 * `parent`, or not missing, are refused with the reason, and nothing is sent.
 */
export async function chaseMissing(
  db: Database,
  q: { parent: string; year: number; month: number },
  input: ChaseBody & { actor: string },
  now = new Date(),
): Promise<ChaseResult> {
  const view = await completenessOf(db, q);
  if (!view.due) {
    throw badRequest(
      "the province's reporting calendar asks no report for this month: nobody to chase",
    );
  }
  // The month must have begun (Beijing time) before there is anything to report.
  if (chaseDay(now) < `${q.year}-${String(q.month).padStart(2, "0")}-01`) {
    throw badRequest(`${q.year}-${q.month} has not begun: there is nothing to report yet`);
  }
  const lines = new Map(view.regions.map((line) => [line.region.code, line]));
  const problems: ValidationProblem[] = [];
  input.regions.forEach((code, i) => {
    const line = lines.get(code);
    const field = `regions.${i}`;
    if (!line) {
      problems.push({
        field,
        rule: "not_a_child",
        message: `${code} is not a reporting region under ${view.parent.code} ${view.parent.nameZh}`,
      });
    } else if (line.timeliness !== "missing") {
      problems.push({
        field,
        rule: "not_missing",
        message: `${code} ${line.region.nameZh} has already reported ${q.year}-${q.month}`,
      });
    }
  });
  if (problems.length > 0) throw invalid(problems);

  const day = chaseDay(now);
  const message = input.message?.trim() || null;
  const chosen = input.regions.flatMap((code) => lines.get(code)?.region ?? []);
  const recorded = new Set(
    await recordChases(
      db,
      chosen.map((region) => ({
        regionCode: region.code,
        year: q.year,
        month: q.month,
        day,
        message,
        chasedBy: input.actor,
        eventKey: chaseEventKey({ region, year: q.year, month: q.month, day }),
      })),
    ),
  );
  const chased: ChaseResult["chased"] = [];
  for (const region of chosen.filter((r) => recorded.has(r.code))) {
    // In the request's transaction (app.db is it): a chase rolled back notifies no one.
    const recipients = await notify(
      db,
      chaseNotification({ region, year: q.year, month: q.month, day, message }),
    );
    chased.push({ region, recipients });
  }
  return { day, chased, alreadyToday: chosen.filter((r) => !recorded.has(r.code)) };
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
