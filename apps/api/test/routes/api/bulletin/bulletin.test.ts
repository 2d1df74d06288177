import { rankByScore } from "@jindu/domain";
import type ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type {
  BulletinResponse,
  CompletenessResponse,
  LaggingResponse,
  OverviewResponse,
  ProgressResponse,
} from "../../../../src/schemas/index.js";
import { useTestApp } from "../../../helper.js";
import { loadWorkbook } from "../../../spreadsheet-helpers.js";

const t = useTestApp();

async function get<T>(url: string): Promise<T> {
  const res = await t.api.inject({ url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const bulletin = (region: string, year: number, month: number) =>
  get<BulletinResponse>(`/api/bulletin?region=${region}&year=${year}&month=${month}`);

/** A sheet's rows as plain values, 1-based rows dropped to a 0-based array. */
function rowsOf(sheet: ExcelJS.Worksheet | undefined): unknown[][] {
  if (!sheet) throw new Error("no such sheet");
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const values: unknown[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) values.push(row.getCell(c).value ?? null);
    rows[n - 1] = values;
  });
  return Array.from(rows, (r) => r ?? []);
}

describe("GET /api/bulletin", () => {
  it("Guangdong Q1 2020: the document's figures, against 25% of the year", async () => {
    const body = await bulletin("440000", 2020, 3);
    expect(body.region.nameZh).toBe("广东省");
    expect(body.indicators).toHaveLength(19);
    const line = (code: string) => body.indicators.find((x) => x.indicator.code === code)?.line;
    expect(line("shantytown_starts")).toMatchObject({
      actual: 7899,
      target: 10925,
      schedule: 0.25,
    });
    expect(line("shantytown_starts")?.completion?.toFixed(3)).toBe("0.723");
    expect(line("rental_subsidy")?.completion?.toFixed(3)).toBe("0.792");
    expect(line("shantytown_completions")?.completion?.toFixed(3)).toBe("0.345");
    expect(line("shantytown_starts")?.status).toBe("green");
    // Every indicator line is the overview's line: one definition of each number.
    const overview = await get<OverviewResponse>("/api/overview?region=440000&year=2020&month=3");
    for (const tile of overview.tiles) {
      expect(line(tile.indicator.code), tile.indicator.code).toEqual(tile.line);
    }
    expect(body.summary.statuses).toEqual({ completed: 1, green: 15, yellow: 3, red: 0, none: 0 });
    expect(body.summary.regions).toEqual(overview.regions);
  });

  it("ranks the 21 cities overall by score and per indicator by completion", async () => {
    const body = await bulletin("440000", 2020, 3);
    expect(body.ranking).toHaveLength(21);
    const ranks = body.ranking.map((r) => r.rank);
    expect(ranks).toEqual(rankByScore(body.ranking.map((r) => r.score)));
    expect(ranks[0]).toBe(1);
    const scores = body.ranking.map((r) => r.score as number);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const row of body.ranking) {
      expect(row.score).toBeGreaterThan(0);
      expect(row.score).toBeLessThanOrEqual(100);
      expect(row.rated).toBe(19 - row.statuses.none);
      expect(row.rated).toBeGreaterThan(10);
      expect(Object.values(row.statuses).reduce((a, b) => a + b, 0)).toBe(19);
      expect(row.behind).toBe(row.statuses.yellow + row.statuses.red);
      expect(row.cells.map((c) => c.indicator)).toEqual(
        body.indicators.map((x) => x.indicator.code),
      );
    }
    // Per indicator, the same ranks as the comparison screen's progress table.
    const progress = await get<ProgressResponse>(
      "/api/progress?indicator=shantytown_starts&parent=440000&year=2020&month=3",
    );
    const column = body.indicators.findIndex((x) => x.indicator.code === "shantytown_starts");
    for (const child of progress.children) {
      const row = body.ranking.find((r) => r.region.code === child.region.code);
      expect(row?.cells[column]).toMatchObject({
        completion: child.completion,
        rank: child.rank,
        status: child.status,
      });
    }
    const first = progress.children.find((c) => c.rank === 1);
    expect(body.indicators[column]?.best).toEqual(first?.region);
  });

  it("Guangdong December 2022: cities whose scores read the same share a rank", async () => {
    // Before scores were rounded to their published decimal, 99.70 and 99.67 (both shown as
    // 99.7) ranked 4th and 5th.
    const body = await bulletin("440000", 2022, 12);
    const rows = body.ranking.filter((r) => r.score !== null);
    for (const row of rows) {
      expect(row.score).toBe(Math.round((row.score as number) * 10) / 10);
      const same = rows.filter(
        (r) => (r.score as number).toFixed(1) === (row.score as number).toFixed(1),
      );
      expect(same.map((r) => r.rank)).toEqual(same.map(() => row.rank));
    }
    const tied = rows.filter((r, i) => rows.some((o, j) => j !== i && o.rank === r.rank));
    expect(tied.length).toBeGreaterThanOrEqual(2);
    // Standard competition ranking: after two at rank k, the next is k + 2.
    const ranks = rows.map((r) => r.rank as number);
    ranks.forEach((rank, i) => {
      expect(rank).toBe(ranks.indexOf(rank) + 1);
      if (i > 0) expect(rank).toBeGreaterThanOrEqual(ranks[i - 1] as number);
    });
  });

  it("Zhejiang October 2020: Lishui, Wenzhou and Jinhua head the lagging list on prefab share", async () => {
    const body = await bulletin("330000", 2020, 10);
    const lagging = await get<LaggingResponse>("/api/lagging?parent=330000&year=2020&month=10");
    expect(body.lagging).toEqual(lagging.items);
    expect(body.summary.laggingLines).toBe(lagging.items.length);
    expect(
      body.lagging.slice(0, 3).map((x) => [x.line.region.nameZh, x.indicator.code, x.line.status]),
    ).toEqual([
      ["丽水市", "prefab_share", "red"],
      ["温州市", "prefab_share", "red"],
      ["金华市", "prefab_share", "red"],
    ]);
    expect(body.lagging[0]?.monthsBehind).toBe(10);
    expect(body.missing).toEqual([]);
    expect(body.late).toEqual([]);
    // Wenzhou lags on most indicators: last in the overall ranking.
    expect(body.ranking.at(-1)?.region.nameZh).toBe("温州市");
  });

  it("Guangdong December 2022: two cities missing, one late, as the completeness screen says", async () => {
    const body = await bulletin("440000", 2022, 12);
    const completeness = await get<CompletenessResponse>(
      "/api/completeness?parent=440000&year=2022&month=12",
    );
    expect(body.summary.reporting).toEqual(completeness.summary);
    expect(body.summary.reporting).toMatchObject({ total: 21, missing: 2, late: 1, onTime: 18 });
    expect(body.deadline).toBe(completeness.deadline);
    expect(body.missing).toEqual(completeness.chase);
    expect(body.missing.map((r) => r.nameZh).sort()).toEqual(["中山市", "深圳市"]);
    expect(body.late.map((r) => r.region.nameZh)).toEqual(["肇庆市"]);
    expect(new Date(body.late[0]?.firstSubmittedAt as string) > new Date(body.deadline)).toBe(true);
    // December: every target is due, so the schedule is 100% on every indicator.
    for (const x of body.indicators) expect(x.line.schedule).toBe(1);
    const timeliness = Object.fromEntries(body.ranking.map((r) => [r.region.nameZh, r.timeliness]));
    expect(timeliness).toMatchObject({ 深圳市: "missing", 中山市: "missing", 肇庆市: "late" });
  });

  it("refuses an unknown region, month 13, or a language it does not speak", async () => {
    for (const url of [
      "/api/bulletin?region=999999&year=2022&month=12",
      "/api/bulletin?region=440000&year=2022&month=13",
      "/api/bulletin?region=440000&year=2022",
      "/api/bulletin/xlsx?region=440000&year=2022&month=12&lang=fr",
    ]) {
      const res = await t.api.inject({ url });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().message).toBeTruthy();
    }
  });

  it("is for the province's officials and leadership over their own province", async () => {
    const leader = await t.as("zj_leader");
    expect((await leader.inject("/api/bulletin?region=330000&year=2022&month=12")).statusCode).toBe(
      200,
    );
    expect((await leader.inject("/api/bulletin?region=440000&year=2022&month=12")).statusCode).toBe(
      403,
    );
    const bureau = await t.as("wz_reporter");
    expect((await bureau.inject("/api/bulletin?region=330000&year=2022&month=12")).statusCode).toBe(
      403,
    );
    const official = await t.as("gd_official");
    expect(
      (await official.inject("/api/bulletin/xlsx?region=440000&year=2022&month=12")).statusCode,
    ).toBe(200);
  });
});

describe("GET /api/bulletin/xlsx", () => {
  it("holds the JSON's numbers under Chinese headers", async () => {
    const body = await bulletin("440000", 2022, 12);
    const res = await t.api.inject("/api/bulletin/xlsx?region=440000&year=2022&month=12");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    expect(res.headers["content-disposition"]).toContain(
      encodeURIComponent("通报-广东省-2022年12月.xlsx"),
    );
    const workbook = await loadWorkbook(res.rawPayload);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      "概况",
      "指标",
      "排名",
      "滞后",
      "报送",
    ]);

    const summary = rowsOf(workbook.getWorksheet("概况"));
    expect(summary[0]?.[0]).toBe("广东省住房和城乡建设厅 2022年1–12月 目标任务进度通报");
    const value = (label: string) => summary.find((r) => r[0] === label)?.[1];
    expect(value("有目标的指标数")).toBe(body.summary.indicators);
    expect(value("未报送地区数")).toBe(2);
    expect(value("报送率")).toBe(body.summary.reporting.reportingRate);
    expect(value("滞后事项数")).toBe(body.lagging.length);

    const indicators = rowsOf(workbook.getWorksheet("指标"));
    expect(indicators[0]?.slice(0, 9)).toEqual([
      "指标代码",
      "指标",
      "单位",
      "目标",
      "完成（累计或当前值）",
      "完成率",
      "序时进度",
      "滞后（百分点）",
      "状态",
    ]);
    expect(indicators.slice(1).map((r) => r.slice(0, 8))).toEqual(
      body.indicators.map((x) => [
        x.indicator.code,
        x.indicator.nameZh,
        x.indicator.kind === "ratio" || x.indicator.unitEn === "%" ? "%" : x.indicator.unitZh,
        x.line.target,
        x.line.actual,
        x.line.completion,
        x.line.schedule,
        x.line.lag,
      ]),
    );

    const ranking = rowsOf(workbook.getWorksheet("排名"));
    expect(ranking[0]?.slice(0, 4)).toEqual(["综合排名", "地区代码", "地区", "综合得分"]);
    expect(ranking.slice(1).map((r) => r.slice(0, 6))).toEqual(
      body.ranking.map((r) => [r.rank, r.region.code, r.region.nameZh, r.score, r.rated, r.behind]),
    );
    expect(ranking[1]?.slice(10)).toEqual(
      body.ranking[0]?.cells.flatMap((c) => [c.completion, c.rank]),
    );

    const lagging = rowsOf(workbook.getWorksheet("滞后"));
    expect(lagging.slice(1).map((r) => [r[1], r[3], r[6], r[8], r[10]])).toEqual(
      body.lagging.map((x) => [
        x.line.region.code,
        x.indicator.nameZh,
        x.line.completion,
        x.line.lag,
        x.monthsBehind,
      ]),
    );

    const reporting = rowsOf(workbook.getWorksheet("报送"));
    expect(reporting.slice(1).map((r) => [r[0], r[2]])).toEqual([
      ...body.missing.map((r) => [r.code, "未报送"]),
      ...body.late.map((r) => [r.region.code, "逾期报送"]),
    ]);
  });

  it("speaks English with lang=en, with the same numbers", async () => {
    const body = await bulletin("330000", 2020, 10);
    const res = await t.api.inject("/api/bulletin/xlsx?region=330000&year=2020&month=10&lang=en");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toContain("bulletin-330000-2020-10.xlsx");
    const workbook = await loadWorkbook(res.rawPayload);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      "Summary",
      "Indicators",
      "Ranking",
      "Lagging",
      "Reporting",
    ]);
    const summary = rowsOf(workbook.getWorksheet("Summary"));
    expect(summary[0]?.[0]).toBe(
      "Zhejiang Department of Housing and Urban-Rural Development — progress bulletin, January–October 2020",
    );
    const ranking = rowsOf(workbook.getWorksheet("Ranking"));
    expect(ranking[0]?.slice(0, 4)).toEqual(["Overall rank", "Region code", "Region", "Score"]);
    expect(ranking.slice(1).map((r) => [r[0], r[2], r[3]])).toEqual(
      body.ranking.map((r) => [r.rank, r.region.nameEn, r.score]),
    );
    const lagging = rowsOf(workbook.getWorksheet("Lagging"));
    expect(lagging[1]?.slice(2, 4)).toEqual([
      "Lishui",
      "Prefabricated share of new-start floor area",
    ]);
  });
});
