import { queryRows } from "@jindu/db";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { SubmissionView } from "../../../../src/schemas/index.js";
import { type Client, useTestApp } from "../../../helper.js";
import { templateCodes } from "../../../spreadsheet-helpers.js";

const t = useTestApp();

let zhejiang: Client;
let guangdong: Client;
let wenzhou: Client;
let hangzhou: Client;

const LIST = "/api/task-lists/330000/2026";
const form = (region: string, month = 10) => `/api/submissions/${region}/2026/${month}`;

/** Zhejiang's 2026 list: 棚改 for every region, the prefab share for Hangzhou alone. */
const ITEMS = [
  { indicatorCode: "shantytown_starts", regions: null },
  { indicatorCode: "prefab_share", regions: ["330100"] },
];

async function formOf(client: Client, region: string): Promise<SubmissionView> {
  const res = await client.inject(form(region));
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const codesOn = (v: SubmissionView) => v.entries.map((e) => e.indicator.code);

beforeAll(async () => {
  zhejiang = await t.as("zj_official");
  guangdong = await t.as("gd_official");
  wenzhou = await t.as("wz_reporter");
  hangzhou = await t.as("hz_reporter");
  // Targets for 2026, Wenzhou's prefab share included: a target alone does not put a region
  // on the task list.
  for (const [indicator, region, value] of [
    ["shantytown_starts", "330100", 1200],
    ["shantytown_starts", "330300", 2400],
    ["prefab_share", "330100", 0.4],
    ["prefab_share", "330300", 0.3],
  ] as const) {
    const res = await zhejiang.inject({
      method: "POST",
      url: "/api/targets",
      payload: { indicator, region, year: 2026, value },
    });
    expect(res.statusCode, res.body).toBeLessThan(300);
  }
});

describe("a province's annual task list (年度目标任务清单)", () => {
  it("is absent until set, and then everything in force is asked as before", async () => {
    const res = await zhejiang.inject(LIST);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ listed: false, items: [] });
    expect(codesOn(await formOf(wenzhou, "330300"))).toContain("prefab_share");
  });

  it("is set by the province's own officials only, with every bad item named", async () => {
    const foreign = await guangdong.inject({ method: "PUT", url: LIST, payload: { items: ITEMS } });
    expect(foreign.statusCode).toBe(403);
    const bureau = await wenzhou.inject({ method: "PUT", url: LIST, payload: { items: ITEMS } });
    expect(bureau.statusCode).toBe(403);

    const bad = await zhejiang.inject({
      method: "PUT",
      url: LIST,
      payload: {
        items: [
          { indicatorCode: "prefab_share", regions: ["440100"] },
          { indicatorCode: "no_such_task", regions: null },
        ],
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad.json().problems.map((p: { field: string; rule: string }) => [p.field, p.rule]),
    ).toEqual([
      ["items.0.regions", "outside_province"],
      ["items.1.indicatorCode", "unknown_indicator"],
    ]);
    expect((await zhejiang.inject(LIST)).json().listed).toBe(false);

    const saved = await zhejiang.inject({ method: "PUT", url: LIST, payload: { items: ITEMS } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ listed: true, items: ITEMS, listedYears: [2026] });

    const audit = await queryRows<{ entity_id: string; result: string }>(
      t.database.db,
      sql`select entity_id, result from audit_log where entity = 'task_list'`,
    );
    expect(audit).toContainEqual({ entity_id: "330000/2026", result: "success" });
  });

  it("asks a region only for what the list gives it, and never counts the rest missing", async () => {
    const wz = await formOf(wenzhou, "330300");
    expect(codesOn(wz)).toEqual(["shantytown_starts"]);
    const hz = await formOf(hangzhou, "330100");
    expect(codesOn(hz)).toEqual(["shantytown_starts", "prefab_share"]);

    // A figure for a task the region does not carry is refused, by name.
    const refused = await wenzhou.inject({
      method: "PUT",
      url: form("330300"),
      payload: {
        baseVersion: 0,
        entries: [{ indicator: "prefab_share", numerator: 3, denominator: 10 }],
      },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().rule).toBe("not_assigned");

    // Wenzhou's month is whole with 棚改 alone: its prefab target is not on its list.
    const saved = await wenzhou.inject({
      method: "PUT",
      url: form("330300"),
      payload: { baseVersion: 0, entries: [{ indicator: "shantytown_starts", value: 200 }] },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const savedView: SubmissionView = saved.json();
    expect(savedView.submitProblems).toEqual([]);
    const submitted = await wenzhou.inject({
      method: "POST",
      url: `${form("330300")}/submit`,
      payload: { version: savedView.version },
    });
    expect(submitted.statusCode, submitted.body).toBe(200);

    // Hangzhou carries both: without its prefab share the month stays a draft.
    const partial = await hangzhou.inject({
      method: "PUT",
      url: form("330100"),
      payload: { baseVersion: 0, entries: [{ indicator: "shantytown_starts", value: 100 }] },
    });
    expect(partial.statusCode, partial.body).toBe(200);
    expect((partial.json() as SubmissionView).submitProblems.map((p) => p.rule)).toContain(
      "partial_month",
    );
  });

  it("the matrix, progress, decomposition and import template follow the list", async () => {
    const matrix = await zhejiang.inject("/api/matrix?parent=330000&year=2026&month=10");
    expect(matrix.statusCode, matrix.body).toBe(200);
    const cell = (region: string, indicator: string) =>
      matrix
        .json()
        .rows.find((r: { region: { code: string } }) => r.region.code === region)
        ?.cells.find((c: { indicator: string }) => c.indicator === indicator);
    expect(cell("330300", "prefab_share").assigned).toBe(false);
    expect(cell("330100", "prefab_share").assigned).toBe(true);
    expect(cell("330300", "shantytown_starts").assigned).toBe(true);
    // Indicators off the list are not columns at all.
    expect(matrix.json().indicators.map((i: { code: string }) => i.code)).toEqual([
      "shantytown_starts",
      "prefab_share",
    ]);

    const progress = await zhejiang.inject(
      "/api/progress?indicator=prefab_share&parent=330000&year=2026&month=10",
    );
    const line = (region: string) =>
      progress.json().children.find((c: { region: { code: string } }) => c.region.code === region);
    expect(line("330300").target).toBeNull();
    expect(line("330100").target).toBeCloseTo(0.4, 9);

    // The target is split only to the cities that carry the task.
    const split = await zhejiang.inject(
      "/api/targets/decomposition?parent=330000&indicator=prefab_share&year=2026",
    );
    expect(split.statusCode, split.body).toBe(200);
    expect(split.json().children.map((c: { region: string }) => c.region)).toEqual(["330100"]);
    const toWenzhou = await zhejiang.inject({
      method: "PUT",
      url: "/api/targets/decomposition",
      payload: {
        parent: "330000",
        indicator: "prefab_share",
        year: 2026,
        children: [{ region: "330300", value: 0.3 }],
      },
    });
    expect(toWenzhou.statusCode).toBe(400);
    expect(toWenzhou.json().rule).toBe("not_assigned");

    const codes = await templateCodes(zhejiang, "parent=330000&year=2026&month=10");
    expect(codes).toContain("shantytown_starts");
    expect(codes).toContain("prefab_share.numerator");
    expect(codes).not.toContain("rural_dilapidated");
  });

  it("completeness chases only regions that carry a task", async () => {
    const before = (
      await zhejiang.inject("/api/completeness?parent=330000&year=2026&month=10")
    ).json();
    const chased = before.chase.map((r: { code: string }) => r.code);
    expect(chased).toContain("330200");
    expect(chased).not.toContain("330300"); // it submitted

    // Only Hangzhou carries anything now: Ningbo owes nothing, Wenzhou still counts (it reported).
    const narrow = await zhejiang.inject({
      method: "PUT",
      url: LIST,
      payload: { items: [{ indicatorCode: "prefab_share", regions: ["330100"] }] },
    });
    expect(narrow.statusCode, narrow.body).toBe(200);
    const after = (
      await zhejiang.inject("/api/completeness?parent=330000&year=2026&month=10")
    ).json();
    expect(after.regions.map((r: { region: { code: string } }) => r.region.code).sort()).toEqual([
      "330100",
      "330300",
    ]);
    expect(after.chase.map((r: { code: string }) => r.code)).toEqual(["330100"]);
    expect(after.summary.total).toBe(2);
  });

  it("starts next year's list as a copy, and leaves other provinces alone", async () => {
    const copied = await zhejiang.inject({
      method: "POST",
      url: "/api/task-lists/330000/2027/copy",
      payload: { fromYear: 2026 },
    });
    expect(copied.statusCode, copied.body).toBe(200);
    expect(copied.json()).toMatchObject({
      year: 2027,
      listed: true,
      items: [{ indicatorCode: "prefab_share", regions: ["330100"] }],
      listedYears: [2027, 2026],
    });
    const nothing = await zhejiang.inject({
      method: "POST",
      url: "/api/task-lists/330000/2028/copy",
      payload: { fromYear: 2019 },
    });
    expect(nothing.statusCode).toBe(400);

    expect((await guangdong.inject("/api/task-lists/440000/2026")).json().listed).toBe(false);
    const gdMatrix = (
      await guangdong.inject("/api/matrix?parent=440000&year=2026&month=10")
    ).json();
    expect(gdMatrix.indicators.length).toBeGreaterThan(2);

    // An empty list removes it: everything is asked again.
    const cleared = await zhejiang.inject({
      method: "PUT",
      url: "/api/task-lists/330000/2027",
      payload: { items: [] },
    });
    expect(cleared.json()).toMatchObject({ listed: false, listedYears: [2026] });
  });
});
