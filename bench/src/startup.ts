/**
 * Start-up time of the built server, as production starts it (`pnpm start`, the Docker image):
 * node on apps/api/dist/server.js, NODE_ENV=production, timed from spawn until GET /healthz
 * answers 200. On PostgreSQL (the bench database, migrated: the server only checks that every
 * migration ran) and on the embedded database: a fresh data directory's first start (creating the
 * database, all migrations, the demo seed, as `pnpm start` does on a new laptop), then a later
 * start on that directory. Median of three each.
 *
 * Part of `pnpm bench`; alone: `pnpm --filter @jindu/api build && tsx bench/src/startup.ts`
 * (BENCH_DATABASE_URL names a migrated database, as for the bench).
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import { BENCH_URL } from "./common.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
export const SERVER_BUNDLE = join(root, "apps/api/dist/server.js");
const DEADLINE_MS = 180_000;

/** A port nobody listens on now, for the server to take. */
async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, "127.0.0.1");
  await once(probe, "listening");
  const address = probe.address();
  probe.close();
  await once(probe, "close");
  if (typeof address !== "object" || !address) throw new Error("no free port");
  return address.port;
}

export interface BuiltServer {
  port: number;
  pid: number;
  /** Milliseconds from spawn until /healthz first answered 200. */
  startMs: number;
  /** The process's resident memory now and at its peak, in bytes (/proc/<pid>/status). */
  memory(): { rss: number; peak: number };
  stop(): Promise<void>;
}

/**
 * Spawns the built server as production runs it (NODE_ENV=production, MALLOC_ARENA_MAX=2, node on
 * dist/server.js)
 * with `env` added, and waits until its /healthz answers 200.
 */
export async function startBuiltServer(env: Record<string, string>): Promise<BuiltServer> {
  const port = await freePort();
  const base = process.env;
  // BENCH_API_NODE_ARGS: node flags for the API, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" for
  // a CPU profile of it under the bench (written when it stops).
  const flags = (base.BENCH_API_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...flags, "--enable-source-maps", SERVER_BUNDLE], {
    cwd: root,
    env: {
      PATH: base.PATH ?? "",
      HOME: base.HOME ?? "",
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      LOG_LEVEL: "warn",
      // As `pnpm start` and the Docker image run it: two malloc arenas, not one per thread.
      MALLOC_ARENA_MAX: "2",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const started = performance.now();
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  // A bench that fails half-way leaves no server behind.
  const orphaned = () => child.kill("SIGTERM");
  process.once("exit", orphaned);
  child.once("exit", () => process.off("exit", orphaned));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      await once(child, "exit");
    }
  };
  const memory = () => {
    const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
    const kB = (field: string) =>
      Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1]);
    return { rss: kB("VmRSS") * 1024, peak: kB("VmHWM") * 1024 };
  };
  try {
    while (performance.now() - started < DEADLINE_MS) {
      if (child.exitCode !== null) break;
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (res) => res.status === 200,
        () => false,
      );
      if (ok) {
        const startMs = performance.now() - started;
        return { port, pid: child.pid as number, startMs, memory, stop };
      }
      await sleep(10);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  await stop();
  throw new Error(`the built server did not answer /healthz:\n${output}`);
}

/** Milliseconds from spawning the built server until its /healthz answers 200; then stops it. */
export async function timeStart(env: Record<string, string>): Promise<number> {
  const server = await startBuiltServer(env);
  await server.stop();
  return server.startMs;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

export interface StartupResult {
  rows: { name: string; cells: string[] }[];
  budgets: { budget: string; measured: string; met: boolean | null; note: string }[];
}

/** Three starts on PostgreSQL at `url`, three first and three later starts on the embedded one. */
export async function measureStartup(
  url: string = BENCH_URL,
  log: (text: string) => void = console.log,
  runs = 3,
): Promise<StartupResult> {
  if (!existsSync(SERVER_BUNDLE)) {
    throw new Error(`no ${SERVER_BUNDLE}: build it with \`pnpm --filter @jindu/api build\``);
  }
  // The bench database has its own accounts and data: no seed into it.
  const postgres: number[] = [];
  for (let i = 0; i < runs; i++) {
    postgres.push(await timeStart({ DATABASE_URL: url, JINDU_SEED: "none" }));
  }
  const first: number[] = [];
  const again: number[] = [];
  for (let i = 0; i < runs; i++) {
    const dataDir = mkdtempSync(join(tmpdir(), "jindu-startup-"));
    try {
      first.push(await timeStart({ JINDU_DATA_DIR: dataDir }));
      again.push(await timeStart({ JINDU_DATA_DIR: dataDir }));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  const ms = (v: number) => v.toFixed(0);
  const each = (values: number[]) => values.map(ms).join(", ");
  log(
    `start-up to /healthz: PostgreSQL ${each(postgres)} ms; embedded first ${each(first)} ms, later ${each(again)} ms`,
  );
  const row = (name: string, values: number[]) => ({
    name,
    cells: [ms(median(values)), "", "", "", "", "", "0"],
  });
  return {
    rows: [
      row("start-up to /healthz (PostgreSQL)", postgres),
      row("start-up to /healthz (embedded)", again),
      row("start-up to /healthz (embedded, first start: migrations + demo seed)", first),
    ],
    budgets: [
      {
        budget: "start-up to /healthz ≤ 3 s with PostgreSQL (migrated database)",
        measured: `${ms(median(postgres))} ms (median of ${runs})`,
        met: median(postgres) <= 3000,
        note:
          `node on apps/api/dist/server.js (NODE_ENV=production, JINDU_SEED=none), spawn to the first 200 of /healthz; runs ${each(postgres)} ms. ` +
          `Embedded, as \`pnpm start\` runs it (JINDU_SEED unset: demo, whose inserts-only seed runs at every start), a later start on the same directory: ${each(again)} ms; a new directory's first start (PGlite creating the database, every migration, the demo seed): ${each(first)} ms.`,
      },
    ],
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { rows, budgets } = await measureStartup();
  for (const r of rows) console.log(`${r.name}: ${r.cells[0]} ms`);
  for (const b of budgets) console.log(`${b.met ? "✔" : "✘"} ${b.budget}: ${b.measured}`);
}
