import { describe, expect, it } from "vitest";
import type { Target, TargetPlan } from "../../../../src/schemas/index.js";
import { useTestApp } from "../../../helper.js";

const t = useTestApp();

const put = async (payload: object) =>
  (await t.as("zj_official")).inject({ method: "PUT", url: "/api/targets/plans", payload });

describe("multi-year plans", () => {
  it("splits a 2021–2025 total evenly in whole units and writes each year's target", async () => {
    const res = await put({
      indicator: "rural_seismic",
      region: "330100",
      fromYear: 2021,
      toYear: 2025,
      total: 10_002,
    });
    expect(res.statusCode, res.body).toBe(200);
    const { plan, targets }: { plan: TargetPlan; targets: Target[] } = res.json();
    expect(plan).toMatchObject({ fromYear: 2021, toYear: 2025, total: 10_002 });
    expect(plan.yearValues).toEqual([2000, 2000, 2000, 2001, 2001]);
    expect(targets.map((x) => [x.year, x.value, x.dueMonth])).toEqual([
      [2021, 2000, 12],
      [2022, 2000, 12],
      [2023, 2000, 12],
      [2024, 2001, 12],
      [2025, 2001, 12],
    ]);
    const listed = (await t.api.inject("/api/targets/plans?region=330100")).json().plans;
    expect(listed).toEqual([expect.objectContaining({ yearValues: plan.yearValues })]);
  });

  it("takes a breakdown of its own, replaces the plan, keeps each year's due month", async () => {
    const first = await put({
      indicator: "manhole_rectification",
      region: "330200",
      fromYear: 2021,
      toYear: 2023,
      total: 30,
    });
    const y2022 = first.json().targets.find((x: Target) => x.year === 2022);
    await t.api.inject({
      method: "PATCH",
      url: `/api/targets/${y2022.id}`,
      payload: { dueMonth: 6 },
    });
    const res = await put({
      indicator: "manhole_rectification",
      region: "330200",
      fromYear: 2021,
      toYear: 2023,
      total: 30,
      yearValues: [5, 10, 15],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().targets.map((x: Target) => [x.value, x.dueMonth])).toEqual([
      [5, 12],
      [10, 6],
      [15, 12],
    ]);
    const plans = (
      await t.api.inject("/api/targets/plans?region=330200&indicator=manhole_rectification")
    ).json().plans;
    expect(plans).toHaveLength(1);
  });

  it("splits a decimal total in hundredths", async () => {
    const res = await put({
      indicator: "gas_pipe_renewal",
      region: "330300",
      fromYear: 2021,
      toYear: 2023,
      total: 100,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().plan.yearValues).toEqual([33.33, 33.33, 33.34]);
  });

  it.each([
    [{ yearValues: [1, 2] }, "yearValues"],
    [{ yearValues: [1, 1, 1, 1, 1] }, "yearValues"],
    [{ yearValues: [2, 2, 2, 2, 1.5] }, "yearValues"],
    [{ total: 10.5 }, "total"],
    [{ toYear: 2020 }, "toYear"],
    [{ indicator: "prefab_share", total: 0.3 }, "indicator"],
    [{ region: "999999" }, "region"],
  ])("refuses %j with 400 on %s and writes no target", async (change, field) => {
    const before = (await t.api.inject("/api/targets?region=330400")).json().targets;
    const res = await put({
      indicator: "rural_seismic",
      region: "330400",
      fromYear: 2021,
      toYear: 2025,
      total: 9.5 + 0.5,
      ...change,
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().field).toBe(field);
    expect((await t.api.inject("/api/targets?region=330400")).json().targets).toEqual(before);
  });

  it("refuses a plan overlapping another with 409", async () => {
    await put({
      indicator: "rural_seismic",
      region: "330500",
      fromYear: 2021,
      toYear: 2025,
      total: 5,
    });
    const res = await put({
      indicator: "rural_seismic",
      region: "330500",
      fromYear: 2024,
      toYear: 2026,
      total: 3,
    });
    expect(res.statusCode).toBe(409);
  });

  it("is for the province of the region", async () => {
    const gd = await t.as("gd_official");
    const res = await gd.inject({
      method: "PUT",
      url: "/api/targets/plans",
      payload: {
        indicator: "rural_seismic",
        region: "330600",
        fromYear: 2021,
        toYear: 2022,
        total: 2,
      },
    });
    expect(res.statusCode).toBe(403);
    const leader = await t.as("zj_leader");
    expect((await leader.inject("/api/targets/plans?region=330000")).statusCode).toBe(200);
  });
});
