import { afterEach, describe, expect, it, vi } from "vitest";
import type { PeriodsResponse } from "../../../../src/schemas/index.js";
import { type Client, useTestApp } from "../../../helper.js";

const t = useTestApp();

async function periods(client: Client, region: string): Promise<PeriodsResponse> {
  const res = await client.inject({ url: `/api/periods?region=${region}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

afterEach(() => {
  vi.useRealTimers();
});

describe("GET /api/periods", () => {
  it("opens a province on its latest approved month: December 2022 in the demo data", async () => {
    const official = await t.as("zj_official");
    const zhejiang = await periods(official, "330000");
    expect(zhejiang.region).toMatchObject({ code: "330000", nameEn: "Zhejiang" });
    expect(zhejiang.latest).toEqual({ year: 2022, month: 12 });
    expect(zhejiang.years).toEqual([2022, 2021, 2020]);

    const guangdong = await periods(await t.as("gd_official"), "440000");
    expect(guangdong.latest).toEqual({ year: 2022, month: 12 });
    expect(guangdong.years).toEqual([2022, 2021, 2020]);
  });

  it("answers for the region asked: Wenzhou has not reported December 2022, so November", async () => {
    const bureau = await t.as("wz_reporter");
    expect((await periods(bureau, "330300")).latest).toEqual({ year: 2022, month: 11 });
    // A bureau reads its province's dashboards, and so their periods.
    expect((await periods(bureau, "330000")).latest).toEqual({ year: 2022, month: 12 });
    const leader = await t.as("zj_leader");
    expect((await periods(leader, "330100")).latest).toEqual({ year: 2022, month: 11 });
  });

  it("gives the open month by the reporting deadline: November 2026 on 1 December 2026", async () => {
    const bureau = await t.as("wz_reporter");
    // Only Date is faked, and only to past instants, so the session stays fresh.
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-12-01T09:00:00+08:00") });
    const december = await periods(bureau, "330300");
    expect(december.open).toEqual({
      year: 2026,
      month: 11,
      deadline: "2026-12-05T15:59:59.999Z",
      onTimeUntil: "2026-12-05T15:59:59.999Z",
    });
    // Past the 5th the month in progress is open; in early January, December of the year before.
    vi.setSystemTime(new Date("2026-06-06T10:00:00+08:00"));
    expect((await periods(bureau, "330300")).open).toMatchObject({ year: 2026, month: 6 });
    vi.setSystemTime(new Date("2026-01-04T10:00:00+08:00"));
    expect((await periods(bureau, "330300")).open).toMatchObject({ year: 2025, month: 12 });
    vi.useRealTimers();
    // The open month is not a year with data: the years stay those with targets or figures.
    expect(december.years).toEqual([2022, 2021, 2020]);
  });

  it("counts a year once it has a target or an approved month; drafts and submissions do not", async () => {
    const official = await t.as("zj_official");
    // Ningbo: no test account of its own, so the national official enters its month.
    const bureau = t.api;
    const url = "/api/submissions/330200/2023/2";
    const saved = await bureau.inject({
      method: "PUT",
      url,
      payload: { baseVersion: 0, entries: [{ indicator: "shantytown_starts", value: 120 }] },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const submitted = await bureau.inject({
      method: "POST",
      url: `${url}/submit`,
      payload: { version: saved.json().version },
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    let ningbo = await periods(official, "330200");
    expect(ningbo.years).toEqual([2022, 2021, 2020]);
    expect(ningbo.latest).toEqual({ year: 2022, month: 12 });

    const approved = await official.inject({
      method: "POST",
      url: `${url}/approve`,
      payload: { version: submitted.json().version },
    });
    expect(approved.statusCode, approved.body).toBe(200);
    ningbo = await periods(official, "330200");
    expect(ningbo.years).toEqual([2023, 2022, 2021, 2020]);
    expect(ningbo.latest).toEqual({ year: 2023, month: 2 });
    // The province above it moves on too; its other cities and Guangdong do not.
    expect((await periods(official, "330000")).latest).toEqual({ year: 2023, month: 2 });
    expect((await periods(official, "330300")).latest).toEqual({ year: 2022, month: 11 });
    expect((await periods(t.api, "440000")).latest).toEqual({ year: 2022, month: 12 });

    // A target alone makes a year worth offering, without moving the latest month.
    const target = await official.inject({
      method: "POST",
      url: "/api/targets",
      payload: { indicator: "shantytown_starts", region: "330200", year: 2025, value: 900 },
    });
    expect(target.statusCode, target.body).toBe(201);
    ningbo = await periods(official, "330200");
    expect(ningbo.years).toEqual([2025, 2023, 2022, 2021, 2020]);
    expect(ningbo.latest).toEqual({ year: 2023, month: 2 });
  });

  it("refuses a malformed or unknown region with 400 naming the field", async () => {
    for (const url of [
      "/api/periods",
      "/api/periods?region=abc",
      "/api/periods?region=3300001",
      "/api/periods?region=999999",
      "/api/periods?region=330000&year=2022",
    ]) {
      const res = await t.api.inject({ url });
      expect(res.statusCode, `${url} → ${res.body}`).toBe(400);
      expect(res.json().message).toBeTruthy();
    }
    const unknown = await t.api.inject({ url: "/api/periods?region=999999" });
    expect(unknown.json().field).toBe("region");
  });

  it("refuses regions outside the caller's scope, and roles that read no figures (403)", async () => {
    const cases: [string, string][] = [
      ["zj_official", "440000"],
      ["zj_leader", "440100"],
      ["wz_reporter", "440000"],
      ["gd_official", "330300"],
      ["sysadmin", "330000"],
      ["inspector", "330000"],
    ];
    for (const [username, region] of cases) {
      const client = await t.as(username);
      const res = await client.inject({ url: `/api/periods?region=${region}` });
      expect(res.statusCode, `${username} ${region} → ${res.body}`).toBe(403);
    }
    const stranger = await t.app.inject({ url: "/api/periods?region=330000" });
    expect(stranger.statusCode).toBe(401);
  });
});
