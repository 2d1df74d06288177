/**
 * `pnpm gen [--size national|small] [--years N] [--seed N]`: drops and recreates the bench
 * database (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/jindu_bench), runs the
 * app's migrations, and loads every real province, city and county with targets, approved monthly
 * reports and submissions for N years (default 10, ending LAST_YEAR) through COPY.
 */
import { pipeline } from "node:stream/promises";
import { openDatabase, seedDatabase } from "@jindu/db";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import {
  adminUrl,
  apportion,
  BENCH_URL,
  databaseName,
  fmt,
  option,
  roundTo,
  seededRandom,
  withClient,
} from "./common.js";
import { type GenRegion, nationalRegions } from "./regions.js";

export const LAST_YEAR = 2025;
const size = option("size") ?? "national";
if (size !== "national" && size !== "small") throw new Error("--size is national or small");
const years = Number(option("years") ?? (size === "small" ? 2 : 10));
const seed = Number(option("seed") ?? 2260);
/** The demo seed's five provinces (its regions must all be in the set). */
const SMALL_PROVINCES = ["330000", "440000", "410000", "130000", "140000"];

interface IndicatorInfo {
  code: string;
  kind: "cumulative" | "ratio" | "level";
  direction: "higher_is_better" | "lower_is_better";
  seasonalProfile: number[] | null;
}

/** Annual target of a cumulative indicator for a province of scale 1, and its decimals. */
const BASE: Record<string, [number, number]> = {
  shantytown_starts: [20000, 0],
  shantytown_completions: [16000, 0],
  shantytown_delivered: [12000, 0],
  rental_subsidy: [40000, 0],
  public_rental_new: [3000, 0],
  affordable_rental: [25000, 0],
  old_community_starts: [900, 0],
  old_community_households: [150000, 0],
  rural_dilapidated: [12000, 0],
  rural_seismic: [9000, 0],
  ultra_low_energy: [36, 0],
  manhole_rectification: [6000, 0],
  gas_pipe_renewal: [1200, 1],
  waste_incineration: [18, 0],
  investment_city_upgrade: [1200, 2],
};
/** Share or level targets in the first year and the last. */
const SHARE: Record<string, [number, number]> = {
  prefab_share: [0.15, 0.35],
  green_building_share: [0.4, 0.8],
  sludge_safe_disposal: [0.85, 0.98],
  approval_days: [90, 40],
};

const t0 = Date.now();
const log = (text: string) =>
  console.log(`[${((Date.now() - t0) / 1000).toFixed(1).padStart(6)} s] ${text}`);

// 1. A fresh database with the app's own schema.
const name = databaseName(BENCH_URL);
if (!/^[a-z_][a-z0-9_]*$/.test(name) || name === "postgres" || name.startsWith("jindu_test")) {
  throw new Error(`refusing to drop database ${name}`);
}
await withClient(adminUrl(BENCH_URL), async (c) => {
  await c.query(`drop database if exists ${name} with (force)`);
  await c.query(`create database ${name}`);
});
log(`created database ${name}; migrating`);
const handle = await openDatabase({ url: BENCH_URL });
await handle.migrate();

// 2. Regions, then the app's own indicator catalogue (seedDatabase leaves existing rows alone).
let regions = nationalRegions();
if (size === "small")
  regions = regions.filter((r) => SMALL_PROVINCES.includes(`${r.code.slice(0, 2)}0000`));
const client = new pg.Client({ connectionString: BENCH_URL });
await client.connect();
// No foreign-key triggers while loading generated (consistent) rows; indexes are built after.
await client.query("set session_replication_role = replica");
await client.query("set maintenance_work_mem = '512MB'");

const esc = (s: string) => s.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n");
async function copyRows(table: string, columns: string, rows: Iterable<string>, label = table) {
  const started = Date.now();
  let count = 0;
  let lastLog = started;
  const stream = client.query(copyFrom(`copy ${table} (${columns}) from stdin`));
  async function* lines() {
    let batch = "";
    for (const row of rows) {
      batch += row;
      count++;
      if (batch.length > 1 << 20) {
        yield batch;
        batch = "";
        const now = Date.now();
        if (now - lastLog > 3000) {
          lastLog = now;
          log(`  ${label}: ${fmt(count)} rows, ${fmt(count / ((now - started) / 1000))} rows/s`);
        }
      }
    }
    if (batch) yield batch;
  }
  await pipeline(lines, stream);
  const s = (Date.now() - started) / 1000;
  log(`${label}: ${fmt(count)} rows in ${s.toFixed(1)} s (${fmt(count / s)} rows/s)`);
  return count;
}

await copyRows(
  "regions",
  "code, name_zh, name_en, level, parent_code",
  (function* () {
    for (const r of regions) {
      yield `${r.code}\t${esc(r.nameZh)}\t${esc(r.nameEn)}\t${r.level}\t${r.parentCode ?? "\\N"}\n`;
    }
  })(),
);
await seedDatabase(handle.db, { referenceOnly: true });
const extra = await client.query(
  `select count(*)::int as n from regions where code <> all($1::text[])`,
  [regions.map((r) => r.code)],
);
if (extra.rows[0].n > 0) throw new Error("the demo seed added regions the national set lacks");
const indicators: IndicatorInfo[] = (
  await client.query(
    `select code, kind, direction, seasonal_profile as "seasonalProfile" from indicators order by sort_order`,
  )
).rows;
log(`${regions.length} regions, ${indicators.length} indicators, ${years} years`);

// 3. The tree: each region's children, leaves first when summing up.
const childrenOf = new Map<string, GenRegion[]>();
for (const r of regions) {
  if (!r.parentCode) continue;
  childrenOf.set(r.parentCode, [...(childrenOf.get(r.parentCode) ?? []), r]);
}
const provinces = regions.filter((r) => r.level === "province");
const firstYear = LAST_YEAR - years + 1;
const random = seededRandom(seed);
const weightOf = new Map(regions.map((r) => [r.code, 0.3 + 1.7 * random()]));
const scaleOf = new Map(provinces.map((p) => [p.code, 0.4 + 1.4 * random()]));

const ts = (y: number, m: number, d: number) =>
  `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")} 01:00:00+00`;
/** Sent on day 1–5 of the next month (one in fourteen late, day 6–10), at 09:00 Beijing time. */
function sentAt(year: number, month: number): string {
  const late = random() < 0.07;
  const day = late ? 6 + Math.floor(random() * 5) : 1 + Math.floor(random() * 4);
  return month === 12 ? ts(year + 1, 1, day) : ts(year, month + 1, day);
}

/** Share of the year's result reached by each month end, around the schedule. */
function curve(info: IndicatorInfo, dueMonth: number): number[] {
  const out: number[] = [];
  let previous = 0;
  for (let m = 1; m <= 12; m++) {
    const even = Math.min(1, m / dueMonth);
    const pace =
      info.seasonalProfile && dueMonth === 12 ? (info.seasonalProfile[m - 1] ?? even) : even;
    const bent = pace * (0.85 + 0.25 * random());
    previous = Math.min(1, Math.max(previous, m === 12 || pace >= 1 ? 1 : bent));
    out.push(previous);
  }
  return out;
}

type Monthly = { value: number[] } | { num: number[]; den: number[] };
const targetLines: string[] = [];
const submissionLines: string[] = [];
let reportSentAt: string[] = [];

/** Targets and the 12 months of one indicator for a region's subtree; returns the region's series. */
function subtree(
  region: GenRegion,
  info: IndicatorInfo,
  year: number,
  target: number,
  emit: (region: string, m: Monthly) => void,
): Monthly {
  const code = info.code;
  const kids = childrenOf.get(region.code) ?? [];
  const yearShare = (year - firstYear) / Math.max(1, years - 1);
  let series: Monthly;
  if (info.kind === "cumulative") {
    const [, decimals] = BASE[code] ?? [1000, 0];
    targetLines.push(`${code}\t${region.code}\t${year}\t${target}\t12\n`);
    if (kids.length === 0) {
      const lagging = random() < 0.08;
      const final = target * (lagging ? 0.55 + 0.3 * random() : 0.95 + 0.3 * random());
      const shape = curve(info, 12);
      let previous = 0;
      series = {
        value: shape.map((s) => {
          previous = Math.max(previous, roundTo(final * s, decimals));
          return previous;
        }),
      };
    } else {
      const parts = apportion(
        target,
        kids.map((k) => weightOf.get(k.code) as number),
        decimals,
      );
      const sums = new Array<number>(12).fill(0);
      kids.forEach((k, i) => {
        const s = subtree(k, info, year, parts[i] as number, emit) as { value: number[] };
        for (let m = 0; m < 12; m++) sums[m] = (sums[m] as number) + (s.value[m] as number);
      });
      series = { value: sums.map((v) => roundTo(v, decimals)) };
    }
  } else if (info.kind === "ratio") {
    const [a, b] = SHARE[code] ?? [0.2, 0.4];
    const share = roundTo(a + (b - a) * yearShare, 3);
    targetLines.push(`${code}\t${region.code}\t${year}\t${share}\t12\n`);
    if (kids.length === 0) {
      const area =
        (20 + 300 * (weightOf.get(region.code) as number)) * (1 + 0.03 * (year - firstYear));
      const q = random() < 0.1 ? 0.55 + 0.3 * random() : 0.9 + 0.3 * random();
      const shape = curve(info, 12);
      let previousNum = 0;
      const num: number[] = [];
      const den: number[] = [];
      for (let m = 0; m < 12; m++) {
        const d = roundTo(Math.max(1, area * (shape[m] as number)), 2);
        const n = Math.min(d, Math.max(previousNum, roundTo(d * Math.min(0.98, share * q), 2)));
        previousNum = n;
        num.push(n);
        den.push(d);
      }
      series = { num, den };
    } else {
      const num = new Array<number>(12).fill(0);
      const den = new Array<number>(12).fill(0);
      for (const k of kids) {
        const s = subtree(k, info, year, 0, emit) as { num: number[]; den: number[] };
        for (let m = 0; m < 12; m++) {
          num[m] = (num[m] as number) + (s.num[m] as number);
          den[m] = (den[m] as number) + (s.den[m] as number);
        }
      }
      series = { num: num.map((v) => roundTo(v, 2)), den: den.map((v) => roundTo(v, 2)) };
    }
  } else {
    const [a, b] = SHARE[code] ?? [1, 1];
    const goal = roundTo(a + (b - a) * yearShare, 3);
    const lower = info.direction === "lower_is_better";
    targetLines.push(`${code}\t${region.code}\t${year}\t${goal}\t12\n`);
    const kidSeries = kids.map((k) => subtree(k, info, year, 0, emit) as { value: number[] });
    if (kidSeries.length > 0) {
      // A parent's own figure of a level indicator: about the mean of its children's.
      const mean = (m: number) =>
        kidSeries.reduce((s, k) => s + (k.value[m] as number), 0) / kidSeries.length;
      series = {
        value: Array.from({ length: 12 }, (_, m) =>
          lower ? Math.round(mean(m)) : roundTo(mean(m), 3),
        ),
      };
    } else {
      const start = goal * (lower ? 0.85 + 0.4 * random() : 0.92 + 0.1 * random());
      series = {
        value: Array.from({ length: 12 }, (_, m) =>
          lower
            ? Math.max(1, Math.round(start - m * 0.8 + 3 * (random() - 0.5)))
            : roundTo(Math.min(1, start + 0.003 * m + 0.01 * (random() - 0.5)), 3),
        ),
      };
    }
  }
  emit(region.code, series);
  return series;
}

function* reportRows(): Generator<string> {
  for (let year = firstYear; year <= LAST_YEAR; year++) {
    for (const province of provinces) {
      // When each region sent each month in: shared by its reports and its submission.
      const sent = new Map<string, string[]>();
      const stack = [province];
      while (stack.length > 0) {
        const r = stack.pop() as GenRegion;
        const months = Array.from({ length: 12 }, (_, m) => sentAt(year, m + 1));
        sent.set(r.code, months);
        months.forEach((at, m) => {
          const decided = at.replace(/ 01:/, " 08:");
          submissionLines.push(
            `${r.code}\t${year}\t${m + 1}\tapproved\t3\t${at}\t${at}\tgen\t${decided}\tgen\n`,
          );
        });
        stack.push(...(childrenOf.get(r.code) ?? []));
      }
      const growth = (1.04 + 0.04 * random()) ** (year - firstYear);
      const lines: string[] = [];
      for (const info of indicators) {
        const [base, decimals] = BASE[info.code] ?? [1000, 0];
        const target = roundTo(base * (scaleOf.get(province.code) as number) * growth, decimals);
        subtree(province, info, year, target, (regionCode, series) => {
          reportSentAt = sent.get(regionCode) as string[];
          for (let m = 0; m < 12; m++) {
            const at = reportSentAt[m];
            const figures =
              "value" in series
                ? `${series.value[m]}\t\\N\t\\N`
                : `\\N\t${series.num[m]}\t${series.den[m]}`;
            lines.push(
              `${info.code}\t${regionCode}\t${year}\t${m + 1}\t${figures}\tapproved\t3\t${at}\t${at}\n`,
            );
          }
        });
      }
      yield* lines;
    }
  }
}

// Drop the secondary indexes while loading, then build them once (far faster than row by row).
const indexes: { indexname: string; indexdef: string }[] = (
  await client.query(
    `select indexname, indexdef from pg_indexes
     where schemaname = 'public' and tablename in ('reports', 'targets', 'submissions')
       and indexname not like '%_pkey'`,
  )
).rows;
for (const i of indexes) await client.query(`drop index ${i.indexname}`);

const reportCount = await copyRows(
  "reports",
  "indicator_code, region_code, year, month, value, numerator, denominator, status, version, submitted_at, updated_at",
  reportRows(),
);
await copyRows(
  "targets",
  "indicator_code, region_code, year, value, due_month",
  targetLines.splice(0),
);
await copyRows(
  "submissions",
  "region_code, year, month, status, version, first_submitted_at, submitted_at, submitted_by, decided_at, decided_by",
  submissionLines.splice(0),
);
for (const i of indexes) {
  const started = Date.now();
  await client.query(i.indexdef);
  log(`index ${i.indexname} built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
await client.query("set session_replication_role = origin");
log("vacuum analyze (visibility map for index-only scans, planner statistics)");
for (const table of ["regions", "indicators", "targets", "reports", "submissions"]) {
  await client.query(`vacuum (analyze) ${table}`);
}
const sizeRow = await client.query(
  `select pg_size_pretty(pg_database_size(current_database())) as s`,
);
log(
  `done: ${fmt(reportCount)} monthly values for ${regions.length} regions × ${indicators.length} indicators × ${years} years (${firstYear}–${LAST_YEAR}); database ${sizeRow.rows[0].s}`,
);
await client.end();
await handle.close();
