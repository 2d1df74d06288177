import { schema } from "@jindu/db";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type {
  Decomposition,
  MatrixResponse,
  ProfilesResponse,
  ProgressResponse,
  TrendResponse,
} from "../../../../src/schemas/index.js";
import { useTestApp } from "../../../helper.js";

const t = useTestApp();

// Zhejiang's own pace for shantytown starts: a slow first quarter (10% by the end of March).
const ZHEJIANG = [0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];
const PROFILE_URL = "/api/indicators/shantytown_starts/profiles";

async function get<T>(url: string): Promise<T> {
  const res = await t.api.inject({ url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const progress = (parent: string) =>
  get<ProgressResponse>(
    `/api/progress?indicator=shantytown_starts&parent=${parent}&year=2020&month=3`,
  );
const lineOf = (body: ProgressResponse, region: string) => {
  const line = body.children.find((c) => c.region.code === region);
  if (!line) throw new Error(`no line for ${region}`);
  return line;
};

describe("provinces' own seasonal profiles", () => {
  it("a province profile overrides the national one only in that province", async () => {
    // Before: no profile anywhere, an even pace (25% by March) in both provinces.
    const wenzhouBefore = lineOf(await progress("330000"), "330300");
    const guangzhouBefore = lineOf(await progress("440000"), "440100");
    expect(wenzhouBefore).toMatchObject({ schedule: 0.25, pace: "even" });
    expect(guangzhouBefore).toMatchObject({ schedule: 0.25, pace: "even" });
    expect(wenzhouBefore.completion).not.toBeNull();

    const zhejiang = await t.as("zj_official");
    const set = await zhejiang.inject({
      method: "PUT",
      url: `${PROFILE_URL}/330000`,
      payload: { profile: ZHEJIANG },
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({
      indicator: "shantytown_starts",
      province: "330000",
      profile: ZHEJIANG,
      updatedBy: "zj_official",
    });

    // Wenzhou's schedule and lag follow Zhejiang's profile; Guangzhou's do not move.
    const zj = await progress("330000");
    const wenzhou = lineOf(zj, "330300");
    expect(wenzhou).toMatchObject({ schedule: 0.1, pace: "province" });
    expect(wenzhou.completion).toBe(wenzhouBefore.completion);
    expect(wenzhou.lag).toBeCloseTo((wenzhouBefore.completion as number) * 100 - 10, 9);
    expect(zj.parent).toMatchObject({ schedule: 0.1, pace: "province" });
    const guangzhou = lineOf(await progress("440000"), "440100");
    expect(guangzhou).toEqual(guangzhouBefore);

    // Every other path agrees: the matrix, the trend chart, the decomposition.
    const matrix = await get<MatrixResponse>("/api/matrix?parent=330000&year=2020&month=3");
    const column = matrix.indicators.findIndex((i) => i.code === "shantytown_starts");
    const cell = matrix.rows.find((r) => r.region.code === "330300")?.cells[column];
    expect(cell?.lag).toBeCloseTo(wenzhou.lag as number, 9);
    const trend = await get<TrendResponse>(
      "/api/trend?indicator=shantytown_starts&region=330300&year=2020",
    );
    expect(trend.schedulePace).toBe("province");
    expect(trend.points.map((p) => p.schedule)).toEqual(ZHEJIANG);
    const gdTrend = await get<TrendResponse>(
      "/api/trend?indicator=shantytown_starts&region=440100&year=2020",
    );
    expect(gdTrend.schedulePace).toBe("even");
    expect(gdTrend.points[2]?.schedule).toBe(0.25);

    // Zhejiang sees its own profile beside the national default; Guangdong sees none of it.
    const mine: ProfilesResponse = (await zhejiang.inject(PROFILE_URL)).json();
    expect(mine).toMatchObject({ national: null, provinces: [{ province: "330000" }] });
    const theirs: ProfilesResponse = (await (await t.as("gd_official")).inject(PROFILE_URL)).json();
    expect(theirs.provinces).toEqual([]);
  });

  it("a target marked linear follows the even pace despite the profile", async () => {
    const zhejiang = await t.as("zj_official");
    const listed = await zhejiang.inject(
      "/api/targets?indicator=shantytown_starts&region=330300&year=2020",
    );
    const [target] = listed.json().targets;
    expect(target.linear).toBe(false);
    const patched = await zhejiang.inject({
      method: "PATCH",
      url: `/api/targets/${target.id}`,
      payload: { linear: true },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ linear: true, value: target.value });

    const zj = await progress("330000");
    expect(lineOf(zj, "330300")).toMatchObject({ schedule: 0.25, pace: "linear" });
    expect(lineOf(zj, "330100")).toMatchObject({ schedule: 0.1, pace: "province" });
    const trend = await get<TrendResponse>(
      "/api/trend?indicator=shantytown_starts&region=330300&year=2020",
    );
    expect(trend.schedulePace).toBe("linear");
    expect(trend.points.map((p) => p.schedule)).toEqual(
      Array.from({ length: 12 }, (_, i) => (i + 1) / 12),
    );

    // The decomposition names each region's pace, and sets linear too (absent: left as it is).
    const decomposition = await get<Decomposition>(
      "/api/targets/decomposition?parent=330000&indicator=shantytown_starts&year=2020",
    );
    expect(decomposition.parent.pace).toBe("province");
    const paces = new Map(decomposition.children.map((c) => [c.region, c.pace]));
    expect(paces.get("330300")).toBe("linear");
    expect(paces.get("330100")).toBe("province");
    const hangzhou = decomposition.children.find((c) => c.region === "330100");
    const wenzhou = decomposition.children.find((c) => c.region === "330300");
    const saved = await zhejiang.inject({
      method: "PUT",
      url: "/api/targets/decomposition",
      payload: {
        parent: "330000",
        indicator: "shantytown_starts",
        year: 2020,
        children: [
          { region: "330100", value: hangzhou?.target?.value, linear: true },
          { region: "330300", value: wenzhou?.target?.value },
        ],
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const after: Decomposition = saved.json();
    expect(after.changed).toBe(1);
    const pacesAfter = new Map(after.children.map((c) => [c.region, c.pace]));
    expect(pacesAfter.get("330100")).toBe("linear");
    expect(pacesAfter.get("330300")).toBe("linear");
  });

  it("is the province's own or the country's: Guangdong may not set Zhejiang's (403); each change audited", async () => {
    const guangdong = await t.as("gd_official");
    const refused = await guangdong.inject({
      method: "PUT",
      url: `${PROFILE_URL}/330000`,
      payload: { profile: ZHEJIANG.map(() => 1) },
    });
    expect(refused.statusCode).toBe(403);
    const refusedDelete = await guangdong.inject({
      method: "DELETE",
      url: `${PROFILE_URL}/330000`,
    });
    expect(refusedDelete.statusCode).toBe(403);
    for (const user of ["zj_leader", "wz_reporter"]) {
      const res = await (await t.as(user)).inject({
        method: "PUT",
        url: `${PROFILE_URL}/330000`,
        payload: { profile: ZHEJIANG },
      });
      expect(res.statusCode, user).toBe(403);
    }
    // Zhejiang's profile stands.
    expect(lineOf(await progress("330000"), "330200").pace).toBe("province");

    // A national official may set any province's.
    const national = await t.api.inject({
      method: "PUT",
      url: `${PROFILE_URL}/440000`,
      payload: { profile: ZHEJIANG },
    });
    expect(national.statusCode, national.body).toBe(200);
    expect(lineOf(await progress("440000"), "440100")).toMatchObject({
      schedule: 0.1,
      pace: "province",
    });

    const rows = await t.database.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.entity, "province-profile"));
    const zhejiangSet = rows.find(
      (r) => r.username === "zj_official" && r.entityId === "shantytown_starts/330000",
    );
    expect(zhejiangSet).toMatchObject({ result: "success", oldValue: null });
    expect(zhejiangSet?.newValue).toMatchObject({ profile: ZHEJIANG });
    expect(rows.filter((r) => r.username === "gd_official" && r.result === "denied")).toHaveLength(
      2,
    );
    expect(rows.find((r) => r.username === "national")?.entityId).toBe("shantytown_starts/440000");
  });

  it.each([
    [`${PROFILE_URL}/330000`, { profile: ZHEJIANG.slice(0, 11) }, "profile"],
    [`${PROFILE_URL}/330000`, { profile: [...ZHEJIANG.slice(0, 11), 0.9] }, "profile"],
    [`${PROFILE_URL}/330000`, { profile: [0.5, 0.4, ...ZHEJIANG.slice(2)] }, "profile"],
    [`${PROFILE_URL}/330000`, { profile: null }, "profile"],
    [`${PROFILE_URL}/330300`, { profile: ZHEJIANG }, "province"],
    [`${PROFILE_URL}/990000`, { profile: ZHEJIANG }, "province"],
    ["/api/indicators/no_such/profiles/330000", { profile: ZHEJIANG }, "code"],
  ])("refuses PUT %s %j with 400 on %s", async (url, payload, field) => {
    const res = await t.api.inject({ method: "PUT", url, payload });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().field).toMatch(new RegExp(`^${field}`));
  });

  it("DELETE puts the province back on the national profile; 404 when it has none", async () => {
    const zhejiang = await t.as("zj_official");
    const removed = await zhejiang.inject({ method: "DELETE", url: `${PROFILE_URL}/330000` });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(lineOf(await progress("330000"), "330200")).toMatchObject({
      schedule: 0.25,
      pace: "even",
    });
    const national = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1];
    const set = await t.api.inject({
      method: "PUT",
      url: "/api/indicators/shantytown_starts/profile",
      payload: { profile: national },
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(lineOf(await progress("330000"), "330200")).toMatchObject({
      schedule: 0.2,
      pace: "national",
    });
    // Guangdong keeps its own.
    expect(lineOf(await progress("440000"), "440100").pace).toBe("province");
    const again = await zhejiang.inject({ method: "DELETE", url: `${PROFILE_URL}/330000` });
    expect(again.statusCode).toBe(404);
  });
});
