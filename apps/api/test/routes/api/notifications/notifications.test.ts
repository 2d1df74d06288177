import { schema } from "@jindu/db";
import { and, eq, isNull, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Notification, SubmissionView } from "../../../../src/schemas/index.js";
import { type Client, useTestApp } from "../../../helper.js";

const t = useTestApp();

const REGION = "330300";
const YEAR = 2023;
const MONTH = 2;
const FORM = `/api/submissions/${REGION}/${YEAR}/${MONTH}`;
const REASON = "棚改数据与台账不符，请核对";

const clients = new Map<string, Client>();
async function as(username: string): Promise<Client> {
  let client = clients.get(username);
  if (!client) {
    client = await t.as(username);
    clients.set(username, client);
  }
  return client;
}

async function send(user: string, method: "PUT" | "POST", url: string, payload: object = {}) {
  return (await as(user)).inject({ method, url, payload });
}

async function inbox(
  user: string,
  query = "",
): Promise<{ notifications: Notification[]; next: number | null; unread: number }> {
  const res = await (await as(user)).inject(`/api/notifications${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function unread(user: string): Promise<number> {
  const res = await (await as(user)).inject("/api/notifications/unread-count");
  expect(res.statusCode, res.body).toBe(200);
  return res.json().unread;
}

/** Every notification row of an account, straight from the table. */
async function rowsOf(username: string) {
  return t.app.db
    .select({ n: schema.notifications })
    .from(schema.notifications)
    .innerJoin(schema.users, eq(schema.users.id, schema.notifications.userId))
    .where(eq(schema.users.username, username))
    .then((rows) => rows.map((r) => r.n));
}

/** Wenzhou's February 2023 with one figure, submitted by its bureau. */
async function submitMonth(): Promise<SubmissionView> {
  const target = await t.api.inject({
    method: "POST",
    url: "/api/targets",
    payload: { indicator: "shantytown_starts", region: REGION, year: YEAR, value: 2400 },
  });
  expect([201, 409]).toContain(target.statusCode);
  const view = (await t.api.inject(FORM)).json() as SubmissionView;
  const saved = await send("wz_reporter", "PUT", FORM, {
    baseVersion: view.version,
    entries: [{ indicator: "shantytown_starts", value: 300 }],
  });
  expect(saved.statusCode, saved.body).toBe(200);
  const submitted = await send("wz_reporter", "POST", `${FORM}/submit`, {
    version: saved.json().version,
  });
  expect(submitted.statusCode, submitted.body).toBe(200);
  return submitted.json();
}

describe("notifications of a month's moves", () => {
  it("a submission notifies Zhejiang's own officials, not national ones nor Guangdong's", async () => {
    await submitMonth();
    const official = (await inbox("zj_official")).notifications;
    expect(official).toHaveLength(1);
    expect(official[0]).toMatchObject({
      kind: "month_submitted",
      titleZh: "温州市2023年2月月报待审核",
      link: "/approvals",
      readAt: null,
    });
    expect(await rowsOf("national")).toEqual([]);
    expect(await rowsOf("gd_official")).toEqual([]);
    expect(await rowsOf("wz_reporter")).toEqual([]);
  });

  it("a failed return leaves no notification: it commits with the change or not at all", async () => {
    const view = (await t.api.inject(FORM)).json() as SubmissionView;
    // The audit row is the last write of the return's transaction: failing it fails the change.
    const owner = await t.database.owner();
    await owner.execute(sql`
      create function fail_return() returns trigger language plpgsql as $$
      begin
        if new.action like '%/return' and new.result = 'success' then
          raise exception 'audit refused for the test';
        end if;
        return new;
      end $$`);
    await owner.execute(
      sql`create trigger fail_return before insert on audit_log for each row execute function fail_return()`,
    );
    try {
      const res = await send("zj_official", "POST", `${FORM}/return`, {
        version: view.version,
        reason: REASON,
      });
      expect(res.statusCode).toBe(500);
    } finally {
      await owner.execute(sql`drop trigger fail_return on audit_log`);
      await owner.execute(sql`drop function fail_return()`);
    }
    expect((await t.api.inject(FORM)).json().status).toBe("submitted");
    expect(await rowsOf("wz_reporter")).toEqual([]);
    // A stale version (409) notifies no one either.
    const stale = await send("zj_official", "POST", `${FORM}/return`, {
      version: view.version - 1,
      reason: REASON,
    });
    expect(stale.statusCode).toBe(409);
    expect(await rowsOf("wz_reporter")).toEqual([]);
  });

  it("a return notifies Wenzhou's bureau once, with the reason and a link to the form; Hangzhou's nothing", async () => {
    const view = (await t.api.inject(FORM)).json() as SubmissionView;
    const res = await send("zj_official", "POST", `${FORM}/return`, {
      version: view.version,
      reason: REASON,
    });
    expect(res.statusCode, res.body).toBe(200);
    const rows = await rowsOf("wz_reporter");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      kind: "month_returned",
      body: REASON,
      link: `/entry?region=${REGION}&year=${YEAR}&month=${MONTH}`,
      titleZh: "温州市2023年2月月报被退回",
      titleEn: "Wenzhou 2023-02 was returned",
    });
    expect(await rowsOf("hz_reporter")).toEqual([]);
    expect(await unread("wz_reporter")).toBe(1);
    expect(await unread("hz_reporter")).toBe(0);
  });

  it("approval and reopening go back to the bureau", async () => {
    let v = (await t.api.inject(FORM)).json() as SubmissionView;
    const resubmitted = await send("wz_reporter", "POST", `${FORM}/submit`, { version: v.version });
    expect(resubmitted.statusCode, resubmitted.body).toBe(200);
    v = resubmitted.json();
    const approved = await send("zj_official", "POST", `${FORM}/approve`, { version: v.version });
    expect(approved.statusCode, approved.body).toBe(200);
    v = approved.json();
    const reopened = await send("zj_official", "POST", `${FORM}/reopen`, {
      version: v.version,
      reason: "需补充说明",
    });
    expect(reopened.statusCode, reopened.body).toBe(200);
    const kinds = (await inbox("wz_reporter")).notifications.map((n) => n.kind);
    expect(kinds).toEqual(["month_reopened", "month_approved", "month_returned"]);
    expect((await inbox("zj_official")).notifications.map((n) => n.kind)).toEqual([
      "month_submitted",
      "month_submitted",
    ]);
  });
});

describe("the inbox", () => {
  it("pages newest first, counts unread, marks one and all read", async () => {
    const first = await inbox("wz_reporter", "?limit=2");
    expect(first.notifications).toHaveLength(2);
    expect(first.unread).toBe(3);
    expect(first.next).toBe(first.notifications[1]?.id);
    const second = await inbox("wz_reporter", `?limit=2&before=${first.next}`);
    expect(second.notifications.map((n) => n.kind)).toEqual(["month_returned"]);
    expect(second.next).toBeNull();

    const id = first.notifications[0]?.id as number;
    const read = await send("wz_reporter", "POST", `/api/notifications/${id}/read`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toEqual({ unread: 2 });
    // Twice is harmless and keeps the first time.
    const readAt = (await inbox("wz_reporter")).notifications[0]?.readAt;
    expect(readAt).not.toBeNull();
    await send("wz_reporter", "POST", `/api/notifications/${id}/read`);
    expect((await inbox("wz_reporter")).notifications[0]?.readAt).toBe(readAt);
    expect((await inbox("wz_reporter", "?unread=true")).notifications).toHaveLength(2);

    const all = await send("wz_reporter", "POST", "/api/notifications/read-all");
    expect(all.json()).toEqual({ marked: 2, unread: 0 });
    expect(await unread("wz_reporter")).toBe(0);
    expect(await unread("zj_official")).toBe(2);
  });

  it("another user's notification is not found, and stays unread", async () => {
    const [theirs] = await rowsOf("zj_official");
    const res = await send("hz_reporter", "POST", `/api/notifications/${theirs?.id}/read`);
    expect(res.statusCode).toBe(404);
    expect((await send("hz_reporter", "POST", "/api/notifications/999999/read")).statusCode).toBe(
      404,
    );
    const [after] = await t.app.db
      .select()
      .from(schema.notifications)
      .where(and(eq(schema.notifications.id, theirs?.id as number)));
    expect(after?.readAt).toBeNull();
    expect((await inbox("hz_reporter")).notifications).toEqual([]);
  });

  it("the bell's poll does not count as activity: it never keeps an idle session alive", async () => {
    const client = await t.as("hz_reporter");
    clients.set("hz_reporter", client);
    const lastSeen = async () => {
      const [row] = await t.app.db
        .select({ at: schema.sessions.lastSeenAt })
        .from(schema.sessions)
        .innerJoin(schema.users, eq(schema.users.id, schema.sessions.userId))
        .where(and(eq(schema.users.username, "hz_reporter"), isNull(schema.sessions.endedAt)));
      return row?.at.getTime() ?? 0;
    };
    await t.app.db.execute(sql`
      update sessions set last_seen_at = now() - interval '10 minutes'
      where user_id = (select id from users where username = 'hz_reporter') and ended_at is null`);
    const idleSince = await lastSeen();
    // Past the few seconds the API keeps a session in memory, so it reads the row again.
    await new Promise((resolve) => setTimeout(resolve, 5_100));
    expect((await client.inject("/api/notifications/unread-count")).statusCode).toBe(200);
    expect(await lastSeen()).toBe(idleSince);
    // Opening the inbox is the person's doing: it does.
    expect((await client.inject("/api/notifications")).statusCode).toBe(200);
    expect(await lastSeen()).toBeGreaterThan(idleSince);
  });

  it("bounds the page size", async () => {
    for (const q of ["?limit=0", "?limit=101", "?before=0", "?limit=x"]) {
      expect((await (await as("wz_reporter")).inject(`/api/notifications${q}`)).statusCode).toBe(
        400,
      );
    }
  });
});

describe("one's own choices", () => {
  /** Hangzhou's month with one figure, submitted by its bureau. */
  async function submitHangzhou(month: number) {
    const form = `/api/submissions/330100/${YEAR}/${month}`;
    const target = await t.api.inject({
      method: "POST",
      url: "/api/targets",
      payload: { indicator: "shantytown_starts", region: "330100", year: YEAR, value: 3000 },
    });
    expect([201, 409]).toContain(target.statusCode);
    const view = (await t.api.inject(form)).json() as SubmissionView;
    const saved = await send("hz_reporter", "PUT", form, {
      baseVersion: view.version,
      entries: [{ indicator: "shantytown_starts", value: 100 * month, explanation: "集中开工" }],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const submitted = await send("hz_reporter", "POST", `${form}/submit`, {
      version: saved.json().version,
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
  }
  const submittedRows = async () =>
    (await rowsOf("zj_official")).filter((r) => r.kind === "month_submitted");

  it("an official who switched the inbox off for submissions gets none of them, until switched on again", async () => {
    const preferences = (enabled: boolean) =>
      send("zj_official", "PUT", "/api/notifications/preferences", {
        preferences: [{ kind: "month_submitted", channel: "inbox", enabled }],
      });
    expect((await preferences(false)).statusCode).toBe(200);
    const before = (await submittedRows()).length;
    await submitHangzhou(5);
    expect(await submittedRows()).toHaveLength(before);
    expect((await preferences(true)).statusCode).toBe(200);
    await submitHangzhou(6);
    const after = await submittedRows();
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)?.titleZh).toBe("杭州市2023年6月月报待审核");
  });
});
