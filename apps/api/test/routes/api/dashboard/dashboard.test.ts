import { describe, expect, it } from "vitest";
import type {
  LaggingResponse,
  MatrixResponse,
  OverviewResponse,
  TrendResponse,
} from "../../../../src/schemas/index.js";
import { useTestApp } from "../../../helper.js";

const t = useTestApp();

async function get<T>(url: string): Promise<T> {
  const res = await t.api.inject({ url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe("GET /api/overview", () => {
  it("Guangdong Q1 2020: the shantytown tile shows 72.3% against 25% with its monthly series", async () => {
    const body = await get<OverviewResponse>("/api/overview?region=440000&year=2020&month=3");
    expect(body.tiles).toHaveLength(19);
    const tile = body.tiles.find((x) => x.indicator.code === "shantytown_starts");
    expect(tile?.line.completion?.toFixed(3)).toBe("0.723");
    expect(tile?.line.schedule).toBe(0.25);
    expect(tile?.series.map((p) => p.month)).toEqual([1, 2, 3]);
    expect(tile?.series[2]?.actual).toBe(7899);
    const series = tile?.series.map((p) => p.actual as number) ?? [];
    expect(series).toEqual([...series].sort((a, b) => a - b));
    const counts = tile?.children;
    expect(Object.values(counts ?? {}).reduce((a, b) => a + b, 0)).toBe(21);
    expect(Object.values(body.regions).reduce((a, b) => a + b, 0)).toBe(21);
  });

  it("lists the five worst lags, worst first, each behind schedule", async () => {
    const body = await get<OverviewResponse>("/api/overview?region=330000&year=2020&month=10");
    expect(body.worst).toHaveLength(5);
    const lags = body.worst.map((w) => w.line.lag as number);
    expect(lags).toEqual([...lags].sort((a, b) => a - b));
    expect(body.worst[0]?.indicator.code).toBe("prefab_share");
    expect(body.worst[0]?.line.region.code).toBe("331100");
  });
});

describe("GET /api/matrix", () => {
  it("gives every child region a cell per indicator, matching the progress lines", async () => {
    const body = await get<MatrixResponse>("/api/matrix?parent=330000&year=2020&month=10");
    expect(body.rows).toHaveLength(11);
    for (const row of body.rows) expect(row.cells).toHaveLength(body.indicators.length);
    const column = body.indicators.findIndex((i) => i.code === "prefab_share");
    const red = body.rows
      .filter((r) => r.cells[column]?.status === "red")
      .map((r) => r.region.code);
    expect(red.sort()).toEqual(["330300", "330700", "331100"]);
  });
});

describe("GET /api/trend", () => {
  it("follows a city month by month against the target pace", async () => {
    const body = await get<TrendResponse>(
      "/api/trend?indicator=shantytown_starts&region=440100&year=2020",
    );
    expect(body.points).toHaveLength(12);
    expect(body.target).toBeGreaterThan(0);
    expect(body.points[11]?.pace).toBeCloseTo(body.target as number, 9);
    expect(body.points[2]?.pace).toBeCloseTo((body.target as number) * 0.25, 9);
  });

  it("rolls a province up from its cities each month", async () => {
    const body = await get<TrendResponse>(
      "/api/trend?indicator=shantytown_starts&region=440000&year=2020",
    );
    expect(body.points[2]?.actual).toBe(7899);
  });

  it("Wenzhou's prefab share stays red all 2020", async () => {
    const body = await get<TrendResponse>(
      "/api/trend?indicator=prefab_share&region=330300&year=2020",
    );
    expect(body.points.every((p) => p.status === "red")).toBe(true);
    expect(body.points.every((p) => p.pace === 0.2)).toBe(true);
  });
});

describe("GET /api/lagging streaks", () => {
  it("counts how many months in a row a region has lagged", async () => {
    const body = await get<LaggingResponse>("/api/lagging?parent=330000&year=2020&month=10");
    const lishui = body.items.find(
      (i) => i.indicator.code === "prefab_share" && i.line.region.code === "331100",
    );
    expect(lishui?.monthsBehind).toBe(10);
    for (const item of body.items) {
      expect(item.monthsBehind).toBeGreaterThanOrEqual(1);
      expect(item.monthsBehind).toBeLessThanOrEqual(10);
    }
  });
});

describe("dashboard input errors", () => {
  it.each([
    "/api/overview?region=999999&year=2020&month=3",
    "/api/overview?region=440000&year=2020&month=13",
    "/api/matrix?parent=440000&year=1800&month=3",
    "/api/trend?indicator=nope&region=440000&year=2020",
    "/api/trend?indicator=prefab_share&region=440000",
  ])("%s → 400", async (url) => {
    const res = await t.api.inject({ url });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBeTruthy();
  });
});

describe("caching", () => {
  it("answers a repeated request from its ETag, and a change makes a new one", async () => {
    const url = "/api/progress?indicator=rural_seismic&parent=330000&year=2022&month=5";
    const first = await t.api.inject(url);
    const etag = first.headers.etag as string;
    // The data version as heard: "41", "41~2" (two heard out of order), "41.1" (one late).
    expect(etag).toMatch(/^W\/"\d+(~\d+)?(\.\d+)?"$/);
    const again = await t.api.inject({ url, headers: { "if-none-match": etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe("");
    const cached = await t.api.inject(url);
    expect(cached.json()).toEqual(first.json());

    const month = "/api/submissions/330300/2022/5";
    let version = (await t.api.inject(month)).json().version;
    version = (
      await t.api.inject({
        method: "POST",
        url: `${month}/reopen`,
        payload: { version, reason: "更正" },
      })
    ).json().version;
    const line = first
      .json()
      .children.find((c: { region: { code: string } }) => c.region.code === "330300");
    const saved = await t.api.inject({
      method: "PUT",
      url: month,
      payload: {
        baseVersion: version,
        entries: [{ indicator: "rural_seismic", value: line.actual + 1 }],
      },
    });
    version = saved.json().version;
    version = (
      await t.api.inject({ method: "POST", url: `${month}/submit`, payload: { version } })
    ).json().version;
    // Four eyes: another official approves what this one entered.
    const approver = await t.as("zj_official");
    await approver.inject({ method: "POST", url: `${month}/approve`, payload: { version } });

    const after = await t.api.inject({ url, headers: { "if-none-match": etag } });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    const wenzhou = after
      .json()
      .children.find((c: { region: { code: string } }) => c.region.code === "330300");
    expect(wenzhou.actual).toBe(line.actual + 1);
  });
});
