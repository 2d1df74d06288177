import { and, asc, desc, eq, getTableColumns, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { type Database, queryRows, sqlArray, withinTransaction } from "../client.js";
import { regions, reportRevisions, reports, submissions, targets } from "../schema.js";

export interface MonthKey {
  regionCode: string;
  year: number;
  month: number;
}

type Status = "draft" | "submitted" | "approved" | "returned";

/** A region's year and month, in a table that has those three columns. */
function isMonth(
  table: { regionCode: AnyPgColumn; year: AnyPgColumn; month: AnyPgColumn },
  key: MonthKey,
) {
  return and(
    eq(table.regionCode, key.regionCode),
    eq(table.year, key.year),
    eq(table.month, key.month),
  );
}

/** A figure of a region's month as its form shows it. */
export interface MonthFigure {
  indicatorCode: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  status: Status;
  version: number;
  explanation: string | null;
}

/** A region's month as its form shows it: the submission (null before anything was saved). */
export interface MonthForm {
  submission: {
    status: Status;
    version: number;
    reason: string | null;
    firstSubmittedAt: Date | null;
    submittedAt: Date | null;
  } | null;
  figures: MonthFigure[];
}

/**
 * The submission row and the figures of a region's month in one round trip (a save or a submit
 * reads them for the form before; the form after comes from the rows it wrote).
 */
export async function monthForm(db: Database, key: MonthKey): Promise<MonthForm> {
  const [row] = await queryRows<FormRow>(
    db,
    sql`
      select s.status, s.version, s.reason, s.first_submitted_at as "firstSubmittedAt",
             s.submitted_at as "submittedAt",
             ${monthFiguresJson(key)} as figures
      from (select 1) as one
      left join ${submissions} s
        on s.region_code = ${key.regionCode} and s.year = ${key.year} and s.month = ${key.month}`,
  );
  return row ? formOf(row) : { submission: null, figures: [] };
}

/** A month's submission row and its figures as JSON, as monthForm and the changes answer them. */
interface FormRow {
  status: Status | null;
  version: number | null;
  reason: string | null;
  firstSubmittedAt: Date | string | null;
  submittedAt: Date | string | null;
  figures: MonthFigure[];
}

/**
 * A figure as JSON, from a row of `reports` or of a change's RETURNING: numeric in JSON is its
 * exact decimal text, read as the same double the column's number mode gives.
 */
const figureJson = (r: SQL) => sql`json_build_object(
  'indicatorCode', ${r}.indicator_code, 'value', ${r}.value, 'numerator', ${r}.numerator,
  'denominator', ${r}.denominator, 'status', ${r}.status, 'version', ${r}.version,
  'explanation', ${r}.explanation)`;

/**
 * The head of an insert of revisions as a save and an import write them (a move adds its
 * reason): old and new value, parts and status of each figure, and who.
 */
export const insertRevisions = sql.raw(
  `insert into report_revisions (indicator_code, region_code, year, month, version, action,
     old_value, new_value, old_numerator, new_numerator, old_denominator, new_denominator,
     old_status, new_status, actor)`,
);

/** A month's figures as a JSON array (monthForm's `figures`). */
const monthFiguresJson = (key: MonthKey) => sql`coalesce((
  select json_agg(${figureJson(sql`r`)})
  from ${reports} r
  where r.region_code = ${key.regionCode} and r.year = ${key.year} and r.month = ${key.month}),
  '[]'::json)`;

function formOf(row: FormRow): MonthForm {
  // The embedded database answers timestamps as strings, the server as dates.
  const date = (d: Date | string | null) => (d === null ? null : new Date(d));
  return {
    submission:
      row.status === null
        ? null
        : {
            status: row.status,
            version: row.version as number,
            reason: row.reason,
            firstSubmittedAt: date(row.firstSubmittedAt),
            submittedAt: date(row.submittedAt),
          },
    figures: row.figures,
  };
}

/** The submission columns a form shows, as a change's RETURNING names them for formOf. */
const formColumns = (s: SQL) => sql`${s}.status, ${s}.version, ${s}.reason,
  ${s}.first_submitted_at as "firstSubmittedAt", ${s}.submitted_at as "submittedAt"`;

/** Indicators the region has a target for in the year: what its monthly form asks for. */
export function targetsOfRegion(db: Database, regionCode: string, year: number) {
  return db
    .select()
    .from(targets)
    .where(and(eq(targets.regionCode, regionCode), eq(targets.year, year)));
}

/** The targets of several regions in the year: the forms of a whole import at once. */
export function targetsOfRegions(db: Database, regionCodes: readonly string[], year: number) {
  if (regionCodes.length === 0) return Promise.resolve([]);
  // The list as one array parameter: an import's thousands of regions are not a parameter each.
  return db
    .select()
    .from(targets)
    .where(
      and(
        sql`${targets.regionCode} = any(${sqlArray(regionCodes, "text")})`,
        eq(targets.year, year),
      ),
    );
}

/**
 * The targets of every region of a province (GB/T 2260: its codes share the first two digits)
 * for the year: a month-end burst's bureaus of a province read theirs once, not once each.
 */
export function targetsOfProvince(db: Database, province: string, year: number) {
  const prefix = province.slice(0, 2);
  return db
    .select()
    .from(targets)
    .where(
      and(
        sql`${targets.regionCode} between ${`${prefix}0000`} and ${`${prefix}9999`}`,
        eq(targets.year, year),
      ),
    );
}

export interface ApprovedHistoryRow {
  regionCode: string;
  indicatorCode: string;
  year: number;
  month: number;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

/**
 * Approved figures of the region from January of the previous year up to the month before this
 * one: last month's YTD (which this month cannot fall below) and the usual monthly increments.
 */
export function approvedHistory(db: Database, key: MonthKey): Promise<ApprovedHistoryRow[]> {
  return approvedHistoryOfRegions(db, { ...key, regionCodes: [key.regionCode] });
}

/**
 * The approved-history rows of several regions' month (unordered), for the two reads below: the
 * two years' index range of each region, one region after another. Asked with the list inline
 * (`region_code in (…)`), the planner read an import's 10,000 regions it had no statistics of
 * as the whole table and scanned all its millions of rows (1.3–2 s on the bench data).
 */
const approvedHistorySql = (q: { regionCodes: readonly string[]; year: number; month: number }) =>
  sql`
    select r.region_code as "regionCode", r.indicator_code as "indicatorCode", r.year, r.month,
           r.value::float8 as "value", r.numerator::float8 as "numerator",
           r.denominator::float8 as "denominator"
    from unnest(${sqlArray([...new Set(q.regionCodes)], "text")}) as g(code)
    cross join lateral (
      select region_code, indicator_code, year, month, value, numerator, denominator
      from reports
      where region_code = g.code and status = 'approved'
        and year between ${q.year - 1} and ${q.year} and (year = ${q.year - 1} or month < ${q.month})
      -- each region's own index range: a subquery the planner may not merge into a join
      offset 0) r`;

/** The same for several regions of one month, in one query. */
export function approvedHistoryOfRegions(
  db: Database,
  q: { regionCodes: readonly string[]; year: number; month: number },
): Promise<ApprovedHistoryRow[]> {
  if (q.regionCodes.length === 0) return Promise.resolve([]);
  return queryRows<ApprovedHistoryRow>(
    db,
    sql`${approvedHistorySql(q)} order by region_code, indicator_code, year, month`,
  );
}

/**
 * The same history, with the catalogue's version read in the same round trip (what a month is
 * checked against besides its figures is kept in memory under it: see catalogueVersion). With
 * `form`, that month's form as well (monthForm's answer): a change reads its month's context
 * and its form before in one round trip.
 */
export async function approvedHistoryAndCatalogueVersion(
  db: Database,
  q: { regionCodes: readonly string[]; year: number; month: number },
  form?: MonthKey,
): Promise<{ catalogueVersion: number; history: ApprovedHistoryRow[]; form?: MonthForm }> {
  const [row] = await queryRows<{
    catalogueVersion: string;
    history: ApprovedHistoryRow[];
    submission: (Omit<FormRow, "figures"> & { status: Status }) | null;
    figures: MonthFigure[] | null;
  }>(
    db,
    sql`
      select (select version::text from catalogue_version where id = 1) as "catalogueVersion",
        coalesce((
          select json_agg(h order by h."regionCode", h."indicatorCode", h.year, h.month)
          from (${approvedHistorySql(q)}) h), '[]') as history${
            form
              ? sql`,
        (select json_build_object(${sql.raw(
          `'status', s.status, 'version', s.version, 'reason', s.reason,
           'firstSubmittedAt', s.first_submitted_at, 'submittedAt', s.submitted_at`,
        )})
         from ${submissions} s
         where s.region_code = ${form.regionCode} and s.year = ${form.year}
           and s.month = ${form.month}) as submission,
        ${monthFiguresJson(form)} as figures`
              : sql``
          }`,
  );
  const catalogueVersion = Number(row?.catalogueVersion ?? 0);
  const history = row?.history ?? [];
  if (!form) return { catalogueVersion, history };
  const month = row?.submission ?? null;
  return {
    catalogueVersion,
    history,
    form: month
      ? formOf({ ...month, figures: row?.figures ?? [] })
      : { submission: null, figures: row?.figures ?? [] },
  };
}

export interface FigureChange {
  indicatorCode: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  explanation: string | null;
  /** The version of the figure the change was based on (0: new), checked when given. */
  baseVersion?: number | undefined;
}

export type SaveOutcome =
  | { ok: true; version: number; changed: number; form: MonthForm }
  | { ok: false; reason: "stale" | "locked"; message: string };

const same = (a: number | null, b: number | null) =>
  a === b || (a !== null && b !== null && Math.abs(a - b) < 1e-9);

/**
 * Saves figures as a draft of the region's month in one transaction: creates the submission if
 * needed, refuses when its version is not the one the change was based on (or a figure's own
 * version is stale), writes only figures that differ, and keeps a revision of each change.
 */
export async function saveDraftFigures(
  db: Database,
  key: MonthKey,
  changes: readonly FigureChange[],
  opts: {
    actor: string;
    baseVersion?: number | undefined;
    editable: readonly Status[];
    /** The month's form as this transaction read it earlier (monthForm's answer), if it did. */
    known?: MonthForm | undefined;
  },
): Promise<SaveOutcome> {
  try {
    return await saveDraftInTransaction(db, key, changes, opts);
  } catch (error) {
    if (error instanceof Refusal) return error.outcome;
    throw error;
  }
}

/** Thrown inside a transaction to roll it back, carrying the answer for the caller. */
class Refusal extends Error {
  constructor(readonly outcome: Extract<SaveOutcome, { ok: false }>) {
    super(outcome.message);
  }
}

function refuse(reason: "stale" | "locked", message: string): never {
  throw new Refusal({ ok: false, reason, message });
}

function saveDraftInTransaction(
  db: Database,
  key: MonthKey,
  changes: readonly FigureChange[],
  opts: Parameters<typeof saveDraftFigures>[3],
): Promise<SaveOutcome> {
  return withinTransaction(db, async (tx) => {
    // The month's row, created if new, and locked either way in one round trip: the no-op update
    // on conflict takes the row lock a `select … for update` would, and returns the row.
    const [submission] = await tx
      .insert(submissions)
      .values({ ...key, status: "draft", version: 0 })
      .onConflictDoUpdate({
        target: [submissions.regionCode, submissions.year, submissions.month],
        set: { version: sql`${submissions.version}` },
      })
      .returning();
    if (!submission) throw new Error("submission row vanished");
    if (opts.baseVersion !== undefined && submission.version !== opts.baseVersion) {
      refuse(
        "stale",
        `the month was changed meanwhile (version ${submission.version}, yours ${opts.baseVersion}); reload and try again`,
      );
    }
    if (!opts.editable.includes(submission.status)) {
      refuse(
        "locked",
        submission.status === "approved"
          ? "approved figures are locked; the province must reopen the month first"
          : `a ${submission.status} month cannot be edited`,
      );
    }
    // Every figure of the month, not only those changed: with the month's row locked they are
    // its figures after the save but for those it writes, so the form after needs no read.
    // Those this transaction read before taking the lock are still the month's when its
    // version is the one they were read at: every write of a month's figures takes and bumps
    // its row in the same transaction (a version of 0 is the row this save just created, which
    // a writer in between would have created first).
    const known = opts.known;
    const existing: MonthFigure[] =
      known && submission.version === (known.submission?.version ?? 0)
        ? known.figures
        : await tx
            .select({
              indicatorCode: reports.indicatorCode,
              value: reports.value,
              numerator: reports.numerator,
              denominator: reports.denominator,
              status: reports.status,
              version: reports.version,
              explanation: reports.explanation,
            })
            .from(reports)
            .where(isMonth(reports, key));
    const byCode = new Map(existing.map((r) => [r.indicatorCode, r]));
    const formWith = (month: MonthForm["submission"], written: readonly MonthFigure[] = []) => {
      const figures = new Map(byCode);
      for (const figure of written) figures.set(figure.indicatorCode, figure);
      return { submission: month, figures: [...figures.values()] };
    };
    // The figures to write, a column each: the statement's text is then the same for every
    // save (one prepared statement), and its parameters a dozen arrays, not ten per figure.
    const written = {
      indicator: [] as string[],
      value: [] as (number | null)[],
      numerator: [] as (number | null)[],
      denominator: [] as (number | null)[],
      explanation: [] as (string | null)[],
      version: [] as number[],
      oldValue: [] as (number | null)[],
      oldNumerator: [] as (number | null)[],
      oldDenominator: [] as (number | null)[],
      oldStatus: [] as (Status | null)[],
    };
    for (const change of changes) {
      const old = byCode.get(change.indicatorCode);
      if (change.baseVersion !== undefined && (old?.version ?? 0) !== change.baseVersion) {
        refuse(
          "stale",
          `${change.indicatorCode} was changed meanwhile (version ${old?.version ?? 0}, yours ${change.baseVersion}); reload and try again`,
        );
      }
      const unchanged =
        old &&
        same(old.value, change.value) &&
        same(old.numerator, change.numerator) &&
        same(old.denominator, change.denominator) &&
        (old.explanation ?? null) === change.explanation &&
        old.status === "draft";
      if (unchanged) continue;
      written.indicator.push(change.indicatorCode);
      written.value.push(change.value);
      written.numerator.push(change.numerator);
      written.denominator.push(change.denominator);
      written.explanation.push(change.explanation);
      written.version.push((old?.version ?? 0) + 1);
      written.oldValue.push(old?.value ?? null);
      written.oldNumerator.push(old?.numerator ?? null);
      written.oldDenominator.push(old?.denominator ?? null);
      written.oldStatus.push(old?.status ?? null);
    }
    const changed = written.indicator.length;
    if (changed === 0 && submission.version > 0) {
      const { status, version, reason, firstSubmittedAt, submittedAt } = submission;
      const month = { status, version, reason, firstSubmittedAt, submittedAt };
      return { ok: true, version, changed, form: formWith(month) };
    }
    const bump = tx
      .update(submissions)
      .set({ status: "draft", version: submission.version + 1, updatedAt: sql`now()` })
      .where(eq(submissions.id, submission.id))
      .returning({
        status: submissions.status,
        version: submissions.version,
        reason: submissions.reason,
        firstSubmittedAt: submissions.firstSubmittedAt,
        submittedAt: submissions.submittedAt,
      });
    if (changed === 0) {
      const [updated] = await bump;
      if (!updated) throw new Error("submission row vanished");
      return { ok: true, version: updated.version, changed, form: formWith(updated) };
    }
    // One statement for the whole month, however many figures: the figures, their revisions and
    // the month's new version as data-modifying CTEs (a bureau's save at month end competes with
    // thousands of others; it was three round trips). The figures travel as arrays, as an
    // import's do (the same number convention: sqlArray), and the text stays the same for every
    // save: built by drizzle figure by figure, it cost the API 2 ms per save at month end.
    const month = sql`${key.regionCode}::text, ${key.year}::smallint, ${key.month}::smallint`;
    const [updated] = await queryRows<FormRow>(
      tx,
      sql`with input as (
            select * from unnest(${sqlArray(written.indicator, "text")},
              ${sqlArray(written.value, "numeric")}, ${sqlArray(written.numerator, "numeric")},
              ${sqlArray(written.denominator, "numeric")}, ${sqlArray(written.explanation, "text")},
              ${sqlArray(written.version, "int")}, ${sqlArray(written.oldValue, "numeric")},
              ${sqlArray(written.oldNumerator, "numeric")},
              ${sqlArray(written.oldDenominator, "numeric")},
              ${sqlArray(written.oldStatus, "report_status")})
              as x(indicator_code, value, numerator, denominator, explanation, version, old_value,
                   old_numerator, old_denominator, old_status)
          ),
          figures as (
            insert into reports (indicator_code, region_code, year, month, value, numerator,
                                 denominator, explanation, status, version)
            select i.indicator_code, m.region_code, m.year, m.month, i.value, i.numerator,
                   i.denominator, i.explanation, 'draft', i.version
            from input i, (select ${month}) as m(region_code, year, month)
            on conflict (indicator_code, year, region_code, month) do update
              set value = excluded.value, numerator = excluded.numerator,
                  denominator = excluded.denominator, explanation = excluded.explanation,
                  status = 'draft', version = excluded.version, updated_at = now()
            returning indicator_code, value, numerator, denominator, status, version, explanation
          ),
          revisions as (
            ${insertRevisions}
            select i.indicator_code, m.region_code, m.year, m.month, i.version, 'save',
                   i.old_value, i.value, i.old_numerator, i.numerator, i.old_denominator,
                   i.denominator, i.old_status, 'draft', ${opts.actor}::text
            from input i, (select ${month}) as m(region_code, year, month)
          ),
          bumped as (${bump.getSQL()})
          select ${formColumns(sql`b`)},
                 coalesce((select json_agg(${figureJson(sql`f`)}) from figures f), '[]'::json)
                   as figures
          from bumped b`,
    );
    if (!updated) throw new Error("submission row vanished");
    const after = formOf(updated);
    return {
      ok: true,
      version: updated.version as number,
      changed,
      form: formWith(after.submission, after.figures),
    };
  });
}

export type TransitionOutcome =
  | { ok: true; version: number; form: MonthForm }
  | { ok: false; reason: "stale" | "missing" | "state" | "four_eyes"; message: string };

/**
 * The revisions that edit a month's figures, for four eyes: every save, and every import but one
 * that only approved figures it left as they were (a second official's approval by file).
 */
const editsFigures = sql`(${reportRevisions.action} = 'save' or (${reportRevisions.action} = 'import'
  and (${reportRevisions.newStatus} <> 'approved'
    or ${reportRevisions.oldStatus} is null
    or ${reportRevisions.oldValue} is distinct from ${reportRevisions.newValue}
    or ${reportRevisions.oldNumerator} is distinct from ${reportRevisions.newNumerator}
    or ${reportRevisions.oldDenominator} is distinct from ${reportRevisions.newDenominator})))`;

/** Whether `actor` submitted the month or made the last change to one of its figures. */
async function submittedOrEditedBy(
  tx: Database,
  key: MonthKey,
  submission: { submittedBy: string | null },
  actor: string,
): Promise<boolean> {
  if (submission.submittedBy === actor) return true;
  const [last] = await tx
    .select({ actor: reportRevisions.actor })
    .from(reportRevisions)
    .where(and(isMonth(reportRevisions, key), editsFigures))
    .orderBy(desc(reportRevisions.id))
    .limit(1);
  return last?.actor === actor;
}

/**
 * Who submitted each region's month and who last edited its figures (by save or import): what
 * four eyes compares an approver with, for many months at once (an import that approves).
 */
export function submittersAndEditors(
  db: Database,
  q: { regionCodes: readonly string[]; year: number; month: number },
): Promise<{ regionCode: string; submittedBy: string | null; lastEditor: string | null }[]> {
  if (q.regionCodes.length === 0) return Promise.resolve([]);
  const r = reportRevisions;
  return queryRows(
    db,
    sql`
      select s.region_code as "regionCode", s.submitted_by as "submittedBy",
             (select ${r.actor} from ${r}
              where ${r.regionCode} = s.region_code and ${r.year} = s.year and ${r.month} = s.month
                and ${editsFigures}
              order by ${r.id} desc limit 1) as "lastEditor"
      from submissions s
      where s.region_code = any(${sqlArray(q.regionCodes, "text")}) and s.year = ${q.year}
        and s.month = ${q.month}`,
  );
}

/**
 * Moves a month from one status to the next in one transaction, with the figures following,
 * and a revision of each figure's status change. Refused when the month's version or status is
 * no longer what the caller saw.
 */
export async function changeSubmissionStatus(
  db: Database,
  key: MonthKey,
  change: {
    from: readonly Status[];
    to: Status;
    action: string;
    version: number;
    actor: string;
    reason?: string | undefined;
    /** Four eyes: refused when the actor submitted the month or last edited its figures. */
    notBy?: "submitter_or_editor";
  },
): Promise<TransitionOutcome> {
  return withinTransaction(db, async (tx) => {
    // Without four eyes nothing about the month needs reading first: one conditional update
    // (version and status as the caller saw them) moves it; only a refusal reads why.
    if (!change.notBy) {
      const moved = await moveIfAsSeen(tx, key, change);
      if (moved?.submission) {
        return { ok: true, version: moved.submission.version, form: moved } as const;
      }
    }
    const [submission] = await tx
      .select()
      .from(submissions)
      .where(isMonth(submissions, key))
      .for("update");
    if (!submission)
      return {
        ok: false,
        reason: "missing",
        message: "nothing has been entered for this month",
      } as const;
    if (submission.version !== change.version) {
      return {
        ok: false,
        reason: "stale",
        message: `the month was changed meanwhile (version ${submission.version}, yours ${change.version}); reload and try again`,
      } as const;
    }
    if (!change.from.includes(submission.status)) {
      return {
        ok: false,
        reason: "state",
        message: `cannot ${change.action} a ${submission.status} month`,
      } as const;
    }
    if (change.notBy && (await submittedOrEditedBy(tx, key, submission, change.actor))) {
      return {
        ok: false,
        reason: "four_eyes",
        message: `four eyes: you submitted or last edited this month, so another official must ${change.action} it`,
      } as const;
    }
    const [updated] = await tx
      .update(submissions)
      .set(statusFields(change, submission.version + 1))
      .where(eq(submissions.id, submission.id))
      .returning(formFields);
    if (!updated) throw new Error("submission row vanished");
    const figures = await moveFigures(tx, key, change, submission.status);
    return { ok: true, version: updated.version, form: { submission: updated, figures } } as const;
  });
}

type StatusChange = Parameters<typeof changeSubmissionStatus>[2];

/** The submission's columns a form shows, as a status change returns them. */
const formFields = {
  status: submissions.status,
  version: submissions.version,
  reason: submissions.reason,
  firstSubmittedAt: submissions.firstSubmittedAt,
  submittedAt: submissions.submittedAt,
};

/** What a status change sets on the submission row besides its status. */
function statusFields(change: StatusChange, version: SQL | number) {
  const now = sql`now()`;
  return {
    status: change.to,
    version,
    updatedAt: now,
    ...(change.to === "submitted"
      ? {
          submittedAt: now,
          submittedBy: change.actor,
          firstSubmittedAt: sql`coalesce(${submissions.firstSubmittedAt}, now())`,
          reason: null,
        }
      : { decidedAt: now, decidedBy: change.actor, reason: change.reason ?? null }),
  };
}

/**
 * The month and its figures moved, in one statement, when it is still at the version and in a
 * status the change starts from; undefined when not (missing, stale or in another status:
 * nothing changed). Answers the form after the change.
 */
async function moveIfAsSeen(
  tx: Database,
  key: MonthKey,
  change: StatusChange,
): Promise<MonthForm | undefined> {
  const s = submissions;
  const month = tx
    .update(s)
    .set(statusFields(change, sql`${s.version} + 1`))
    .from(
      sql`(select id, status as old_status from ${s}
           where ${s.regionCode} = ${key.regionCode} and ${s.year} = ${key.year}
             and ${s.month} = ${key.month} and ${s.version} = ${change.version}
             and ${s.status} in ${change.from}
           for update) as seen`,
    )
    .where(sql`${s.id} = seen.id`)
    .returning({ ...formFields, oldStatus: sql<Status>`seen.old_status` });
  // The figures move only with the month (none when it was not as seen), from the status it left.
  const [row] = await queryRows<FormRow>(
    tx,
    sql`with month as (${month.getSQL()}),
        ${figureMoves(key, change, sql`(select old_status from month)`, sql`exists (select from month)`)}
        select ${formColumns(sql`m`)},
               coalesce((select json_agg(${figureJson(sql`f`)}) from moved f), '[]'::json)
                 as figures
        from month m`,
  );
  return row ? formOf(row) : undefined;
}

/**
 * The month's figures following its status, each with a revision of the change (CTEs `moved`
 * and `revisions`): the month's rows never travel to the API and back. `oldStatus`: the status
 * the month left; `when`: a condition the figures move under.
 */
function figureMoves(key: MonthKey, change: StatusChange, oldStatus: SQL, when: SQL = sql`true`) {
  const r = reports;
  const to = sql`${change.to}::report_status`;
  return sql`moved as (
      update ${r} set status = ${to}, version = ${r.version} + 1, updated_at = now()
        ${sql.raw(change.to === "submitted" ? ", submitted_at = now()" : "")}
      where ${r.regionCode} = ${key.regionCode} and ${r.year} = ${key.year}
        and ${r.month} = ${key.month} and ${when}
      returning indicator_code, version, value, numerator, denominator, status, explanation
    ), revisions as (
      insert into ${reportRevisions} (indicator_code, region_code, year, month, version, action,
        old_value, new_value, old_numerator, new_numerator, old_denominator, new_denominator,
        old_status, new_status, actor, reason)
      select indicator_code, ${key.regionCode}, ${key.year}, ${key.month}, version, ${change.action},
        value, value, numerator, numerator, denominator, denominator,
        ${oldStatus}, ${to}, ${change.actor}, ${change.reason ?? null}
      from moved
    )`;
}

/** The month's figures moved (figureMoves), answered as the form after the change shows them. */
async function moveFigures(
  tx: Database,
  key: MonthKey,
  change: StatusChange,
  oldStatus: Status,
): Promise<MonthFigure[]> {
  const [row] = await queryRows<{ figures: MonthFigure[] }>(
    tx,
    sql`with ${figureMoves(key, change, sql`${oldStatus}::report_status`)}
    select coalesce((select json_agg(${figureJson(sql`m`)}) from moved m), '[]'::json) as figures`,
  );
  return row?.figures ?? [];
}

/** A figure's revisions, oldest first. */
export function revisionsOf(db: Database, key: MonthKey & { indicatorCode: string }) {
  const {
    id: _id,
    indicatorCode,
    regionCode,
    year,
    month,
    ...columns
  } = getTableColumns(reportRevisions);
  return db
    .select(columns)
    .from(reportRevisions)
    .where(
      and(
        eq(indicatorCode, key.indicatorCode),
        eq(regionCode, key.regionCode),
        eq(year, key.year),
        eq(month, key.month),
      ),
    )
    .orderBy(asc(reportRevisions.id));
}

/** Each child region's submission for a month, or none. */
export function submissionsOfChildren(
  db: Database,
  q: { parentCode: string; year: number; month: number },
) {
  return db
    .select({
      code: regions.code,
      nameZh: regions.nameZh,
      nameEn: regions.nameEn,
      level: regions.level,
      status: submissions.status,
      firstSubmittedAt: submissions.firstSubmittedAt,
      submittedAt: submissions.submittedAt,
    })
    .from(regions)
    .leftJoin(
      submissions,
      and(
        eq(submissions.regionCode, regions.code),
        eq(submissions.year, q.year),
        eq(submissions.month, q.month),
      ),
    )
    .where(eq(regions.parentCode, q.parentCode))
    .orderBy(asc(regions.code));
}

/** A region's submissions month by month for one year. */
export function submissionsOfRegion(db: Database, regionCode: string, year: number) {
  return db
    .select()
    .from(submissions)
    .where(and(eq(submissions.regionCode, regionCode), eq(submissions.year, year)))
    .orderBy(asc(submissions.month));
}
