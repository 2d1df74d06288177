import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { openTestDatabase, type TestDatabase } from "@jindu/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { totpFor } from "../../src/services/auth.js";
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, seedDemoUsers } from "../../src/services/demo-users.js";

/**
 * Two API processes, started as `pnpm start` starts one, on two ports over one PostgreSQL
 * database, spoken to over real HTTP. Several processes need a database server by definition, so
 * this test uses the one at DATABASE_URL, or the local one, also in the embedded-database run.
 */
const SERVER = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const root = fileURLToPath(new URL("../../../../", import.meta.url));
const serverFile = fileURLToPath(new URL("../../src/server.ts", import.meta.url));

let database: TestDatabase;
const processes: ChildProcess[] = [];
const base: string[] = [];

/** Starts one API process and resolves to its address once it listens. */
async function startApi(url: string): Promise<string> {
  const child = spawn(process.execPath, ["--import", "tsx", serverFile], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url, PORT: "0", JINDU_SEED: "none", NODE_ENV: "test" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  processes.push(child);
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no address after 60 s:\n${output}`)), 60_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const address = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      if (address) {
        clearTimeout(timer);
        resolve(address);
      }
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on("exit", (code) => reject(new Error(`API process exited (${code}):\n${output}`)));
  });
}

beforeAll(async () => {
  database = await openTestDatabase({ server: SERVER });
  await seedDemoUsers(database.db);
  base.push(...(await Promise.all([startApi(database.url ?? ""), startApi(database.url ?? "")])));
}, 120_000);

afterAll(async () => {
  await Promise.all(
    processes.map(async (child) => {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await once(child, "exit");
    }),
  );
  await database?.close();
});

describe("stateless API: two processes over one database", () => {
  it("signs in on one process, submits on the other, reads back on the first", async () => {
    const [a, b] = base as [string, string];
    expect(a).not.toBe(b);
    const login = await fetch(`${a}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        username: "zhejiang",
        password: DEMO_PASSWORD,
        totp: totpFor(DEMO_TOTP_SECRET, "zhejiang").generate(),
      }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] as string;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const headers = { cookie, "x-csrf-token": csrfToken, "content-type": "application/json" };

    // A dashboard answer the first process computes, keeps and then must not serve stale.
    const progress = `${a}/api/progress?indicator=rural_seismic&parent=330000&year=2024&month=10&include=submitted`;
    const actualOf = async () => {
      const body = (await (await fetch(progress, { headers })).json()) as {
        children: { region: { code: string }; actual: number | null }[];
      };
      return body.children.find((line) => line.region.code === "330500")?.actual ?? null;
    };
    expect(await actualOf()).not.toBe(21);

    const month = "/api/submissions/330500/2024/10";
    const saved = await fetch(`${b}${month}`, {
      method: "PUT",
      headers,
      body: JSON.stringify({
        baseVersion: 0,
        entries: [{ indicator: "rural_seismic", value: 21 }],
      }),
    });
    expect(saved.status).toBe(200);
    const { version } = (await saved.json()) as { version: number };
    const submitted = await fetch(`${b}${month}/submit`, {
      method: "POST",
      headers,
      body: JSON.stringify({ version }),
    });
    expect(submitted.status).toBe(200);

    const read = await fetch(`${a}${month}`, { headers });
    expect(read.status).toBe(200);
    const form = (await read.json()) as {
      status: string;
      entries: { indicator: { code: string }; value: number }[];
    };
    expect(form.status).toBe("submitted");
    expect(form.entries.find((e) => e.indicator.code === "rural_seismic")?.value).toBe(21);
    // The change on the second process reached the first one's memory (announced, not polled).
    await expect.poll(actualOf, { timeout: 2_000 }).toBe(21);

    const signOut = { cookie, "x-csrf-token": csrfToken };
    expect((await fetch(`${b}/api/auth/logout`, { method: "POST", headers: signOut })).status).toBe(
      204,
    );
    // The first process kept the session in memory; the sign-out's announcement ends it there
    // within moments (the notification is sent when the sign-out commits).
    await expect
      .poll(async () => (await fetch(`${a}${month}`, { headers })).status, { timeout: 2_000 })
      .toBe(401);
  });
});
