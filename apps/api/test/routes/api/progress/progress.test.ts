import { describe, expect, it } from "vitest";
import type { LaggingResponse, ProgressResponse, Report } from "../../../../src/schemas/index.js";
import { useTestApp } from "../../../helper.js";

const t = useTestApp();

async function progress(query: string): Promise<ProgressResponse> {
  const res = await t.api.inject({ method: "GET", url: `/api/progress?${query}` });
  expect(res.statusCode).toBe(200);
  return res.json();
}

describe("GET /api/progress", () => {
  it("Guangdong Q1 2020: 7,899 shantytown starts, 72.3% of target against 25% schedule", async () => {
    const body = await progress("indicator=shantytown_starts&parent=440000&year=2020&month=3");
    expect(body.parent.region).toEqual({
      code: "440000",
      nameZh: "广东省",
      nameEn: "Guangdong",
      level: "province",
    });
    expect(body.parent.actual).toBe(7899);
    expect(body.parent.completion?.toFixed(3)).toBe("0.723");
    expect(body.parent.schedule).toBe(0.25);
    expect(body.parent.status).toBe("green");
    expect(body.children).toHaveLength(21);
    expect(body.children.reduce((s, c) => s + (c.actual ?? 0), 0)).toBe(7899);
  });

  it("Guangdong Q1 2020: rental subsidies at 79.2%, basic completions at 34.5%", async () => {
    const rental = await progress("indicator=rental_subsidy&parent=440000&year=2020&month=3");
    expect(rental.parent.completion?.toFixed(3)).toBe("0.792");
    const completions = await progress(
      "indicator=shantytown_completions&parent=440000&year=2020&month=3",
    );
    expect(completions.parent.completion?.toFixed(3)).toBe("0.345");
  });

  it("Zhejiang, October 2020: Wenzhou, Jinhua and Lishui are red on prefab share", async () => {
    const body = await progress("indicator=prefab_share&parent=330000&year=2020&month=10");
    const red = body.children.filter((c) => c.status === "red").map((c) => c.region.nameEn);
    expect(red.sort()).toEqual(["Jinhua", "Lishui", "Wenzhou"]);
    expect(body.parent.schedule).toBe(1);
    for (const c of body.children) expect(c.schedule).toBe(1);
    const ranks = body.children.map((c) => c.rank).sort((a, b) => (a ?? 0) - (b ?? 0));
    expect(ranks).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    const lishui = body.children.find((c) => c.region.code === "331100");
    expect(lishui?.rank).toBeGreaterThanOrEqual(9);
  });

  it("a province share equals summed city numerators over summed city denominators", async () => {
    const body = await progress("indicator=prefab_share&parent=330000&year=2020&month=10");
    const res = await t.api.inject({
      url: "/api/reports?indicator=prefab_share&year=2020&month=10",
    });
    const cities = (res.json().reports as Report[]).filter((r) => r.region.startsWith("33"));
    expect(cities).toHaveLength(11);
    const num = cities.reduce((s, r) => s + (r.numerator ?? 0), 0);
    const den = cities.reduce((s, r) => s + (r.denominator ?? 0), 0);
    expect(body.parent.numerator).toBeCloseTo(num, 6);
    expect(body.parent.denominator).toBeCloseTo(den, 6);
    expect(body.parent.actual).toBeCloseTo(num / den, 12);
    const meanOfShares =
      cities.reduce((s, r) => s + (r.numerator ?? 0) / (r.denominator ?? 1), 0) / 11;
    expect(Math.abs((body.parent.actual ?? 0) - meanOfShares)).toBeGreaterThan(1e-4);
  });

  it("an approved city figure moves the province roll-up", async () => {
    const before = await progress("indicator=prefab_share&parent=330000&year=2021&month=6");
    const wenzhou = before.children.find((c) => c.region.code === "330300");
    const month = "/api/submissions/330300/2021/6";
    const post = (path: string, payload: object) =>
      t.api.inject({ method: "POST", url: path, payload });
    let version = (await t.api.inject({ url: month })).json().version;
    version = (await post(`${month}/reopen`, { version, reason: "补充数据" })).json().version;
    const saved = await t.api.inject({
      method: "PUT",
      url: month,
      payload: {
        baseVersion: version,
        entries: [
          {
            indicator: "prefab_share",
            numerator: (wenzhou?.numerator ?? 0) + 100,
            denominator: (wenzhou?.denominator ?? 0) + 100,
          },
        ],
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    version = (await post(`${month}/submit`, { version: saved.json().version })).json().version;
    // Four eyes: another official approves what this one entered.
    const approver = await t.as("zj_official");
    const approved = await approver.inject({
      method: "POST",
      url: `${month}/approve`,
      payload: { version },
    });
    expect(approved.statusCode, approved.body).toBe(200);
    const after = await progress("indicator=prefab_share&parent=330000&year=2021&month=6");
    expect(after.parent.numerator).toBeCloseTo((before.parent.numerator ?? 0) + 100, 6);
    expect(after.parent.denominator).toBeCloseTo((before.parent.denominator ?? 0) + 100, 6);
  });

  it("Shanxi 2020: 8,994 households due in May — the schedule is full from May on", async () => {
    const april = await progress("indicator=rural_dilapidated&parent=140000&year=2020&month=4");
    expect(april.parent.target).toBe(8994);
    expect(april.parent.dueMonth).toBe(5);
    expect(april.parent.schedule).toBeLessThan(1);
    const june = await progress("indicator=rural_dilapidated&parent=140000&year=2020&month=6");
    expect(june.parent.schedule).toBe(1);
  });

  it("level indicators use the province's own figure, not a sum", async () => {
    const body = await progress("indicator=approval_days&parent=330000&year=2022&month=6");
    const sum = body.children.reduce((s, c) => s + (c.actual ?? 0), 0);
    expect(body.parent.actual).not.toBeNull();
    expect(body.parent.actual).toBeLessThan(sum / 5);
    expect(body.parent.asOfMonth).toBe(6);
  });

  it.each([
    ["indicator=prefab_share&parent=330000&year=2020&month=13", "month"],
    ["indicator=prefab_share&parent=330000&year=2020&month=0", "month"],
    ["indicator=prefab_share&parent=330000&year=twenty&month=3", "year"],
    ["indicator=prefab_share&parent=33&year=2020&month=3", "parent"],
    ["indicator=nope&parent=330000&year=2020&month=3", "indicator"],
    ["indicator=prefab_share&parent=999999&year=2020&month=3", "parent"],
    ["parent=330000&year=2020&month=3", "indicator"],
    ["indicator=prefab_share&parent=330000&year=2020&month=3&extra=1", ""],
  ])("rejects %s with 400 naming %s", async (query, field) => {
    const res = await t.api.inject({ url: `/api/progress?${query}` });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.message).toBeTruthy();
    if (field) expect(body.field).toBe(field);
  });
});

describe("GET /api/lagging", () => {
  it("lists regions behind schedule across indicators, worst first", async () => {
    const res = await t.api.inject({ url: "/api/lagging?parent=330000&year=2020&month=10" });
    expect(res.statusCode).toBe(200);
    const body: LaggingResponse = res.json();
    expect(body.items.length).toBeGreaterThan(3);
    const lags = body.items.map((i) => i.line.lag as number);
    expect(lags).toEqual([...lags].sort((a, b) => a - b));
    for (const item of body.items) {
      expect(item.line.lag).toBeLessThan(0);
      expect(["yellow", "red"]).toContain(item.line.status);
    }
    const prefab = body.items.filter(
      (i) => i.indicator.code === "prefab_share" && i.line.status === "red",
    );
    expect(prefab.map((i) => i.line.region.code).sort()).toEqual(["330300", "330700", "331100"]);
  });

  it("rejects an unknown region and a bad month", async () => {
    expect(
      (await t.api.inject({ url: "/api/lagging?parent=999999&year=2020&month=10" })).statusCode,
    ).toBe(400);
    expect(
      (await t.api.inject({ url: "/api/lagging?parent=330000&year=2020&month=13" })).statusCode,
    ).toBe(400);
  });
});
