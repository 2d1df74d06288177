/**
 * Where one bureau's save + submit spends its time: each request's SQL statements (count, time
 * in the database) against its wall time, on a seeded scratch database of the PostgreSQL server
 * (DATABASE_URL). `pnpm --filter @jindu/bench profile-write [--rounds N] [--sql]`.
 */
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { performance } from "node:perf_hooks";
import { openTestDatabase } from "@jindu/db/testing";
import pg from "pg";
import { buildApp } from "../../apps/api/src/app.js";
import { insertTestUsers, signIn } from "../../apps/api/test/helper.js";

const args = process.argv.slice(2);
const rounds = Number(args[args.indexOf("--rounds") + 1]) || 5;
const showSql = args.includes("--sql");
if (!process.env.DATABASE_URL) throw new Error("set DATABASE_URL to a PostgreSQL server");

// Every statement any pooled client sends, timed from send to result.
let log: { text: string; ms: number }[] = [];
const original = pg.Client.prototype.query as (...a: unknown[]) => unknown;
(pg.Client.prototype as unknown as { query: unknown }).query = function (
  this: pg.Client,
  ...a: unknown[]
) {
  const first = a[0] as string | { text: string };
  const text = typeof first === "string" ? first : first?.text;
  const t = performance.now();
  const result = original.apply(this, a);
  if (result && typeof (result as Promise<unknown>).then === "function") {
    (result as Promise<unknown>).then(
      () => log.push({ text, ms: performance.now() - t }),
      () => log.push({ text, ms: performance.now() - t }),
    );
  }
  return result;
};

const database = await openTestDatabase();
await insertTestUsers(database.db);
const app = await buildApp({
  database,
  loginsPerMinute: 100_000,
  logger: process.env.LOG ? { level: "error" } : false,
});
await app.ready();
const reporter = await signIn(app, "wz_reporter");
const region = "330300";
// The official's own year: 2026, with 2022's targets, nothing reported yet.
const owner = new pg.Client({ connectionString: database.ownerUrl ?? undefined });
await owner.connect();
await owner.query(
  `insert into targets (indicator_code, region_code, year, value, due_month, linear)
   select indicator_code, region_code, 2026, value, due_month, linear from targets where year = 2022`,
);
await owner.end();

type Entry = {
  indicator: { code: string; kind: string };
  previous: { value: number | null; numerator: number | null; denominator: number | null };
  target: number | null;
};
async function measure(label: string, run: () => Promise<{ statusCode: number; body: string }>) {
  log = [];
  const t = performance.now();
  const res = await run();
  const wall = performance.now() - t;
  await new Promise((r) => setTimeout(r, 5));
  const sqlMs = log.reduce((s, q) => s + q.ms, 0);
  if (res.statusCode >= 300)
    throw new Error(`${label}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  return { label, wall, queries: log.length, sqlMs, statements: [...log] };
}

const results: Awaited<ReturnType<typeof measure>>[] = [];
// --cpu FILE: a CPU profile of the measured requests only (not of start-up), for DevTools.
const cpuFile = args.includes("--cpu") ? args[args.indexOf("--cpu") + 1] : undefined;
const inspector = new Session();
if (cpuFile) {
  inspector.connect();
  await inspector.post("Profiler.enable");
}
for (let i = 0, m = 0; i < rounds && m < 12; m++) {
  const year = 2026;
  const month = (m % 12) + 1;
  const base = `/api/submissions/${region}/${year}/${month}`;
  const form = (await reporter.inject(base)).json() as {
    entries: Entry[];
    status: string | null;
    version: number;
  };
  if (form.status !== null || form.entries.length === 0) continue;
  // The first round compiles what is compiled lazily: not profiled.
  if (i === 1 && cpuFile) await inspector.post("Profiler.start");
  i++;
  const entries = form.entries.map((e) => {
    const p = e.previous;
    if (e.indicator.kind === "ratio")
      return {
        indicator: e.indicator.code,
        numerator: (p.numerator ?? 0) + 1,
        denominator: (p.denominator ?? 0) + 2,
        explanation: "profile",
      };
    return {
      indicator: e.indicator.code,
      value: (p.value ?? 0) + (e.indicator.kind === "level" ? 0 : 1),
      explanation: "profile",
    };
  });
  const put = await measure("PUT", () =>
    reporter.inject({ method: "PUT", url: base, payload: { baseVersion: form.version, entries } }),
  );
  const version = ((await reporter.inject(base)).json() as { version: number }).version;
  const submit = await measure("submit", () =>
    reporter.inject({ method: "POST", url: `${base}/submit`, payload: { version } }),
  );
  results.push(put, submit);
  if (i === 0) console.log(`month form: ${entries.length} figures (${year}-${month})`);
}
if (cpuFile) {
  const { profile } = await inspector.post("Profiler.stop");
  writeFileSync(cpuFile, JSON.stringify(profile));
}
for (const label of ["PUT", "submit"]) {
  const of = results.filter((r) => r.label === label).slice(1);
  const avg = (f: (r: (typeof of)[number]) => number) =>
    (of.reduce((s, r) => s + f(r), 0) / Math.max(1, of.length)).toFixed(1);
  console.log(
    `${label}: wall ${avg((r) => r.wall)} ms, ${avg((r) => r.queries)} statements, ${avg((r) => r.sqlMs)} ms in SQL`,
  );
  if (showSql) {
    const last = of.at(-1);
    for (const s of last?.statements ?? [])
      console.log(
        `  ${s.ms.toFixed(2).padStart(7)} ms  ${s.text.replace(/\s+/g, " ").slice(0, 150)}`,
      );
  }
}
await app.close();
await database.close();
