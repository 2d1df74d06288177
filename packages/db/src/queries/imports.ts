import { sql } from "drizzle-orm";
import { type Database, queryRows, sqlArray } from "../client.js";
import { insertRevisions } from "./submissions.js";

export interface ImportedFigure {
  regionCode: string;
  indicatorCode: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

export type ImportStatus = "draft" | "submitted" | "approved";

/** A figure to write, with the explanation to keep and the status its region's month ends in. */
export interface FigureToImport extends ImportedFigure {
  explanation: string | null;
  status: ImportStatus;
}

export interface PreviousFigureRow extends ImportedFigure {
  month: number;
}

/** Each region's latest approved figure of each indicator before the month: YTD cannot fall. */
export function previousApprovedFigures(
  db: Database,
  q: { regionCodes: readonly string[]; year: number; month: number },
): Promise<PreviousFigureRow[]> {
  if (q.regionCodes.length === 0) return Promise.resolve([]);
  return queryRows<PreviousFigureRow>(
    db,
    sql`
      select distinct on (region_code, indicator_code)
             region_code as "regionCode", indicator_code as "indicatorCode", month,
             value::float8 as "value", numerator::float8 as "numerator",
             denominator::float8 as "denominator"
      from reports
      where region_code = any(${sqlArray(q.regionCodes, "text")}) and year = ${q.year}
        and month < ${q.month}
        and status = 'approved'
      order by region_code, indicator_code, month desc`,
  );
}

/** Current figures of the regions for the month, whatever their status: the "old" of a preview. */
export function figuresOfMonth(
  db: Database,
  q: { regionCodes: readonly string[]; year: number; month: number },
): Promise<(ImportedFigure & { status: string; explanation: string | null })[]> {
  if (q.regionCodes.length === 0) return Promise.resolve([]);
  return queryRows(
    db,
    sql`
      select region_code as "regionCode", indicator_code as "indicatorCode", status, explanation,
             value::float8 as "value", numerator::float8 as "numerator",
             denominator::float8 as "denominator"
      from reports
      where region_code = any(${sqlArray(q.regionCodes, "text")}) and year = ${q.year}
        and month = ${q.month}`,
  );
}

export function submissionStatuses(
  db: Database,
  q: { regionCodes: readonly string[]; year: number; month: number },
): Promise<{ regionCode: string; status: string }[]> {
  if (q.regionCodes.length === 0) return Promise.resolve([]);
  return queryRows(
    db,
    sql`
      select region_code as "regionCode", status::text as status from submissions
      where region_code = any(${sqlArray(q.regionCodes, "text")}) and year = ${q.year}
        and month = ${q.month}`,
  );
}

export interface ImportOutcome {
  /** Figures written because they differ from what was stored. */
  changed: number;
  /** Regions whose month changed (and moved to the import's status). */
  regions: number;
  /** Months whose status the import changed, with their version after it (for notifications). */
  moved: {
    regionCode: string;
    from: ImportStatus | "returned" | null;
    to: ImportStatus;
    version: number;
  }[];
}

/**
 * Writes a whole file's figures in one transaction, set-based so that tens of thousands of rows
 * take seconds: only figures that differ (or whose month changes status) are written, each with a
 * revision, and every region whose month changed moves to its figures' status (a region held
 * back as a draft by the month checks stays one). A month approved meanwhile aborts everything.
 * Importing the same figures again changes nothing.
 *
 * The figures travel as one array per column (unnest), read far faster than a JSON row per
 * figure, and the figures, their revisions and the stored values they replace are one statement.
 */
export async function importFigures(
  db: Database,
  q: {
    year: number;
    month: number;
    figures: readonly FigureToImport[];
    actor: string;
  },
): Promise<ImportOutcome | { locked: string[] }> {
  const f = q.figures;
  const n = f.length;
  const columns = {
    indicator: new Array<string>(n),
    region: new Array<string>(n),
    value: new Array<number | null>(n),
    numerator: new Array<number | null>(n),
    denominator: new Array<number | null>(n),
    explanation: new Array<string | null>(n),
    status: new Array<string>(n),
  };
  const fileRegions = new Set<string>();
  for (let i = 0; i < n; i++) {
    const figure = f[i] as FigureToImport;
    columns.indicator[i] = figure.indicatorCode;
    columns.region[i] = figure.regionCode;
    columns.value[i] = figure.value;
    columns.numerator[i] = figure.numerator;
    columns.denominator[i] = figure.denominator;
    columns.explanation[i] = figure.explanation;
    columns.status[i] = figure.status;
    fileRegions.add(figure.regionCode);
  }
  const regionList = sqlArray([...fileRegions], "text");
  return db.transaction(async (tx) => {
    const t = tx as unknown as Database;
    const locked = await queryRows<{ regionCode: string }>(
      t,
      sql`
        select s.region_code as "regionCode" from submissions s
        where s.year = ${q.year} and s.month = ${q.month} and s.status = 'approved'
          and s.region_code = any(${regionList})
        for update`,
    );
    if (locked.length > 0) return { locked: locked.map((l) => l.regionCode) };
    // The stored figures being replaced are read in the same statement (one snapshot, before
    // the upsert), by the month's regions: an index range per region, not a probe per figure.
    const changed = await queryRows<{ regionCode: string; status: ImportStatus; figures: number }>(
      t,
      sql`
        with input as (
          select * from unnest(
            ${sqlArray(columns.indicator, "text")}, ${sqlArray(columns.region, "text")},
            ${sqlArray(columns.value, "numeric")}, ${sqlArray(columns.numerator, "numeric")},
            ${sqlArray(columns.denominator, "numeric")}, ${sqlArray(columns.explanation, "text")},
            ${sqlArray(columns.status, "report_status")})
            as x(indicator_code, region_code, value, numerator, denominator, explanation, status)
        ),
        old as (
          select r.indicator_code, r.region_code, r.value, r.numerator, r.denominator, r.status
          from reports r
          where r.year = ${q.year} and r.month = ${q.month} and r.region_code = any(${regionList})
        ),
        written as (
          insert into reports (indicator_code, region_code, year, month, value, numerator,
                               denominator, explanation, status, submitted_at)
          select indicator_code, region_code, ${q.year}, ${q.month}, value, numerator,
                 denominator, explanation, status,
                 case when status = 'draft' then null else now() end
          from input
          on conflict (indicator_code, year, region_code, month) do update
            set value = excluded.value, numerator = excluded.numerator,
                denominator = excluded.denominator, explanation = excluded.explanation,
                status = excluded.status,
                submitted_at = coalesce(excluded.submitted_at, reports.submitted_at),
                version = reports.version + 1, updated_at = now()
            where reports.value is distinct from excluded.value
               or reports.numerator is distinct from excluded.numerator
               or reports.denominator is distinct from excluded.denominator
               or reports.explanation is distinct from excluded.explanation
               or reports.status is distinct from excluded.status
          returning indicator_code, region_code, year, month, version, value, numerator,
                    denominator, status
        ),
        revised as (
          ${insertRevisions}
          select w.indicator_code, w.region_code, w.year, w.month, w.version, 'import',
                 o.value, w.value, o.numerator, w.numerator, o.denominator, w.denominator,
                 o.status, w.status, ${q.actor}
          from written w
          left join old o
            on o.indicator_code = w.indicator_code and o.region_code = w.region_code
          returning 1
        )
        select w.region_code as "regionCode", w.status::text as status, count(*)::int as figures
        from written w group by w.region_code, w.status`,
    );
    const moved: ImportOutcome["moved"] = [];
    // Each region's month ends in one status (its figures all carry it).
    const statusOf = new Map(changed.map((c) => [c.regionCode, c.status]));
    if (statusOf.size > 0) {
      const now = sql`now()`;
      const months = sql`unnest(${sqlArray([...statusOf.keys()], "text")},
                                ${sqlArray([...statusOf.values()], "report_status")})
                         as m(region, status)`;
      // The month's other figures follow the month's new status.
      await t.execute(sql`
        update reports r set status = m.status, version = r.version + 1, updated_at = ${now}
        from ${months}
        where r.year = ${q.year} and r.month = ${q.month} and r.region_code = m.region
          and r.status <> m.status`);
      const before = await queryRows<{ regionCode: string; status: ImportStatus | "returned" }>(
        t,
        sql`
          select region_code as "regionCode", status::text as status from submissions
          where year = ${q.year} and month = ${q.month}
            and region_code = any(${sqlArray([...statusOf.keys()], "text")})
          for update`,
      );
      const after = await queryRows<{ regionCode: string; status: ImportStatus; version: number }>(
        t,
        sql`
        insert into submissions (region_code, year, month, status, version, first_submitted_at,
                                 submitted_at, submitted_by, decided_at, decided_by)
        select m.region, ${q.year}, ${q.month}, m.status, 1,
               case when m.status <> 'draft' then ${now} end,
               case when m.status <> 'draft' then ${now} end,
               case when m.status <> 'draft' then ${q.actor} end,
               case when m.status = 'approved' then ${now} end,
               case when m.status = 'approved' then ${q.actor} end
        from ${months}
        on conflict (year, month, region_code) do update
          set status = excluded.status, version = submissions.version + 1,
              first_submitted_at = coalesce(submissions.first_submitted_at, excluded.first_submitted_at),
              submitted_at = coalesce(excluded.submitted_at, submissions.submitted_at),
              submitted_by = coalesce(excluded.submitted_by, submissions.submitted_by),
              decided_at = excluded.decided_at, decided_by = excluded.decided_by,
              reason = null, updated_at = ${now}
        returning region_code as "regionCode", status::text as status, version`,
      );
      const was = new Map(before.map((b) => [b.regionCode, b.status]));
      for (const a of after) {
        const from = was.get(a.regionCode) ?? null;
        if (from !== a.status)
          moved.push({ regionCode: a.regionCode, from, to: a.status, version: Number(a.version) });
      }
    }
    const figures = changed.reduce((sum, c) => sum + Number(c.figures), 0);
    return { changed: figures, regions: statusOf.size, moved };
  });
}

/**
 * An import's reads and writes are planned for thousands of regions at once, at costs far above
 * PostgreSQL's JIT threshold: compiling them (about 0.3 s for the approved history of 10,000
 * regions) outlasts running them. Off for the rest of the import's transaction.
 */
export async function withoutJit(db: Database): Promise<void> {
  await db.execute(sql`set local jit = off`);
}
