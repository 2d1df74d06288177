import { schema } from "@jindu/db";
import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import type {
  BulletinResponse,
  CompletenessResponse,
  PeriodsResponse,
  ReportingSettings,
  SubmissionView,
  TimelinessHistoryResponse,
} from "../../../../src/schemas/index.js";
import { type Client, useTestApp } from "../../../helper.js";

const t = useTestApp();
const ZJ = "/api/settings/provinces/330000/reporting";

afterEach(() => {
  vi.useRealTimers();
});

async function ok<T>(res: Promise<{ statusCode: number; body: string; json: () => unknown }>) {
  const r = await res;
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as T;
}

const completeness = (client: Client, parent: string, year: number, month: number) =>
  ok<CompletenessResponse>(
    client.inject({ url: `/api/completeness?parent=${parent}&year=${year}&month=${month}` }),
  );

/** Makes a region's month first sent in at `at` (the demo data's own times are fixed). */
async function firstSentAt(region: string, year: number, month: number, at: string) {
  const s = schema.submissions;
  const rows = await t.database.db
    .update(s)
    .set({ firstSubmittedAt: new Date(at) })
    .where(and(eq(s.regionCode, region), eq(s.year, year), eq(s.month, month)))
    .returning({ id: s.id });
  expect(rows).toHaveLength(1);
}

/** A child of `parent` that reported the month (any one). */
async function reporterOf(parent: string, year: number, month: number) {
  const body = await completeness(t.api, parent, year, month);
  const line = body.regions.find((r) => r.firstSubmittedAt !== null);
  expect(line).toBeDefined();
  return line?.region.code as string;
}

describe("a province's reporting calendar", () => {
  it("defaults to the 5th, no grace, every month due", async () => {
    const official = await t.as("zj_official");
    await expect(ok<ReportingSettings>(official.inject(ZJ))).resolves.toEqual({
      allowPartialMonths: false,
      deadlineDay: 5,
      graceDays: 0,
      noReportMonths: [],
      reminderDaysBefore: 3,
      escalateAfterDays: 5,
      bulletinDay: null,
    });
  });

  it("Zhejiang's deadline of the 10th with two days' grace: the 11th is on time; Guangdong keeps the 5th", async () => {
    const zjCity = await reporterOf("330000", 2022, 12);
    const gdCity = await reporterOf("440000", 2022, 12);
    await firstSentAt(zjCity, 2022, 12, "2023-01-11T10:00:00+08:00");
    await firstSentAt(gdCity, 2022, 12, "2023-01-11T10:00:00+08:00");
    const lineOf = (body: CompletenessResponse, code: string) =>
      body.regions.find((r) => r.region.code === code);
    expect(lineOf(await completeness(t.api, "330000", 2022, 12), zjCity)?.timeliness).toBe("late");

    const official = await t.as("zj_official");
    const saved = await ok<ReportingSettings>(
      official.inject({ method: "PUT", url: ZJ, payload: { deadlineDay: 10, graceDays: 2 } }),
    );
    // Fields left out keep what they were.
    expect(saved).toEqual({
      allowPartialMonths: false,
      deadlineDay: 10,
      graceDays: 2,
      noReportMonths: [],
      reminderDaysBefore: 3,
      escalateAfterDays: 5,
      bulletinDay: null,
    });

    const zj = await completeness(t.api, "330000", 2022, 12);
    expect(zj.deadline).toBe("2023-01-10T15:59:59.999Z");
    expect(zj.onTimeUntil).toBe("2023-01-12T15:59:59.999Z");
    expect(zj.due).toBe(true);
    expect(lineOf(zj, zjCity)?.timeliness).toBe("on_time");

    const gd = await completeness(t.api, "440000", 2022, 12);
    expect(gd.deadline).toBe("2023-01-05T15:59:59.999Z");
    expect(gd.onTimeUntil).toBe(gd.deadline);
    expect(lineOf(gd, gdCity)?.timeliness).toBe("late");

    // The form, the history and the bulletin read the same calendar.
    const form = await ok<SubmissionView>(t.api.inject(`/api/submissions/${zjCity}/2022/12`));
    expect(form).toMatchObject({ deadline: zj.deadline, onTimeUntil: zj.onTimeUntil, due: true });
    const history = await ok<TimelinessHistoryResponse>(
      t.api.inject(`/api/completeness/history?region=${zjCity}&year=2022`),
    );
    expect(history.months[11]).toMatchObject({
      month: 12,
      deadline: zj.deadline,
      timeliness: "on_time",
    });
    const bulletin = await ok<BulletinResponse>(
      t.api.inject("/api/bulletin?region=330000&year=2022&month=12"),
    );
    expect(bulletin.deadline).toBe(zj.deadline);
    expect(bulletin.late.map((l) => l.region.code)).not.toContain(zjCity);
  });

  it("a month that owes no report has nobody missing and nobody to chase, and says so", async () => {
    const official = await t.as("zj_official");
    const before = await completeness(t.api, "330000", 2023, 1);
    expect(before.summary.missing).toBeGreaterThan(0);
    await ok(official.inject({ method: "PUT", url: ZJ, payload: { noReportMonths: [2, 1] } }));
    await expect(ok<ReportingSettings>(official.inject(ZJ))).resolves.toMatchObject({
      deadlineDay: 10,
      noReportMonths: [1, 2],
    });

    const january = await completeness(t.api, "330000", 2023, 1);
    expect(january.due).toBe(false);
    expect(january.summary.missing).toBe(0);
    expect(january.chase).toEqual([]);
    expect(january.regions.every((r) => r.timeliness === "not_due")).toBe(true);
    const form = await ok<SubmissionView>(t.api.inject("/api/submissions/330100/2023/1"));
    expect(form.due).toBe(false);
    const bulletin = await ok<BulletinResponse>(
      t.api.inject("/api/bulletin?region=330000&year=2023&month=1"),
    );
    expect(bulletin.due).toBe(false);
    expect(bulletin.missing).toEqual([]);
    // Guangdong still owes January.
    expect((await completeness(t.api, "440000", 2023, 1)).due).toBe(true);
  });

  it("a bureau's form opens on the next month that owes a report", async () => {
    const bureau = await t.as("wz_reporter");
    const official = await t.as("zj_official");
    const open = async (region: string) =>
      (await ok<PeriodsResponse>(bureau.inject(`/api/periods?region=${region}`))).open;
    await ok(
      official.inject({
        method: "PUT",
        url: ZJ,
        payload: { deadlineDay: 5, graceDays: 0, noReportMonths: [11] },
      }),
    );
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-12-01T09:00:00+08:00") });
    // November owes nothing in Zhejiang, so December is open; elsewhere November still is.
    expect(await open("330300")).toMatchObject({
      year: 2026,
      month: 12,
      deadline: "2027-01-05T15:59:59.999Z",
    });
    const gd = await ok<PeriodsResponse>(t.api.inject("/api/periods?region=440000"));
    expect(gd.open).toMatchObject({ year: 2026, month: 11 });
    await ok(official.inject({ method: "PUT", url: ZJ, payload: { noReportMonths: [] } }));
    // Grace keeps a month open past its deadline day.
    await ok(official.inject({ method: "PUT", url: ZJ, payload: { graceDays: 3 } }));
    vi.setSystemTime(new Date("2026-11-07T09:00:00+08:00"));
    expect(await open("330300")).toMatchObject({
      year: 2026,
      month: 10,
      onTimeUntil: "2026-11-08T15:59:59.999Z",
    });
  });

  it("a Guangdong official cannot change Zhejiang's calendar, a bureau cannot change its own", async () => {
    const gd = await t.as("gd_official");
    const res = await gd.inject({ method: "PUT", url: ZJ, payload: { deadlineDay: 20 } });
    expect(res.statusCode).toBe(403);
    const bureau = await t.as("wz_reporter");
    expect(
      (await bureau.inject({ method: "PUT", url: ZJ, payload: { graceDays: 1 } })).statusCode,
    ).toBe(403);
    expect((await ok<ReportingSettings>(t.api.inject(ZJ))).deadlineDay).toBe(5);
  });

  it("refuses values out of bounds with the field named", async () => {
    const official = await t.as("zj_official");
    const bad = [
      { deadlineDay: 0 },
      { deadlineDay: 29 },
      { deadlineDay: 5.5 },
      { graceDays: -1 },
      { graceDays: 16 },
      { noReportMonths: [0] },
      { noReportMonths: [13] },
      { noReportMonths: [3, 3] },
      { noReportMonths: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] },
      { noReportMonths: "1" },
      {},
      { fourEyes: false },
    ];
    for (const payload of bad) {
      const res = await official.inject({ method: "PUT", url: ZJ, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      const key = Object.keys(payload)[0];
      if (key && key !== "fourEyes") expect(res.body, JSON.stringify(payload)).toContain(key);
    }
  });

  it("each change is audited with the settings before and after", async () => {
    const official = await t.as("zj_official");
    await ok(official.inject({ method: "PUT", url: ZJ, payload: { deadlineDay: 8 } }));
    const rows = (await t.database.db.select().from(schema.auditLog)).filter(
      (r) => r.entity === "province_reporting" && r.entityId === "330000",
    );
    const last = rows.at(-1);
    expect(last).toMatchObject({ username: "zj_official" });
    expect(JSON.stringify(last)).toContain('"deadlineDay":8');
  });
});
