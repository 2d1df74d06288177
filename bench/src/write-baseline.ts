/**
 * The month-end writing's raw-SQL baseline: the rows one bureau's save and submit write through
 * the API (the month's submission, its figures upserted with a revision each, then the submit's
 * status change of the month and its figures with another revision each), sent as two
 * hand-written transactions of prepared statements by `clients` connections, no API in between.
 * What the API's burst is measured against.
 */
import pg from "pg";

export interface BaselineEntry {
  indicator: string;
  value?: number | null;
  numerator?: number | null;
  denominator?: number | null;
  explanation?: string;
}

const SAVE = {
  month: {
    name: "baseline_month",
    text: `insert into submissions (region_code, year, month, status, version)
           values ($1, $2, $3, 'draft', 0)
           on conflict (year, month, region_code) do update set version = submissions.version
           returning id, version`,
  },
  figures: {
    name: "baseline_figures",
    text: `insert into reports (indicator_code, region_code, year, month, value, numerator,
             denominator, explanation, status, version)
           select f.code, $1::text, $2, $3, f.value, f.numerator, f.denominator, f.explanation, 'draft', 1
           from unnest($4::text[], $5::numeric[], $6::numeric[], $7::numeric[], $8::text[])
             as f(code, value, numerator, denominator, explanation)
           on conflict (indicator_code, year, region_code, month) do update
             set value = excluded.value, numerator = excluded.numerator,
                 denominator = excluded.denominator, explanation = excluded.explanation,
                 status = 'draft', version = reports.version + 1, updated_at = now()`,
  },
  revisions: {
    name: "baseline_save_revisions",
    text: `insert into report_revisions (indicator_code, region_code, year, month, version, action,
             new_value, new_numerator, new_denominator, new_status, actor)
           select f.code, $1::text, $2, $3, 1, 'save', f.value, f.numerator, f.denominator, 'draft', $1::text
           from unnest($4::text[], $5::numeric[], $6::numeric[], $7::numeric[])
             as f(code, value, numerator, denominator)`,
  },
  version: {
    name: "baseline_month_version",
    text: `update submissions set version = version + 1, updated_at = now() where id = $1`,
  },
};

const SUBMIT = {
  lock: {
    name: "baseline_lock",
    text: `select id, version, status from submissions
           where region_code = $1 and year = $2 and month = $3 for update`,
  },
  submit: {
    name: "baseline_submit",
    text: `update submissions set status = 'submitted', version = version + 1, submitted_at = now(),
             first_submitted_at = coalesce(first_submitted_at, now()), submitted_by = $2,
             updated_at = now()
           where id = $1`,
  },
  figures: {
    name: "baseline_submit_figures",
    text: `with moved as (
             update reports set status = 'submitted', version = version + 1, submitted_at = now(),
               updated_at = now()
             where region_code = $1::text and year = $2 and month = $3
             returning indicator_code, version, value, numerator, denominator)
           insert into report_revisions (indicator_code, region_code, year, month, version, action,
             old_value, new_value, old_numerator, new_numerator, old_denominator, new_denominator,
             old_status, new_status, actor)
           select indicator_code, $1::text, $2, $3, version, 'submit', value, value, numerator, numerator,
             denominator, denominator, 'draft', 'submitted', $1::text
           from moved`,
  },
};

/** One bureau's save and submit as two transactions on `c`. */
async function saveAndSubmit(
  c: pg.Client,
  region: string,
  month: { year: number; month: number },
  entries: readonly BaselineEntry[],
) {
  const key = [region, month.year, month.month];
  const column = (f: (e: BaselineEntry) => unknown) => entries.map(f);
  const codes = column((e) => e.indicator);
  const values = column((e) => e.value ?? null);
  const numerators = column((e) => e.numerator ?? null);
  const denominators = column((e) => e.denominator ?? null);
  await c.query("begin");
  const row = (await c.query({ ...SAVE.month, values: key })).rows[0] as { id: number };
  await c.query({
    ...SAVE.figures,
    values: [...key, codes, values, numerators, denominators, column((e) => e.explanation ?? null)],
  });
  await c.query({
    ...SAVE.revisions,
    values: [...key, codes, values, numerators, denominators],
  });
  await c.query({ ...SAVE.version, values: [row.id] });
  await c.query("commit");
  await c.query("begin");
  const locked = (await c.query({ ...SUBMIT.lock, values: key })).rows[0] as { id: number };
  await c.query({ ...SUBMIT.submit, values: [locked.id, region] });
  await c.query({ ...SUBMIT.figures, values: key });
  await c.query("commit");
}

/**
 * Every bureau's save and submit for `month`, `clients` connections at once; the seconds it took.
 * The rows stay: the caller removes them (report_revisions refuses deletes but for the bench's
 * cleanup).
 */
export async function rawWriteBaseline(
  url: string,
  bureaus: readonly string[],
  month: { year: number; month: number },
  entriesOf: (region: string) => BaselineEntry[],
  clients = 8,
): Promise<{ seconds: number; bureaus: number }> {
  const pending = [...bureaus];
  const connections = await Promise.all(
    Array.from({ length: clients }, async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      return c;
    }),
  );
  // The bodies are built before the clock starts, as the API's burst builds its requests.
  const bodies = new Map(bureaus.map((b) => [b, entriesOf(b)]));
  const t0 = performance.now();
  try {
    await Promise.all(
      connections.map(async (c) => {
        for (let region = pending.shift(); region; region = pending.shift()) {
          await saveAndSubmit(c, region, month, bodies.get(region) ?? []);
        }
      }),
    );
  } finally {
    await Promise.all(connections.map((c) => c.end()));
  }
  return { seconds: (performance.now() - t0) / 1000, bureaus: bureaus.length };
}
