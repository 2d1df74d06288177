import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { createScratchDatabase, type ScratchDatabase } from "@jindu/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { totpFor } from "../../src/services/auth.js";
import { DEMO_TOTP_SECRET } from "../../src/services/demo-users.js";

/**
 * `pnpm start`'s server as production runs it: the bundle of apps/api/build.ts under plain node,
 * no TypeScript loader. It must find what the sources find beside themselves (migrations, seed
 * data, the spreadsheet worker). On the embedded database in a fresh directory (migrated by the
 * server itself), or, with DATABASE_URL, on a fresh database of that server.
 */
const root = fileURLToPath(new URL("../../../../", import.meta.url));
const serverUrl = process.env.DATABASE_URL;

let server: ChildProcess;
let output = "";
let base = "";
let scratch: ScratchDatabase | undefined;
let dataDir: string | undefined;

beforeAll(async () => {
  execFileSync("pnpm", ["--filter", "@jindu/api", "build"], { cwd: root, stdio: "pipe" });
  const env: Record<string, string | undefined> = { ...process.env, PORT: "0", LOG_LEVEL: "info" };
  if (serverUrl) {
    // As docker-compose.yml does: the bundled commands set up the roles and migrate as the
    // schema's owner, then the server runs as jindu_app, which could not have migrated.
    scratch = await createScratchDatabase(serverUrl);
    const dist = join(root, "apps/api/dist");
    execFileSync(process.execPath, [join(dist, "roles.js")], {
      env: { ...process.env, DATABASE_ADMIN_URL: scratch.adminUrl },
      stdio: "pipe",
    });
    execFileSync(process.execPath, [join(dist, "migrate.js")], {
      env: { ...process.env, DATABASE_MIGRATOR_URL: scratch.ownerUrl },
      stdio: "pipe",
    });
    env.DATABASE_URL = scratch.appUrl;
  } else {
    dataDir = mkdtempSync(join(tmpdir(), "jindu-built-"));
    env.JINDU_DATA_DIR = dataDir;
    delete env.DATABASE_URL;
  }
  // The package's own start script; a process group of its own, to stop pnpm and node together.
  server = spawn("pnpm", ["--filter", "@jindu/api", "start"], {
    cwd: root,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-100_000);
  };
  server.stdout?.on("data", keep);
  server.stderr?.on("data", keep);
  const deadline = Date.now() + 150_000;
  while (!base && Date.now() < deadline && server.exitCode === null) {
    base = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1] ?? "";
    if (!base) await sleep(200);
  }
  if (!base) throw new Error(`the built server did not start:\n${output}`);
}, 180_000);

afterAll(async () => {
  if (server?.pid && server.exitCode === null) {
    process.kill(-server.pid, "SIGTERM");
    await once(server, "exit");
  }
  await scratch?.drop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** The command lines of the server's process and all its descendants. */
function processTree(pid: number): string[] {
  const rows = execFileSync("ps", ["-eo", "pid=,ppid=,args="], { encoding: "utf8" })
    .split("\n")
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), args: m[3] as string }));
  const tree = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const row of rows) {
      if (tree.has(row.ppid) && !tree.has(row.pid)) {
        tree.add(row.pid);
        grew = true;
      }
    }
  }
  return rows.filter((row) => tree.has(row.pid)).map((row) => row.args);
}

describe("the built server (pnpm start)", () => {
  it("runs node on apps/api/dist, with no tsx in any of its processes", () => {
    const commands = processTree(server.pid as number);
    expect(
      commands.some((c) => /^node .*dist\/server\.js/.test(c)),
      commands.join("\n"),
    ).toBe(true);
    expect(commands.filter((c) => c.includes("tsx"))).toEqual([]);
  });

  it("answers /healthz on its database, signs a demo user in and serves a dashboard", async () => {
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({
      status: "ok",
      database: serverUrl ? "server" : "embedded",
    });

    const login = await fetch(`${base}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        username: "zhejiang",
        password: "Jindu@2026",
        totp: totpFor(DEMO_TOTP_SECRET, "zhejiang").generate(),
      }),
    });
    expect(login.status, await login.clone().text()).toBe(200);
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] as string;
    const signedIn = { cookie, "x-csrf-token": csrfToken };

    // Seeded demo figures: Zhejiang's cities in October 2020.
    const progress = await fetch(
      `${base}/api/progress?indicator=shantytown_starts&parent=330000&year=2020&month=10`,
      { headers: signedIn },
    );
    expect(progress.status).toBe(200);
    const body = (await progress.json()) as { children: unknown[] };
    expect(body.children).toHaveLength(11);
    // Checked by the validator compiled at build time (src/precompiled-schemas.ts).
    const hexYear = await fetch(
      `${base}/api/progress?indicator=shantytown_starts&parent=330000&year=0x7E4&month=10`,
      { headers: signedIn },
    );
    expect(hexYear.status).toBe(400);

    // An .xlsx is read on a piscina worker thread: the bundled reader beside the server.
    const month = "parent=330000&year=2023&month=3";
    const template = await fetch(`${base}/api/import/template?${month}`, { headers: signedIn });
    expect(template.status).toBe(200);
    const form = new FormData();
    form.append("file", new Blob([await template.arrayBuffer()]), "zhejiang.xlsx");
    const check = await fetch(`${base}/api/import?${month}&action=submitted&dryRun=true`, {
      method: "POST",
      headers: signedIn,
      body: form,
    });
    expect(check.status, await check.clone().text()).toBe(200);
    expect(await check.json()).toMatchObject({ dryRun: true, rows: 11 });
  });

  it("checks requests with the route schemas compiled by the build, none compiled at start", async () => {
    const badBody = await fetch(`${base}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: 1, password: true }),
    });
    expect(badBody.status).toBe(400);
    expect(await badBody.json()).toMatchObject({ message: expect.stringContaining("username") });
    expect(output).not.toContain("route schemas compiled at start");
  });
});
