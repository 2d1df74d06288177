import {
  allIndicators,
  approvedHistory,
  changeSubmissionStatus,
  type Database,
  type FigureChange,
  fourEyesOf,
  regionAncestry,
  reportsOfMonth,
  saveDraftFigures,
  schema,
  submissionByKey,
  targetsOfRegion,
} from "@jindu/db";
import {
  actualOf,
  allowedFrom,
  completionRate,
  incrementsOf,
  measureFrom,
  reportingDeadline,
  reportProblems,
  reportWarnings,
  statusAfter,
  type ValidationProblem,
  type WorkflowAction,
} from "@jindu/domain";
import { and, asc, eq, getTableColumns, or, sql } from "drizzle-orm";
import { ApiError, badRequest, conflict, invalid } from "../errors.js";
import type {
  EntryInput,
  MonthRevision,
  SubmissionEntry,
  SubmissionQueue,
  SubmissionView,
} from "../schemas/index.js";
import { requireRegion } from "./lookups.js";
import { type IndicatorRow, refOf } from "./progress.js";

export interface MonthRef {
  region: string;
  year: number;
  month: number;
}

const keyOf = (m: MonthRef) => ({ regionCode: m.region, year: m.year, month: m.month });
type Figures = { value: number | null; numerator: number | null; denominator: number | null };
const none: Figures = { value: null, numerator: null, denominator: null };

/** What the checks need to know about the region's month beyond the figures themselves. */
interface MonthContext {
  indicators: Map<string, IndicatorRow>;
  targets: Map<string, { value: number; dueMonth: number }>;
  previous: Map<string, Figures>;
  increments: Map<string, number[]>;
}

async function monthContext(db: Database, m: MonthRef): Promise<MonthContext> {
  const [indicators, targets, history] = await Promise.all([
    allIndicators(db),
    targetsOfRegion(db, m.region, m.year),
    approvedHistory(db, keyOf(m)),
  ]);
  const previous = new Map<string, Figures>();
  const ytdByYear = new Map<string, number[]>();
  for (const row of history) {
    if (row.year === m.year) previous.set(row.indicatorCode, row);
    if (row.value !== null) {
      const k = `${row.indicatorCode}|${row.year}`;
      ytdByYear.set(k, [...(ytdByYear.get(k) ?? []), row.value]);
    }
  }
  const increments = new Map<string, number[]>();
  for (const [k, ytds] of ytdByYear) {
    const code = k.split("|")[0] as string;
    increments.set(code, [...(increments.get(code) ?? []), ...incrementsOf(ytds)]);
  }
  return {
    indicators: new Map(indicators.map((i) => [i.code, i])),
    targets: new Map(targets.map((t) => [t.indicatorCode, t])),
    previous,
    increments,
  };
}

/** Errors and warnings of one figure, each naming the field it is about. */
function checkFigure(
  ctx: MonthContext,
  m: MonthRef,
  indicator: IndicatorRow,
  figures: { value: number | null; numerator: number | null; denominator: number | null },
  today: Date,
): { errors: ValidationProblem[]; warnings: ValidationProblem[] } {
  const previous = ctx.previous.get(indicator.code) ?? null;
  const errors = reportProblems(figures, {
    indicator,
    year: m.year,
    month: m.month,
    today,
    previous,
  });
  const warnings =
    indicator.kind === "cumulative" && figures.value !== null && errors.length === 0
      ? reportWarnings({
          ytd: figures.value,
          previousYtd: previous?.value ?? 0,
          pastIncrements: ctx.increments.get(indicator.code) ?? [],
          target: ctx.targets.get(indicator.code)?.value ?? null,
        })
      : [];
  return { errors, warnings };
}

/** The month's form: every indicator with a target, its figure, last month's, and the checks. */
export async function submissionView(
  db: Database,
  m: MonthRef,
  today = new Date(),
): Promise<SubmissionView> {
  const region = refOf(await requireRegion(db, m.region, "region"));
  const [ctx, submission, figures] = await Promise.all([
    monthContext(db, m),
    submissionByKey(db, keyOf(m)),
    reportsOfMonth(db, keyOf(m)),
  ]);
  const byCode = new Map(figures.map((f) => [f.indicatorCode, f]));
  const codes = [...ctx.indicators.keys()].filter((c) => ctx.targets.has(c) || byCode.has(c));
  const entries: SubmissionEntry[] = codes.map((code) => {
    const indicator = ctx.indicators.get(code) as IndicatorRow;
    const figure = byCode.get(code);
    const target = ctx.targets.get(code);
    const values = figure
      ? { value: figure.value, numerator: figure.numerator, denominator: figure.denominator }
      : none;
    const checks = figure
      ? checkFigure(ctx, m, indicator, values, today)
      : { errors: [], warnings: [] };
    const { code: c, nameZh, nameEn, unitZh, unitEn, kind, direction, category } = indicator;
    return {
      indicator: { code: c, nameZh, nameEn, unitZh, unitEn, kind, direction, category },
      target: target?.value ?? null,
      dueMonth: target?.dueMonth ?? 12,
      previous: ctx.previous.get(code) ?? none,
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
      ...checks,
    };
  });
  return {
    region,
    year: m.year,
    month: m.month,
    status: submission?.status ?? null,
    version: submission?.version ?? 0,
    reason: submission?.reason ?? null,
    deadline: reportingDeadline(m.year, m.month).toISOString(),
    firstSubmittedAt: submission?.firstSubmittedAt?.toISOString() ?? null,
    submittedAt: submission?.submittedAt?.toISOString() ?? null,
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
 * Saves entries as a draft after checking every one of them: any error refuses the whole save
 * (400, nothing written); warnings are kept for the submit step.
 */
export async function saveEntries(
  db: Database,
  m: MonthRef,
  entries: readonly EntryInput[],
  opts: { actor: string; baseVersion?: number; figureVersions?: Map<string, number> },
  today = new Date(),
): Promise<void> {
  await requireRegion(db, m.region, "region");
  const ctx = await monthContext(db, m);
  const problems: ValidationProblem[] = [];
  const changes: FigureChange[] = [];
  const seen = new Set<string>();
  entries.forEach((entry, i) => {
    const at = (field: string) =>
      entries.length > 1 || opts.baseVersion !== undefined ? `entries.${i}.${field}` : field;
    const indicator = ctx.indicators.get(entry.indicator);
    if (!indicator) {
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
    const figures = toYearToDate(entry, ctx.previous.get(entry.indicator) ?? null);
    const { errors } = checkFigure(ctx, m, indicator, figures, today);
    problems.push(
      ...errors.map((p) => ({
        ...p,
        field: at(p.field),
        message: `${entry.indicator}: ${p.message}`,
      })),
    );
    changes.push({
      indicatorCode: entry.indicator,
      ...figures,
      explanation: entry.explanation?.trim() || null,
      baseVersion: opts.figureVersions?.get(entry.indicator),
    });
  });
  if (problems.length > 0) throw invalid(problems);
  const outcome = await saveDraftFigures(db, keyOf(m), changes, {
    actor: opts.actor,
    baseVersion: opts.baseVersion,
    editable: allowedFrom("save"),
  });
  if (!outcome.ok) throw conflict(outcome.message);
}

/** Submit, approve, return or reopen a month, after the checks that action needs. */
export async function moveSubmission(
  db: Database,
  m: MonthRef,
  action: Exclude<WorkflowAction, "save">,
  input: { version: number; reason?: string | undefined; actor: string },
  today = new Date(),
): Promise<void> {
  if (action === "submit") {
    const view = await submissionView(db, m, today);
    const entered = view.entries.filter((e) => e.version > 0);
    if (entered.length === 0) throw badRequest("nothing has been entered for this month");
    const problems = entered.flatMap((e) => [
      ...e.errors.map((p) => ({ ...p, field: `${e.indicator.code}.${p.field}` })),
      ...(e.explanation
        ? []
        : e.warnings.map((w) => ({
            field: `${e.indicator.code}.explanation`,
            rule: "explanation_required",
            message: `${e.indicator.code}: ${w.message} — explain it before submitting`,
          }))),
    ]);
    if (problems.length > 0) throw invalid(problems);
  } else {
    await requireRegion(db, m.region, "region");
  }
  // Four eyes (a province's setting, on by default): the approver is someone else.
  const fourEyes =
    action === "approve" &&
    (await fourEyesOf(db, (await regionAncestry(db, m.region)).at(-1) ?? m.region));
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
