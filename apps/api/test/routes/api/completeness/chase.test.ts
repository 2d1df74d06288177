import { schema } from "@jindu/db";
import { CHASE_LIMITS } from "@jindu/domain";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type {
  ChaseResult,
  CompletenessResponse,
  Notification,
} from "../../../../src/schemas/index.js";
import { chaseMissing } from "../../../../src/services/completeness.js";
import { type Client, useTestApp } from "../../../helper.js";

const t = useTestApp();

// March 2023 in Zhejiang: nobody has reported it in the seed, so every city is missing.
const YEAR = 2023;
const MONTH = 3;
const CHASE = `/api/completeness/330000/${YEAR}/${MONTH}/chase`;
const MESSAGE = "请于本周五前报送三月数据";

const clients = new Map<string, Client>();
async function as(username: string): Promise<Client> {
  let client = clients.get(username);
  if (!client) {
    client = await t.as(username);
    clients.set(username, client);
  }
  return client;
}

const chase = async (user: string, payload: unknown, url = CHASE) =>
  (await as(user)).inject({ method: "POST", url, payload: payload as object });

async function completeness(): Promise<CompletenessResponse> {
  const res = await t.api.inject(`/api/completeness?parent=330000&year=${YEAR}&month=${MONTH}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const lineOf = (body: CompletenessResponse, code: string) =>
  body.regions.find((r) => r.region.code === code);

async function chasedNotifications(user: string): Promise<Notification[]> {
  const res = await (await as(user)).inject("/api/notifications");
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().notifications as Notification[]).filter((n) => n.kind === "month_chased");
}

const chaseRows = () => t.app.db.select().from(schema.chases);

describe("POST /api/completeness/:parent/:year/:month/chase", () => {
  it("refuses those who may not chase, and regions outside the official's scope", async () => {
    for (const user of ["gd_official", "zj_leader", "wz_reporter"]) {
      const res = await chase(user, { regions: ["330300"] });
      expect(res.statusCode, `${user}: ${res.body}`).toBe(403);
    }
    // Guangzhou is not under Zhejiang: named under Zhejiang it is not a child, so 400.
    const outside = await chase("zj_official", { regions: ["330300", "440100"] });
    expect(outside.statusCode, outside.body).toBe(400);
    expect(outside.json()).toMatchObject({ field: "regions.1", rule: "not_a_child" });
    expect(await chaseRows()).toHaveLength(0);
  });

  it("refuses bad input: no region, too many, a long message, unknown fields, bad codes", async () => {
    const bad: unknown[] = [
      { regions: [] },
      { regions: Array.from({ length: CHASE_LIMITS.regions + 1 }, (_, i) => String(330000 + i)) },
      { regions: ["330300"], message: "催".repeat(CHASE_LIMITS.message + 1) },
      { regions: ["330300"], extra: true },
      { regions: ["33030"] },
      { regions: ["330300", "330300"] },
      {},
    ];
    for (const payload of bad) {
      const res = await chase("zj_official", payload);
      expect(res.statusCode, JSON.stringify(payload).slice(0, 80)).toBe(400);
    }
    // A month that has not begun has nothing to report yet.
    const future = await chase(
      "zj_official",
      { regions: ["330300"] },
      "/api/completeness/330000/2099/1/chase",
    );
    expect(future.statusCode, future.body).toBe(400);
    expect(future.json().message).toMatch(/not begun/);
    expect(await chaseRows()).toHaveLength(0);
  });

  it("refuses a region that has already reported the month, naming it", async () => {
    const url = `/api/submissions/330200/${YEAR}/${MONTH}`;
    const saved = await t.api.inject({
      method: "PUT",
      url,
      payload: { baseVersion: 0, entries: [{ indicator: "shantytown_starts", value: 10 }] },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const sent = await t.api.inject({
      method: "POST",
      url: `${url}/submit`,
      payload: { version: saved.json().version },
    });
    expect(sent.statusCode, sent.body).toBe(200);
    const res = await chase("zj_official", { regions: ["330300", "330200"] });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ field: "regions.1", rule: "not_missing" });
    expect(res.json().message).toContain("330200");
    // All or nothing: Wenzhou, which could have been chased, was not.
    expect(await chaseRows()).toHaveLength(0);
    expect(await chasedNotifications("wz_reporter")).toHaveLength(0);
  });

  it("reminds the chosen bureaus once, with the message and a link to their form", async () => {
    const res = await chase("zj_official", {
      regions: ["330300", "330100"],
      message: ` ${MESSAGE} `,
    });
    expect(res.statusCode, res.body).toBe(200);
    const body: ChaseResult = res.json();
    expect(body.chased.map((c) => [c.region.code, c.recipients])).toEqual([
      ["330300", 1],
      ["330100", 1],
    ]);
    expect(body.alreadyToday).toEqual([]);
    const [n] = await chasedNotifications("wz_reporter");
    expect(n).toMatchObject({
      titleZh: `催报：请尽快报送温州市${YEAR}年${MONTH}月月报`,
      body: MESSAGE,
      link: `/entry?region=330300&year=${YEAR}&month=${MONTH}`,
      readAt: null,
    });
    expect(await chasedNotifications("hz_reporter")).toHaveLength(1);
    // Nobody else: not the officials, not another city's bureau.
    expect(await chasedNotifications("zj_official")).toHaveLength(0);
    // One audit row for the chase, in the same commit.
    const audit = await t.app.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.entity, "chase"), eq(schema.auditLog.result, "success")));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      username: "zj_official",
      entityId: `330000/${YEAR}-${MONTH}`,
    });
  });

  it("a double click reminds no one twice; the chase list shows who reminded and when", async () => {
    const again = await chase("zj_official", { regions: ["330300"] });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ chased: [], alreadyToday: [{ code: "330300" }] });
    expect(await chasedNotifications("wz_reporter")).toHaveLength(1);
    const line = lineOf(await completeness(), "330300");
    expect(line?.lastChase).toMatchObject({
      by: "zj_official",
      message: MESSAGE,
      recipients: 1,
      read: 0,
      readAt: null,
    });
    expect(Date.now() - new Date(line?.lastChase?.at as string).getTime()).toBeLessThan(60_000);
    expect(lineOf(await completeness(), "330400")?.lastChase).toBeNull();
  });

  it("shows the reminder read once the bureau reads it", async () => {
    const [n] = await chasedNotifications("wz_reporter");
    const read = await (await as("wz_reporter")).inject({
      method: "POST",
      url: `/api/notifications/${n?.id}/read`,
    });
    expect(read.statusCode, read.body).toBe(200);
    const body = await completeness();
    expect(lineOf(body, "330300")?.lastChase).toMatchObject({ read: 1, recipients: 1 });
    expect(lineOf(body, "330300")?.lastChase?.readAt).not.toBeNull();
    expect(lineOf(body, "330100")?.lastChase).toMatchObject({ read: 0, readAt: null });
  });

  it("a 催报 on a later day reminds again, and the list shows the newer one", async () => {
    const tomorrow = new Date(Date.now() + 24 * 60 * 60 * 1000);
    const result = await chaseMissing(
      t.app.db,
      { parent: "330000", year: YEAR, month: MONTH },
      { regions: ["330300"], message: "第二次催报", actor: "national" },
      tomorrow,
    );
    expect(result.chased).toHaveLength(1);
    const notes = await chasedNotifications("wz_reporter");
    expect(notes).toHaveLength(2);
    expect(notes[0]).toMatchObject({ body: "第二次催报", readAt: null });
    expect(lineOf(await completeness(), "330300")?.lastChase).toMatchObject({
      by: "national",
      message: "第二次催报",
      read: 0,
    });
  });
});
