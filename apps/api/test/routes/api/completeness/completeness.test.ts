import { describe, expect, it } from "vitest";
import type {
  CompletenessResponse,
  TimelinessHistoryResponse,
} from "../../../../src/schemas/index.js";
import { useTestApp } from "../../../helper.js";

const t = useTestApp();

describe("GET /api/completeness", () => {
  it("December 2022 in Zhejiang: two missing, one late, eight on time", async () => {
    const res = await t.api.inject({ url: "/api/completeness?parent=330000&year=2022&month=12" });
    expect(res.statusCode, res.body).toBe(200);
    const body: CompletenessResponse = res.json();
    expect(body.deadline).toBe("2023-01-05T15:59:59.999Z");
    expect(body.summary).toMatchObject({ total: 11, submitted: 9, onTime: 8, late: 1, missing: 2 });
    expect(body.summary.reportingRate).toBeCloseTo(9 / 11, 12);
    expect(body.summary.timelyRate).toBeCloseTo(8 / 11, 12);
    const missing = body.regions.filter((r) => r.timeliness === "missing");
    expect(body.chase.map((r) => r.code)).toEqual(missing.map((r) => r.region.code));
    for (const r of missing) expect(r.firstSubmittedAt).toBeNull();
    // Missing cities really have no figures for the month; the others do.
    const reports = (
      await t.api.inject({ url: "/api/reports?year=2022&month=12&indicator=shantytown_starts" })
    ).json().reports;
    const reported = new Set(reports.map((r: { region: string }) => r.region));
    for (const r of body.regions)
      expect(reported.has(r.region.code)).toBe(r.timeliness !== "missing");
    const late = body.regions.find((r) => r.timeliness === "late");
    expect(new Date(late?.firstSubmittedAt as string) > new Date(body.deadline)).toBe(true);
  });

  it("a later deadline in Zhejiang's calendar turns the late city on time", async () => {
    const official = await t.as("zj_official");
    const setDay = async (deadlineDay: number) =>
      expect(
        (
          await official.inject({
            method: "PUT",
            url: "/api/settings/provinces/330000/reporting",
            payload: { deadlineDay },
          })
        ).statusCode,
      ).toBe(200);
    await setDay(20);
    const body: CompletenessResponse = (
      await t.api.inject({ url: "/api/completeness?parent=330000&year=2022&month=12" })
    ).json();
    expect(body.deadline).toBe("2023-01-20T15:59:59.999Z");
    expect(body.summary).toMatchObject({ onTime: 9, late: 0, missing: 2 });
    await setDay(5);
  });

  it("a month counts as reported once it is sent in, judged by when it was first sent", async () => {
    const before: CompletenessResponse = (
      await t.api.inject({ url: "/api/completeness?parent=330000&year=2023&month=1" })
    ).json();
    expect(before.summary.missing).toBe(11);
    const url = "/api/submissions/330200/2023/1";
    const saved = (
      await t.api.inject({
        method: "PUT",
        url,
        payload: { baseVersion: 0, entries: [{ indicator: "shantytown_starts", value: 10 }] },
      })
    ).json();
    (
      await t.api.inject({
        method: "POST",
        url: `${url}/submit`,
        payload: { version: saved.version },
      })
    ).json();
    const after: CompletenessResponse = (
      await t.api.inject({ url: "/api/completeness?parent=330000&year=2023&month=1" })
    ).json();
    expect(after.summary.missing).toBe(10);
    // Sent in November 2026 for January 2023: long after the deadline.
    expect(after.regions.find((r) => r.region.code === "330200")).toMatchObject({
      timeliness: "late",
      status: "submitted",
    });
  });

  it("rejects an unknown region, and a deadline day in the query (the province's calendar decides)", async () => {
    expect(
      (await t.api.inject({ url: "/api/completeness?parent=999999&year=2022&month=12" }))
        .statusCode,
    ).toBe(400);
    expect(
      (
        await t.api.inject({
          url: "/api/completeness?parent=330000&year=2022&month=12&deadlineDay=20",
        })
      ).statusCode,
    ).toBe(400);
  });
});

describe("GET /api/completeness/history", () => {
  it("gives a region's twelve months of 2022", async () => {
    const res = await t.api.inject({ url: "/api/completeness/history?region=330100&year=2022" });
    const body: TimelinessHistoryResponse = res.json();
    expect(body.months).toHaveLength(12);
    expect(body.months.every((m) => m.timeliness !== "missing" || m.month === 12)).toBe(true);
  });
});
