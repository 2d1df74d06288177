import { setTimeout as sleep } from "node:timers/promises";
import { openDatabase, queryRows, seedDatabase } from "@jindu/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, seedDemoUsers } from "../../src/services/demo-users.js";
import { type ApiProcess, startApi } from "./api-process.js";
import { type OwnPostgres, startOwnPostgres } from "./postgres-server.js";

/**
 * Issue 11: the API outlives a restart of its PostgreSQL server. A server of this test's own
 * (never the shared one, so it runs the same with or without DATABASE_URL), the API started as
 * `pnpm start` starts it, several bureaus saving their months over HTTP while the server stops
 * and starts again.
 */
let postgres: OwnPostgres;
let api: ApiProcess;
let base = "";

beforeAll(async () => {
  postgres = await startOwnPostgres();
  const database = await openDatabase({ url: postgres.url, maxConnections: 2 });
  await database.migrate();
  await seedDatabase(database.db);
  await seedDemoUsers(database.db);
  await database.close();
  api = await startApi(postgres.url);
  base = api.base;
}, 180_000);

afterAll(async () => {
  await api?.stop();
  postgres?.destroy();
});

interface Session {
  cookie: string;
  csrfToken: string;
}

async function signIn(username: string): Promise<Session> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] as string;
  return { cookie, csrfToken: ((await res.json()) as { csrfToken: string }).csrfToken };
}

interface Attempt {
  status: number;
  startedAt: number;
  retryAfter: string | null;
}
interface Ack {
  region: string;
  month: number;
  value: number;
  version: number;
}

const YEAR = 2023;
const SAVES_PER_CLIENT = 40;

describe("a PostgreSQL restart during a burst of saves", () => {
  it("never ends the API; saves answered 2xx are kept with their audit rows; the rest are 503", async () => {
    const sessions = { "330300": await signIn("wenzhou"), "330100": await signIn("hangzhou") };
    // Six bureaus' clients, each on a month of its own (concurrent saves of one month would be
    // refused as stale, which is not what this tests).
    const clients = (["330300", "330100"] as const).flatMap((region) =>
      [1, 2, 3].map((month) => ({ region, month, session: sessions[region] })),
    );
    const attempts: Attempt[] = [];
    const acks: Ack[] = [];
    let acked = 0;

    const monthUrl = (c: (typeof clients)[number]) =>
      `${base}/api/submissions/${c.region}/${YEAR}/${c.month}`;
    const request = async (c: (typeof clients)[number], init: RequestInit = {}) =>
      fetch(monthUrl(c), {
        ...init,
        headers: {
          cookie: c.session.cookie,
          "x-csrf-token": c.session.csrfToken,
          "content-type": "application/json",
        },
      });
    /** The month's version as stored: after a failed save nobody knows whether it committed. */
    const versionOf = async (c: (typeof clients)[number]): Promise<number> => {
      for (;;) {
        const res = await request(c).catch(() => null);
        if (res?.status === 200) return ((await res.json()) as { version: number }).version;
        await sleep(100);
      }
    };

    const burst = clients.map(async (c, index) => {
      let version = await versionOf(c);
      for (let n = 1; n <= SAVES_PER_CLIENT; n++) {
        const value = 1000 * (index + 1) + n;
        const startedAt = Date.now();
        const res = await request(c, {
          method: "PUT",
          body: JSON.stringify({
            baseVersion: version,
            entries: [{ indicator: "shantytown_starts", value }],
          }),
        });
        attempts.push({
          status: res.status,
          startedAt,
          retryAfter: res.headers.get("retry-after"),
        });
        if (res.ok) {
          version = ((await res.json()) as { version: number }).version;
          acks.push({ region: c.region, month: c.month, value, version });
          acked++;
        } else {
          await res.arrayBuffer();
          await sleep(50);
          version = await versionOf(c);
        }
      }
    });

    // Mid-way: stop the server, watch /healthz, start it again.
    const health: { status: number; at: number }[] = [];
    const restart = (async () => {
      while (acked < 80) await sleep(20);
      let watching = true;
      const watcher = (async () => {
        while (watching) {
          const at = Date.now();
          const res = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(5_000) });
          health.push({ status: res.status, at });
          await res.arrayBuffer();
          await sleep(50);
        }
      })();
      postgres.stop();
      const stoppedAt = Date.now();
      while (!health.some((h) => h.status === 503 && h.at >= stoppedAt)) await sleep(20);
      postgres.start();
      while (health.at(-1)?.status !== 200) await sleep(20);
      watching = false;
      await watcher;
      return health.findLast((h) => h.status === 200)?.at ?? Date.now();
    })();

    const [recoveredAt] = await Promise.all([restart, ...burst]);

    // The process lives on.
    expect(api.exited(), api.output()).toBeUndefined();
    expect(api.output()).not.toMatch(/Unhandled 'error' event|uncaughtException/);

    // At least 200 saves; every one that failed, failed as 503 with a retry hint.
    expect(attempts.length).toBeGreaterThanOrEqual(200);
    const failures = attempts.filter((a) => a.status >= 300);
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.map((a) => a.status).filter((s) => s !== 503)).toEqual([]);
    expect(failures.every((a) => a.retryAfter !== null)).toBe(true);

    // /healthz went 503 during the outage and 200 by itself afterwards.
    const firstDown = health.findIndex((h) => h.status === 503);
    expect(firstDown).toBeGreaterThanOrEqual(0);
    expect(health.slice(firstDown).some((h) => h.status === 200)).toBe(true);

    // Every save started after recovery succeeded.
    const after = attempts.filter((a) => a.startedAt > recoveredAt);
    expect(after.length).toBeGreaterThan(0);
    expect(after.filter((a) => a.status !== 200)).toEqual([]);

    // Every acknowledged save is in the figures' history and in the audit log.
    const check = await openDatabase({ url: postgres.url, maxConnections: 1 });
    try {
      const revisions = await queryRows<{ region: string; month: number; value: number }>(
        check.db,
        sql`select region_code as region, month, new_value::float8 as value
            from report_revisions
            where indicator_code = 'shantytown_starts' and year = ${YEAR}`,
      );
      const audited = await queryRows<{ entity_id: string; version: number }>(
        check.db,
        sql`select entity_id, (new_value->>'version')::int as version from audit_log
            where entity = 'submission' and result = 'success' and action like 'PUT %'`,
      );
      const saved = new Set(revisions.map((r) => `${r.region}/${r.month}/${r.value}`));
      const logged = new Set(audited.map((a) => `${a.entity_id}/${a.version}`));
      expect(acks.length).toBeGreaterThan(100);
      expect(acks.filter((a) => !saved.has(`${a.region}/${a.month}/${a.value}`))).toEqual([]);
      expect(
        acks.filter((a) => !logged.has(`${a.region}/${YEAR}/${a.month}/${a.version}`)),
      ).toEqual([]);
    } finally {
      await check.close();
    }
  }, 120_000);
});
