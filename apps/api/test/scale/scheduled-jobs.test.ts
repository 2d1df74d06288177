import { schema } from "@jindu/db";
import { openTestDatabase, type TestDatabase } from "@jindu/db/testing";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertTestUsers } from "../helper.js";
import { type ApiProcess, startApi } from "../resilience/api-process.js";
import { startSmtp } from "../support/receivers.js";

/**
 * The scheduled jobs with two API processes, started as `pnpm start` starts one, over one
 * PostgreSQL database: each job runs once per day however many processes tick, and a process
 * started after days away runs the missed schedule once. Several processes need a database
 * server by definition, so this uses the one at DATABASE_URL, or the local one, also in the
 * embedded-database run.
 */
const SERVER = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const JOBS = ["bulletin_push", "calendar_reminders", "password_expiry", "supervision_deadlines"];

let database: TestDatabase;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
const running: ApiProcess[] = [];

const start = async (clock: string) => {
  const api = await startApi(database.url ?? "", { JINDU_CLOCK: clock, LOG_LEVEL: "info" });
  running.push(api);
  return api;
};
const stopAll = async () => {
  await Promise.all(running.map((p) => p.stop()));
  running.length = 0;
};
/** How many runs a process's log says it did. */
const runsLogged = (api: ApiProcess) =>
  api
    .output()
    .split("\n")
    .filter((line) => line.includes('"msg":"scheduled run done"')).length;

const runs = () =>
  database.db
    .select()
    .from(schema.scheduledRuns)
    .orderBy(schema.scheduledRuns.job, schema.scheduledRuns.slot);

async function settled(slot: string) {
  await expect
    .poll(
      async () =>
        (await runs()).filter((r) => r.slot === slot && r.finishedAt !== null).map((r) => r.job),
      { timeout: 60_000, interval: 250 },
    )
    .toEqual(JOBS);
  await expect
    .poll(
      async () =>
        (
          await database.db
            .select({ n: sql<number>`count(*)::int` })
            .from(schema.deliveries)
            .where(sql`${schema.deliveries.status} <> 'sent'`)
        )[0]?.n,
      { timeout: 60_000, interval: 250 },
    )
    .toBe(0);
}

beforeAll(async () => {
  database = await openTestDatabase({ server: SERVER });
  await insertTestUsers(database.db);
  await database.db
    .update(schema.users)
    .set({ email: "wenzhou@example.gov.cn" })
    .where(eq(schema.users.username, "wz_reporter"));
  smtp = await startSmtp();
  await database.db.insert(schema.notificationChannels).values({
    kind: "smtp",
    name: "邮件",
    config: { host: "127.0.0.1", port: smtp.port, from: "jindu@example.gov.cn" },
  });
}, 120_000);

afterAll(async () => {
  await stopAll();
  await smtp?.close();
  await database?.close();
});

describe("scheduled jobs across API processes", () => {
  it("two processes started on the same day run each job once and send each reminder once", async () => {
    // 7 February 2027, 10:00 in Beijing: January is past its deadline.
    const [a, b] = await Promise.all([
      start("2027-02-07T02:00:00Z"),
      start("2027-02-07T02:00:00Z"),
    ]);
    await settled("2027-02-07");
    // Both have ticked several times by now (every second under a test clock).
    await new Promise((r) => setTimeout(r, 2_500));
    expect(runsLogged(a as ApiProcess) + runsLogged(b as ApiProcess)).toBe(JOBS.length);
    expect((await runs()).map((r) => `${r.job} ${r.slot}`)).toEqual(
      JOBS.map((j) => `${j} 2027-02-07`),
    );
    const mails = smtp.mails.filter(
      (m) => m.to && "text" in m.to && m.to.text === "wenzhou@example.gov.cn",
    );
    expect(mails.length).toBeGreaterThan(0);
    const events = mails.map((m) => String(m.headers.get("x-jindu-event")));
    expect(events).toContain("deadline_passed:330300:2027-1");
    expect(new Set(events).size).toBe(events.length);
    await stopAll();
  }, 180_000);

  it("a process started after four days away runs the missed schedule once, not once per day", async () => {
    const before = smtp.mails.length;
    // 11 February, 10:00 in Beijing; the 8th, 9th and 10th were missed.
    const c = await start("2027-02-11T02:00:00Z");
    await settled("2027-02-11");
    await new Promise((r) => setTimeout(r, 2_500));
    expect(runsLogged(c)).toBe(JOBS.length);
    expect((await runs()).filter((r) => r.job === "calendar_reminders").map((r) => r.slot)).toEqual(
      ["2027-02-07", "2027-02-11"],
    );
    // January is escalated now (5 days after the 5th): one mail for it, nothing repeated.
    const events = smtp.mails.slice(before).map((m) => String(m.headers.get("x-jindu-event")));
    expect(events).toContain("month_missing:330300:2027-1");
    expect(events).not.toContain("deadline_passed:330300:2027-1");
    await stopAll();
  }, 180_000);
});
