import {
  allIndicators,
  answerSupervision,
  closeSupervision,
  type Database,
  insertSupervision,
  listSupervision,
  notify,
  regionAncestry,
  reportingPeriods,
  type SupervisionRow,
  setCloseProposed,
  setSupervisionMinutes,
  supervisionById,
  supervisionLadderOf,
} from "@jindu/db";
import {
  behindStreak,
  heavier,
  onScheduleStreak,
  type ProgressLine,
  provinceOf,
  type Status,
  type SupervisionEvent,
  type SupervisionLevel,
  shouldProposeClosing,
  suggestLevel,
  supervisionNotification,
  type ValidationProblem,
} from "@jindu/domain";
import { badRequest, conflict, invalid, notFound } from "../errors.js";
import { assertInScope } from "../plugins/app/auth.js";
import type {
  SupervisionAnswer,
  SupervisionCreate,
  SupervisionDetail,
  SupervisionMinutes,
  SupervisionRecord,
  SupervisionStatus,
  SupervisionSuggestion,
} from "../schemas/index.js";
import type { SignedInUser } from "./auth.js";
import { requireRegion } from "./lookups.js";
import { monthlyTables, type RegionRef, refOf } from "./progress.js";

/** The Beijing date of an instant: "2023-02-28". */
const beijingDay = (at: Date) =>
  new Date(at.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);

export function present({ record: r, region }: SupervisionRow): SupervisionRecord {
  return {
    id: r.id,
    region,
    kind: r.kind,
    heldOn: r.heldOn,
    indicators: r.indicatorCodes,
    actions: r.actions,
    deadline: r.deadline,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    attendees: r.attendees,
    minutes: r.minutes,
    answer:
      r.answeredAt && r.explanation !== null && r.measures !== null && r.answeredBy !== null
        ? {
            explanation: r.explanation,
            measures: r.measures,
            answeredBy: r.answeredBy,
            answeredAt: r.answeredAt.toISOString(),
            late: beijingDay(r.answeredAt) > r.deadline,
          }
        : null,
    closeProposedAt: r.closedAt ? null : (r.closeProposedAt?.toISOString() ?? null),
    status: r.closedAt ? "closed" : "open",
    closedAt: r.closedAt?.toISOString() ?? null,
    closedBy: r.closedBy,
    outcome: r.outcome,
  };
}

/** A real calendar day: the schema only checks the shape, so 2024-02-30 gets here. */
function isDay(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** What is wrong with a new record beyond its shape, each problem naming its field. */
export function supervisionProblems(
  input: Pick<SupervisionCreate, "heldOn" | "deadline" | "indicators">,
  knownIndicators: ReadonlySet<string>,
): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  for (const field of ["heldOn", "deadline"] as const) {
    if (!isDay(input[field])) {
      problems.push({ field, rule: "date", message: `${field}: ${input[field]} is not a date` });
    }
  }
  if (isDay(input.heldOn) && isDay(input.deadline) && input.deadline < input.heldOn) {
    problems.push({
      field: "deadline",
      rule: "deadline_before_held",
      message: `deadline: ${input.deadline} is before the day it was held (${input.heldOn})`,
    });
  }
  for (const code of input.indicators) {
    if (!knownIndicators.has(code)) {
      problems.push({
        field: "indicators",
        rule: "unknown_indicator",
        message: `indicators: indicator ${code} does not exist`,
      });
    }
  }
  return problems;
}

export async function listRecords(
  db: Database,
  user: SignedInUser,
  query: { region?: string | undefined; status?: SupervisionStatus | undefined },
): Promise<SupervisionRecord[]> {
  const rows = await listSupervision(db, {
    region: query.region,
    within: user.regionCode,
    status: query.status ?? "all",
  });
  return rows.map(present);
}

/** A record in the user's scope, or 404 / 403. */
async function recordInScope(db: Database, user: SignedInUser, id: number) {
  const row = await supervisionById(db, id);
  if (!row) throw notFound(`supervision record ${id} does not exist`);
  await assertInScope(db, user, row.record.regionCode);
  return row;
}

async function reload(db: Database, id: number): Promise<SupervisionRecord> {
  const row = await supervisionById(db, id);
  if (!row) throw notFound(`supervision record ${id} does not exist`);
  return present(row);
}

/**
 * A region's progress lines on some indicators for the months 1..toMonth of a year, as the
 * lagging list sees them: its line in its parent's tables (a province: its own roll-up).
 */
async function regionLines(
  db: Database,
  regionCode: string,
  indicatorCodes: readonly string[],
  year: number,
  toMonth: number,
): Promise<Map<string, ProgressLine<RegionRef>[]>> {
  const ancestry = await regionAncestry(db, regionCode);
  const parentCode = ancestry[1] ?? regionCode;
  const parent = refOf(await requireRegion(db, parentCode, "region"));
  const wanted = new Set(indicatorCodes);
  const indicators = (await allIndicators(db, { province: provinceOf(regionCode), year })).filter(
    (i) => wanted.has(i.code),
  );
  const tables = await monthlyTables(db, parent, indicators, { year, toMonth, viewerScope: null });
  const lines = new Map<string, ProgressLine<RegionRef>[]>();
  for (const [code, months] of tables) {
    lines.set(
      code,
      months.map((t) =>
        parentCode === regionCode
          ? t.parent
          : (t.children.find((c) => c.region.code === regionCode) as ProgressLine<RegionRef>),
      ),
    );
  }
  return lines;
}

/** The heaviest level among the region's records still open. */
async function openLevelOf(db: Database, regionCode: string): Promise<SupervisionLevel | null> {
  const open = await listSupervision(db, { exactRegion: regionCode, status: "open" });
  return open.reduce<SupervisionLevel | null>((level, r) => heavier(level, r.record.kind), null);
}

/**
 * What a record opened from the lagging list starts with: each indicator's lag and months behind
 * at that month, and the level the province's ladder suggests (one step above an open record).
 */
export async function suggestion(
  db: Database,
  q: { region: string; indicators: string; year: number; month: number },
): Promise<SupervisionSuggestion> {
  const region = refOf(await requireRegion(db, q.region, "region"));
  const codes = [...new Set(q.indicators.split(","))];
  const known = await allIndicators(db, { province: provinceOf(region.code) });
  const byCode = new Map(known.map((i) => [i.code, i]));
  const unknown = codes.filter((c) => !byCode.has(c));
  if (unknown.length > 0) {
    throw badRequest(`indicators: indicator ${unknown.join(", ")} does not exist`, "indicators");
  }
  const [lines, ladder, openLevel] = await Promise.all([
    regionLines(db, region.code, codes, q.year, q.month),
    supervisionLadderOf(db, provinceOf(region.code)),
    openLevelOf(db, region.code),
  ]);
  const found = codes.map((code) => {
    const months = lines.get(code) ?? [];
    const latest = months.at(-1);
    const i = byCode.get(code) as (typeof known)[number];
    return {
      indicator: { code, nameZh: i.nameZh, nameEn: i.nameEn },
      lag: latest?.lag ?? null,
      monthsBehind: behindStreak(months.map((l) => l.status)),
    };
  });
  const level = suggestLevel(
    ladder,
    found.map((l) => ({ monthsBehind: l.monthsBehind, lagPoints: Math.max(0, -(l.lag ?? 0)) })),
    openLevel,
  );
  return { region, year: q.year, month: q.month, lines: found, openLevel, level };
}

/** At most three years of months are shown after the one before the record was held. */
const MAX_MONTHS = 36;

/**
 * The lag of a record's indicators since it opened: the month before it was held (as it stood
 * then), then each month since, up to the latest month the region's figures were approved.
 */
async function progressSince(
  db: Database,
  row: SupervisionRow,
): Promise<SupervisionDetail["progress"]> {
  const { record } = row;
  const ladder = await supervisionLadderOf(db, provinceOf(record.regionCode));
  const held = Number(record.heldOn.slice(0, 4)) * 12 + Number(record.heldOn.slice(5, 7)) - 1;
  const latest = (await reportingPeriods(db, record.regionCode)).latest;
  const from = held - 1;
  const to = latest ? Math.min(latest.year * 12 + latest.month - 1, from + MAX_MONTHS) : from - 1;
  const months: SupervisionDetail["progress"]["months"] = [];
  for (let year = Math.floor(from / 12); year <= Math.floor(to / 12); year++) {
    const toMonth = year === Math.floor(to / 12) ? (to % 12) + 1 : 12;
    const lines = await regionLines(db, record.regionCode, record.indicatorCodes, year, toMonth);
    const firstMonth = year === Math.floor(from / 12) ? (from % 12) + 1 : 1;
    for (let month = firstMonth; month <= toMonth; month++) {
      const points = record.indicatorCodes.map((indicator) => {
        const line = lines.get(indicator)?.[month - 1];
        return {
          indicator,
          lag: line?.lag ?? null,
          status: (line?.status ?? null) as Status | null,
        };
      });
      months.push({
        year,
        month,
        baseline: year * 12 + month - 1 === from,
        onSchedule: onScheduleStreak([points.map((p) => p.status)]) === 1,
        lines: points,
      });
    }
  }
  const since = months.filter((m) => !m.baseline).map((m) => m.lines.map((l) => l.status));
  return {
    months,
    streak: onScheduleStreak(since),
    required: ladder.closeAfterMonths,
  };
}

/** A record with its indicators' names and their lag each month since it opened. */
export async function recordDetail(
  db: Database,
  user: SignedInUser,
  id: number,
): Promise<SupervisionDetail> {
  const row = await recordInScope(db, user, id);
  const known = await allIndicators(db, { province: provinceOf(row.record.regionCode) });
  const wanted = new Set(row.record.indicatorCodes);
  return {
    record: present(row),
    indicators: known
      .filter((i) => wanted.has(i.code))
      .map((i) => ({ code: i.code, nameZh: i.nameZh, nameEn: i.nameEn })),
    progress: await progressSince(db, row),
  };
}

/** A record's change as the event its notification describes. */
export function eventOf(row: SupervisionRow, action: SupervisionEvent["action"]): SupervisionEvent {
  return {
    action,
    record: { id: row.record.id, kind: row.record.kind, deadline: row.record.deadline },
    region: { code: row.region.code, nameZh: row.region.nameZh, nameEn: row.region.nameEn },
    provinceCode: provinceOf(row.region.code),
  };
}

/**
 * Proposes closing (销号) an open record once its region has been back on schedule for the
 * months the province asks, telling the province's officials in the caller's transaction; a
 * region behind again withdraws the proposal. Run when a record opens and whenever a month of
 * its region is approved or reopened (the figures that decide it change only then).
 */
export async function reviewClosing(db: Database, row: SupervisionRow): Promise<void> {
  if (row.record.closedAt) return;
  const progress = await progressSince(db, row);
  const since = progress.months.filter((m) => !m.baseline).map((m) => m.lines.map((l) => l.status));
  const propose = shouldProposeClosing({ closeAfterMonths: progress.required }, since);
  if (propose === (row.record.closeProposedAt !== null)) return;
  const fresh = await setCloseProposed(db, row.record.id, propose);
  if (fresh) {
    await notify(
      db,
      supervisionNotification({
        ...eventOf(row, "close_proposed"),
        stamp: `${progress.months.at(-1)?.year}-${progress.months.at(-1)?.month}`,
      }),
    );
  }
}

/** Reviews the open records of a region whose figures just changed (a month approved or reopened). */
export async function reviewRegionClosings(db: Database, regionCode: string): Promise<void> {
  for (const row of await listSupervision(db, { exactRegion: regionCode, status: "open" })) {
    await reviewClosing(db, row);
  }
}

/** Records a reminder, interview or listed supervision; the route has checked role and scope. */
export async function createRecord(
  db: Database,
  user: SignedInUser,
  input: SupervisionCreate,
): Promise<SupervisionRecord> {
  await requireRegion(db, input.region, "region");
  const known = new Set(
    (await allIndicators(db, { province: provinceOf(input.region) })).map((i) => i.code),
  );
  const problems = supervisionProblems(input, known);
  if (input.kind !== "interview") {
    for (const field of ["attendees", "minutes"] as const) {
      if (input[field] !== undefined) {
        problems.push({
          field,
          rule: "interview_only",
          message: `${field}: only an interview (约谈) has ${field}`,
        });
      }
    }
  }
  if (problems.length > 0) throw invalid(problems);
  const id = await insertSupervision(db, {
    regionCode: input.region,
    kind: input.kind,
    heldOn: input.heldOn,
    indicatorCodes: input.indicators,
    actions: input.actions.trim(),
    deadline: input.deadline,
    createdBy: user.username,
    attendees: input.attendees?.trim() ?? null,
    minutes: input.minutes?.trim() ?? null,
  });
  const row = await supervisionById(db, id);
  if (!row) throw new Error(`supervision record ${id} vanished`);
  // In the change's own transaction (app.db is it): a record rolled back notifies no one.
  await notify(db, supervisionNotification(eventOf(row, "opened")));
  await reviewClosing(db, row);
  return reload(db, id);
}

/**
 * The region's bureau answers an open record: its explanation and measures. Only a bureau whose
 * scope holds the record's region (its own, or a city's for its county) may answer.
 */
export async function answerRecord(
  db: Database,
  user: SignedInUser,
  id: number,
  input: SupervisionAnswer,
): Promise<SupervisionRecord> {
  const row = await recordInScope(db, user, id);
  const answered = await answerSupervision(db, id, {
    explanation: input.explanation.trim(),
    measures: input.measures.trim(),
    answeredBy: user.username,
  });
  if (!answered) throw conflict(`supervision record ${id} is already closed`);
  const record = await reload(db, id);
  await notify(
    db,
    supervisionNotification({ ...eventOf(row, "answered"), stamp: record.answer?.answeredAt }),
  );
  return record;
}

/** An interview's attendees and minutes, filled in by the officials. */
export async function recordMinutes(
  db: Database,
  user: SignedInUser,
  id: number,
  input: SupervisionMinutes,
): Promise<SupervisionRecord> {
  const row = await recordInScope(db, user, id);
  if (row.record.kind !== "interview") {
    throw badRequest(`kind: only an interview (约谈) has attendees and minutes`, "kind");
  }
  await setSupervisionMinutes(db, id, {
    attendees: input.attendees?.trim() ?? null,
    minutes: input.minutes?.trim() ?? null,
  });
  return reload(db, id);
}

/** Closes an open record in the user's scope with how it ended; a closed one is a conflict. */
export async function closeRecord(
  db: Database,
  user: SignedInUser,
  id: number,
  outcome: string,
): Promise<SupervisionRecord> {
  const existing = await recordInScope(db, user, id);
  const closed =
    existing.record.closedAt === null &&
    (await closeSupervision(db, id, { outcome: outcome.trim(), closedBy: user.username }));
  if (!closed) throw conflict(`supervision record ${id} is already closed`);
  return reload(db, id);
}
