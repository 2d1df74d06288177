import {
  changeSubmissionStatus,
  type Database,
  type FigureChange,
  fourEyesOf,
  type MonthForm,
  monthForm,
  notifyAll,
  saveDraftFigures,
  schema,
} from "@jindu/db";
import {
  actualOf,
  allowedFrom,
  checkMonth,
  completionRate,
  deadlineOf,
  isDue,
  type MonthEvent,
  type MonthProblem,
  measureFrom,
  monthNotification,
  onTimeUntil,
  statusAfter,
  type ValidationProblem,
  type WorkflowAction,
} from "@jindu/domain";
import { and, asc, eq, getTableColumns, or, sql } from "drizzle-orm";
import { ApiError, badRequest, conflict, invalid } from "../errors.js";
import { ancestryOf } from "../plugins/app/auth.js";
import type {
  EntryInput,
  MonthRevision,
  SubmissionEntry,
  SubmissionQueue,
  SubmissionView,
} from "../schemas/index.js";
import { requireRegion } from "./lookups.js";
import {
  type Figures,
  type MonthContext,
  monthContext,
  monthLines,
  noFigures,
} from "./month-context.js";
import { refOf } from "./progress.js";
import { reviewRegionClosings } from "./supervision.js";

export interface MonthRef {
  region: string;
  year: number;
  month: number;
}

const keyOf = (m: MonthRef) => ({ regionCode: m.region, year: m.year, month: m.month });

/** A month-level problem as the API names it: `<indicator>.<field>`, or `month`. */
const asApiProblem = (p: MonthProblem): ValidationProblem => ({
  field: p.indicator ? `${p.indicator}.${p.field}` : p.field,
  rule: p.rule,
  message: p.message,
});

/**
 * The month's form: every indicator with a target, its figure, last month's, and the checks.
 * `context`: the month's context already read in this request (a change reads it once for the
 * form before, its checks and the form after: nothing it writes is part of it). `form`: the
 * month's row and figures as a change in this request left them (it wrote or read them all).
 */
export async function submissionView(
  db: Database,
  m: MonthRef,
  today = new Date(),
  context?: MonthContext,
  form?: MonthForm,
): Promise<SubmissionView> {
  const region = refOf(await requireRegion(db, m.region, "region"));
  const ctx = context ?? (await monthContext(db, m));
  const { submission, figures } = form ?? (await monthForm(db, keyOf(m)));
  const byCode = new Map(figures.map((f) => [f.indicatorCode, f]));
  const lines = monthLines(ctx, byCode);
  const check = checkMonth(lines, { ...m, today, allowPartial: ctx.allowPartial });
  const entries: SubmissionEntry[] = lines.map((line, i) => {
    const { indicator } = line;
    const code = indicator.code;
    const figure = byCode.get(code);
    const target = ctx.targets.get(code);
    const values = line.figures;
    const lineCheck = check.lines[i];
    const { nameZh, nameEn, unitZh, unitEn, kind, direction, category, wholeNumber } = indicator;
    return {
      indicator: { code, nameZh, nameEn, unitZh, unitEn, kind, direction, category, wholeNumber },
      target: target?.value ?? null,
      dueMonth: target?.dueMonth ?? 12,
      previous: ctx.previous.get(code) ?? noFigures,
      pastIncrements: ctx.increments.get(code) ?? [],
      ...values,
      explanation: figure?.explanation ?? null,
      status: figure?.status ?? null,
      version: figure?.version ?? 0,
      completion: completionRate(
        indicator.direction,
        actualOf(measureFrom(indicator.kind, values)),
        target?.value ?? null,
      ),
      errors: lineCheck?.errors ?? [],
      warnings: lineCheck?.warnings ?? [],
    };
  });
  return {
    region,
    year: m.year,
    month: m.month,
    status: submission?.status ?? null,
    version: submission?.version ?? 0,
    reason: submission?.reason ?? null,
    deadline: deadlineOf(ctx.calendar, m.year, m.month).toISOString(),
    onTimeUntil: onTimeUntil(ctx.calendar, m.year, m.month).toISOString(),
    due: isDue(ctx.calendar, m.month),
    firstSubmittedAt: submission?.firstSubmittedAt?.toISOString() ?? null,
    submittedAt: submission?.submittedAt?.toISOString() ?? null,
    allowPartial: ctx.allowPartial,
    submitProblems: check.submitProblems.map(asApiProblem),
    entries,
  };
}

/** Turns an entry (year-to-date or this month's increment) into year-to-date figures. */
function toYearToDate(entry: EntryInput, previous: Figures | null) {
  const add = (a: number | undefined, b: number | null | undefined) =>
    a === undefined ? null : entry.mode === "increment" ? a + (b ?? 0) : a;
  return {
    value: add(entry.value, previous?.value),
    numerator: add(entry.numerator, previous?.numerator),
    denominator: add(entry.denominator, previous?.denominator),
  };
}

/**
 * Saves entries as a draft after checking every one of them with the month's checks: any error
 * refuses the whole save (400, nothing written); warnings are kept for the submit step. Answers
 * the month's row and figures after the save.
 */
export async function saveEntries(
  db: Database,
  m: MonthRef,
  entries: readonly EntryInput[],
  opts: {
    actor: string;
    baseVersion?: number;
    figureVersions?: Map<string, number>;
    /** The month's context, when the request already read it (see submissionView). */
    context?: MonthContext | undefined;
    /** The month's form as this request's transaction read it before the change, if it did. */
    known?: MonthForm | undefined;
  },
  today = new Date(),
): Promise<MonthForm> {
  // A context given was read for this region after its submissionView required it.
  if (!opts.context) await requireRegion(db, m.region, "region");
  const ctx = opts.context ?? (await monthContext(db, m));
  const problems: ValidationProblem[] = [];
  const changes: FigureChange[] = [];
  const seen = new Set<string>();
  const fieldOf = new Map<string, (field: string) => string>();
  entries.forEach((entry, i) => {
    const at = (field: string) =>
      entries.length > 1 || opts.baseVersion !== undefined ? `entries.${i}.${field}` : field;
    if (ctx.unassigned.has(entry.indicator)) {
      problems.push({
        field: at("indicator"),
        rule: "not_assigned",
        message: `${entry.indicator} is not on this region's task list for ${m.year}`,
      });
      return;
    }
    if (!ctx.indicators.has(entry.indicator)) {
      problems.push({
        field: at("indicator"),
        rule: "unknown_indicator",
        message: `indicator ${entry.indicator} does not exist`,
      });
      return;
    }
    if (seen.has(entry.indicator)) {
      problems.push({
        field: at("indicator"),
        rule: "duplicate",
        message: `${entry.indicator} appears twice`,
      });
      return;
    }
    seen.add(entry.indicator);
    fieldOf.set(entry.indicator, at);
    changes.push({
      indicatorCode: entry.indicator,
      ...toYearToDate(entry, ctx.previous.get(entry.indicator) ?? null),
      explanation: entry.explanation?.trim() || null,
      baseVersion: opts.figureVersions?.get(entry.indicator),
    });
  });
  const check = checkMonth(monthLines(ctx, new Map(changes.map((c) => [c.indicatorCode, c]))), {
    ...m,
    today,
    allowPartial: ctx.allowPartial,
  });
  for (const p of check.errors) {
    const at = fieldOf.get(p.indicator as string) ?? ((field: string) => field);
    problems.push({ ...p, field: at(p.field), message: `${p.indicator}: ${p.message}` });
  }
  if (problems.length > 0) throw invalid(problems);
  const outcome = await saveDraftFigures(db, keyOf(m), changes, {
    actor: opts.actor,
    baseVersion: opts.baseVersion,
    editable: allowedFrom("save"),
    known: opts.known,
  });
  if (!outcome.ok) throw conflict(outcome.message);
  return outcome.form;
}

/**
 * Submit, approve, return or reopen a month, after the checks that action needs. Answers the
 * month's row and figures after the move.
 */
export async function moveSubmission(
  db: Database,
  m: MonthRef,
  action: Exclude<WorkflowAction, "save">,
  input: {
    version: number;
    reason?: string | undefined;
    actor: string;
    /** The month's context, when the request already read it (see submissionView). */
    context?: MonthContext | undefined;
    /** The month's form as this request's transaction read it before the change, if it did. */
    before?: SubmissionView | undefined;
  },
  today = new Date(),
): Promise<MonthForm> {
  if (action === "submit") {
    const view = input.before ?? (await submissionView(db, m, today, input.context));
    if (view.version === 0) throw badRequest("nothing has been entered for this month");
    if (view.submitProblems.length > 0) throw invalid(view.submitProblems);
  }
  const region = input.before?.region ?? (await requireRegion(db, m.region, "region"));
  const province = (await ancestryOf(db, m.region)).at(-1) ?? m.region;
  // Four eyes (a province's setting, on by default): the approver is someone else.
  const fourEyes = action === "approve" && (await fourEyesOf(db, province));
  const outcome = await changeSubmissionStatus(db, keyOf(m), {
    from: allowedFrom(action),
    to: statusAfter(action),
    action,
    version: input.version,
    actor: input.actor,
    reason: input.reason,
    ...(fourEyes ? { notBy: "submitter_or_editor" as const } : {}),
  });
  if (!outcome.ok) {
    if (outcome.reason === "four_eyes")
      throw new ApiError(403, outcome.message, { rule: "four_eyes" });
    throw outcome.reason === "missing" ? badRequest(outcome.message) : conflict(outcome.message);
  }
  await notifyMonthMove(db, {
    action,
    region,
    provinceCode: province,
    year: m.year,
    month: m.month,
    version: input.version + 1,
    reason: input.reason,
  });
  return outcome.form;
}

/**
 * The one rule of who hears of a month's move, whichever path moved it (the form, an imported
 * file): in the change's own transaction (app.db is it), so a change rolled back notifies no one.
 */
export async function notifyMonthMove(db: Database, event: MonthEvent): Promise<number> {
  return notifyMonthMoves(db, [event]);
}

/** notifyMonthMove for many months at once (an import's): one read and one write for all. */
export async function notifyMonthMoves(
  db: Database,
  events: readonly MonthEvent[],
): Promise<number> {
  const written = await notifyAll(
    db,
    events.map((event) => {
      const { code, nameZh, nameEn } = event.region;
      return monthNotification({ ...event, region: { code, nameZh, nameEn } });
    }),
  );
  // The figures that decide whether a supervised region is back on schedule changed: its open
  // records may now propose 销号 (or no longer), in this same transaction.
  for (const event of events) {
    if (event.action === "approve" || event.action === "reopen") {
      await reviewRegionClosings(db, event.region.code);
    }
  }
  return written;
}

/** At most this many months in one answer of the approvals queue. */
const QUEUE_LIMIT = 200;

/**
 * The approvals queue: the months of a region and of its child regions in one status (by default
 * those waiting for the province), each as its full form, so changes and warnings show at once.
 */
export async function submissionQueue(
  db: Database,
  q: {
    parent: string;
    status?: "draft" | "submitted" | "approved" | "returned" | undefined;
    year?: number | undefined;
    month?: number | undefined;
  },
  today = new Date(),
): Promise<SubmissionQueue> {
  await requireRegion(db, q.parent, "parent");
  const { submissions: s, regions: r } = schema;
  const rows = await db
    .select({ region: s.regionCode, year: s.year, month: s.month })
    .from(s)
    .innerJoin(r, eq(r.code, s.regionCode))
    .where(
      and(
        or(eq(r.code, q.parent), eq(r.parentCode, q.parent)),
        eq(s.status, q.status ?? "submitted"),
        q.year === undefined ? undefined : eq(s.year, q.year),
        q.month === undefined ? undefined : eq(s.month, q.month),
      ),
    )
    .orderBy(sql`${s.submittedAt} asc nulls last`, asc(s.year), asc(s.month), asc(s.regionCode))
    .limit(QUEUE_LIMIT + 1);
  const items: SubmissionView[] = [];
  for (const row of rows.slice(0, QUEUE_LIMIT)) items.push(await submissionView(db, row, today));
  return { items, truncated: rows.length > QUEUE_LIMIT };
}

/** Every revision of every figure of a region's month, oldest first. */
export async function monthHistory(db: Database, m: MonthRef): Promise<MonthRevision[]> {
  await requireRegion(db, m.region, "region");
  const t = schema.reportRevisions;
  const { id: _id, regionCode, year, month, indicatorCode, ...columns } = getTableColumns(t);
  const rows = await db
    .select({ indicator: indicatorCode, ...columns })
    .from(t)
    .where(and(eq(regionCode, m.region), eq(year, m.year), eq(month, m.month)))
    .orderBy(asc(t.id));
  return rows.map((row) => ({ ...row, at: row.at.toISOString() }));
}
