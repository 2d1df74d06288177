import { queryRows } from "@jindu/db";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { PlanProgressResponse } from "../../../../src/schemas/index.js";
import { useTestApp } from "../../../helper.js";

const t = useTestApp();

const putPlan = async (payload: object) => {
  const res = await (await t.as("zj_official")).inject({
    method: "PUT",
    url: "/api/targets/plans",
    payload,
  });
  expect(res.statusCode, res.body).toBe(200);
};

/** A region's latest approved year-to-date figure up to a month, straight from the reports. */
async function figure(region: string, indicator: string, year: number, month: number) {
  const [row] = await queryRows<{ value: number }>(
    t.app.db,
    sql`select value::float8 as value from reports
        where region_code = ${region} and indicator_code = ${indicator} and year = ${year}
          and month <= ${month} and status = 'approved'
        order by month desc limit 1`,
  );
  return row?.value ?? 0;
}

const progress = async (query: string) => {
  const res = await t.api.inject(`/api/plans/progress?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as PlanProgressResponse;
};

describe("five-year plan progress", () => {
  it("answers no plans for a region without one", async () => {
    expect((await progress("region=330700&year=2022&month=6")).plans).toEqual([]);
  });

  it("adds the finished years' year-end figures to this year's so far, held to the yearly pace", async () => {
    // Shaoxing's 2021–2025 rural seismic retrofits: 20% a year; due in December, no profile.
    await putPlan({
      indicator: "rural_seismic",
      region: "330600",
      fromYear: 2021,
      toYear: 2025,
      total: 10_000,
      yearValues: [1500, 1800, 2000, 2200, 2500],
    });
    const y2021 = await figure("330600", "rural_seismic", 2021, 12);
    const y2022 = await figure("330600", "rural_seismic", 2022, 6);
    expect(y2021).toBeGreaterThan(0);
    expect(y2022).toBeGreaterThan(0);
    const done = y2021 + y2022;
    // 2021 owes its whole 1,500; 2022 its 1,800 × 6/12.
    const schedule = (1500 + 1800 * 0.5) / 10_000;
    const body = await progress("region=330600&year=2022&month=6");
    expect(body.plans).toHaveLength(1);
    const [plan] = body.plans;
    expect(plan).toMatchObject({
      indicator: { code: "rural_seismic" },
      region: { code: "330600" },
      fromYear: 2021,
      toYear: 2025,
      total: 10_000,
    });
    expect(plan?.done).toBeCloseTo(done, 6);
    expect(plan?.completion).toBeCloseTo(done / 10_000, 9);
    expect(plan?.schedule).toBeCloseTo(schedule, 9);
    expect(plan?.lag).toBeCloseTo((done / 10_000 - schedule) * 100, 6);
    expect(plan?.years.map((y) => [y.year, y.planned, y.achieved])).toEqual([
      [2021, 1500, y2021],
      [2022, 1800, y2022],
      [2023, 2000, null],
      [2024, 2200, null],
      [2025, 2500, null],
    ]);
    // Before the plan's first year, and after its last, it is not listed.
    expect((await progress("region=330600&year=2020&month=12")).plans).toEqual([]);
    expect((await progress("region=330600&year=2026&month=1")).plans).toEqual([]);
  });

  it("lists the province's own plan first, rolled up from its cities, then its cities' plans", async () => {
    await putPlan({
      indicator: "rural_seismic",
      region: "330000",
      fromYear: 2021,
      toYear: 2025,
      total: 100_000,
    });
    const cities = await queryRows<{ code: string }>(
      t.app.db,
      sql`select code from regions where parent_code = '330000' order by code`,
    );
    let done = 0;
    for (const { code } of cities) {
      done += await figure(code, "rural_seismic", 2021, 12);
      done += await figure(code, "rural_seismic", 2022, 3);
    }
    const body = await progress("region=330000&year=2022&month=3");
    expect(body.plans.map((p) => p.region.code)).toEqual(["330000", "330600"]);
    const [province] = body.plans;
    expect(province?.done).toBeCloseTo(done, 6);
    // An even split: 20,000 a year; 2022 at 3/12.
    expect(province?.schedule).toBeCloseTo((20_000 + 20_000 * 0.25) / 100_000, 9);
  });

  it("lets a bureau read its province's plans and refuses another province's", async () => {
    const wz = await t.as("wz_reporter");
    expect(
      (await wz.inject("/api/plans/progress?region=330000&year=2022&month=6")).statusCode,
    ).toBe(200);
    expect(
      (await wz.inject("/api/plans/progress?region=440000&year=2022&month=6")).statusCode,
    ).toBe(403);
  });
});
