import { setTimeout as sleep } from "node:timers/promises";
import { queryRows } from "@jindu/db";
import { openTestDatabase, type TestDatabase } from "@jindu/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, seedDemoUsers } from "../../src/services/demo-users.js";
import { type ApiProcess, startApi } from "./api-process.js";

/**
 * F7: two API processes over one PostgreSQL database; the second loses its notification
 * connection. Several processes need a database server by definition, so this uses the one at
 * DATABASE_URL, or the local one, also in the embedded-database run.
 */
const SERVER = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

let database: TestDatabase;
let first: ApiProcess;
let second: ApiProcess;

beforeAll(async () => {
  database = await openTestDatabase({ server: SERVER });
  await seedDemoUsers(database.db);
  [first, second] = await Promise.all([startApi(database.url ?? ""), startApi(database.url ?? "")]);
}, 180_000);

afterAll(async () => {
  await Promise.all([first?.stop(), second?.stop()]);
  await database?.close();
});

async function signIn(base: string, username: string) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  expect(res.status).toBe(200);
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] as string;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, "x-csrf-token": csrfToken, "content-type": "application/json" };
}

/** The backend of a process's notification listener (its application_name, see client.ts). */
async function listenerOf(api: ApiProcess): Promise<number | null> {
  const rows = await queryRows<{ pid: number }>(
    database.db,
    sql`select pid from pg_stat_activity where application_name = ${`jindu-${api.child.pid}-listen`}`,
  );
  return rows[0]?.pid ?? null;
}

describe("F7: a process that lost its notification connection", () => {
  it("F7: serves no stale dashboard while unsubscribed, and subscribes again", async () => {
    const reader = await signIn(second.base, "leader");
    const bureaus = {
      "330300": await signIn(first.base, "wenzhou"),
      "330100": await signIn(first.base, "hangzhou"),
    };
    const progress = `${second.base}/api/progress?indicator=rural_seismic&parent=330000&year=2024&month=10&include=submitted`;
    const actualOn = async (region: string) => {
      const res = await fetch(progress, { headers: reader });
      expect(res.status).toBe(200);
      const body = (await res.json()) as {
        children: { region: { code: string }; actual: number | null }[];
      };
      return body.children.find((line) => line.region.code === region)?.actual ?? null;
    };
    /** A bureau submits its October 2024 through the first process. */
    const submit = async (region: "330300" | "330100", value: number) => {
      const month = `${first.base}/api/submissions/${region}/2024/10`;
      const headers = bureaus[region];
      const { version: base } = (await (await fetch(month, { headers })).json()) as {
        version: number;
      };
      const saved = await fetch(month, {
        method: "PUT",
        headers,
        body: JSON.stringify({
          baseVersion: base,
          entries: [{ indicator: "rural_seismic", value }],
        }),
      });
      expect(saved.status).toBe(200);
      const { version } = (await saved.json()) as { version: number };
      const submitted = await fetch(`${month}/submit`, {
        method: "POST",
        headers,
        body: JSON.stringify({ version }),
      });
      expect(submitted.status).toBe(200);
    };

    // The second process keeps the dashboard answer in memory.
    const before = await actualOn("330300");
    expect(before).not.toBe(31);
    expect(await actualOn("330300")).toBe(before);

    const listener = await listenerOf(second);
    expect(listener).not.toBeNull();
    await database.db.execute(sql`select pg_terminate_backend(${listener})`);
    // Changed through the first process while the second may not hear of it: its next answer
    // must come from the database, not from memory.
    await submit("330300", 31);
    expect(await actualOn("330300")).toBe(31);

    // It listens again, on a new connection, by itself.
    let again: number | null = null;
    for (let i = 0; i < 100 && (again === null || again === listener); i++) {
      await sleep(100);
      again = await listenerOf(second);
    }
    expect(again).not.toBeNull();
    expect(again).not.toBe(listener);
    // Its log reaches the pipe a moment after the reconnection may show.
    await expect
      .poll(() => second.output(), { timeout: 5_000 })
      .toMatch(/lost the change notifications/);

    // Listening again, it keeps answers in memory once more, and a change announced by the
    // first process reaches it.
    await expect.poll(() => second.output(), { timeout: 5_000 }).toMatch(/listening to change/);
    const hangzhou = await actualOn("330100");
    expect(await actualOn("330100")).toBe(hangzhou);
    await submit("330100", 41);
    await expect.poll(() => actualOn("330100"), { timeout: 2_000 }).toBe(41);
    expect(second.exited()).toBeUndefined();
  });
});
