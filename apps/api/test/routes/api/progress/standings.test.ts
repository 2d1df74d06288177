import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type {
  BulletinResponse,
  LaggingResponse,
  ProgressResponse,
  Report,
  Target,
} from "../../../../src/schemas/index.js";
import { useTestApp } from "../../../helper.js";

const t = useTestApp();

async function get<T>(url: string): Promise<T> {
  const res = await t.api.inject({ url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/**
 * Zhejiang's cities on prefab share in a month, worked out here from the stored reports and
 * targets (not from the API's own maths): the share is numerator ÷ denominator, completion is
 * share ÷ target share, and a share's schedule is 100% all year, so the lag is completion − 100 pp.
 */
async function expectedCompletions(year: number, month: number): Promise<Map<string, number>> {
  const { reports } = await get<{ reports: Report[] }>(
    `/api/reports?indicator=prefab_share&year=${year}&month=${month}`,
  );
  const { targets } = await get<{ targets: Target[] }>(
    `/api/targets?indicator=prefab_share&year=${year}`,
  );
  const out = new Map<string, number>();
  for (const r of reports) {
    if (!/^33\d{2}00$/.test(r.region) || r.region === "330000" || r.status !== "approved") continue;
    const target = targets.find((x) => x.region === r.region)?.value;
    if (!target || r.numerator === null || !r.denominator) continue;
    out.set(r.region, r.numerator / r.denominator / target);
  }
  return out;
}

/** Competition ranks (1, 2, 2, 4), highest first, written out independently of the domain's. */
function ranksOf(values: Map<string, number>): Map<string, number> {
  const sorted = [...values.values()].sort((a, b) => b - a);
  return new Map([...values].map(([code, v]) => [code, sorted.indexOf(v) + 1]));
}

describe("both rankings with their change since last month (issue 15)", () => {
  it("Zhejiang prefab share, October 2020 against September: ranks, places and points", async () => {
    const october = await expectedCompletions(2020, 10);
    const september = await expectedCompletions(2020, 9);
    expect(october.size).toBe(11);
    expect(september.size).toBe(11);
    const rankNow = ranksOf(october);
    const rankBefore = ranksOf(september);

    const body = await get<ProgressResponse>(
      "/api/progress?indicator=prefab_share&parent=330000&year=2020&month=10",
    );
    expect(body.previous).toEqual({ year: 2020, month: 9 });
    expect(body.children).toHaveLength(11);
    for (const line of body.children) {
      const code = line.region.code;
      const now = october.get(code) as number;
      const before = september.get(code) as number;
      const s = line.standing;
      expect(line.completion, code).toBeCloseTo(now, 9);
      expect(s.completionRank, code).toBe(rankNow.get(code));
      expect(s.completionRankChange, code).toBe(
        (rankBefore.get(code) as number) - (rankNow.get(code) as number),
      );
      expect(s.completionChangePp, code).toBeCloseTo((now - before) * 100, 6);
      // A share's schedule is 100% in every month: the lag moves point for point with completion,
      // and the lag ranking is the completion ranking.
      expect(line.lag, code).toBeCloseTo(now * 100 - 100, 6);
      expect(s.lagChangePp, code).toBeCloseTo((now - before) * 100, 6);
      expect(s.lagRank, code).toBe(s.completionRank);
      expect(s.lagRankChange, code).toBe(s.completionRankChange);
      expect(s.completedAll, code).toBe(now >= 1);
    }
    // The demo's order holds from September to October (every change 0 places, not null), while
    // the shares themselves moved.
    expect(body.children.every((c) => c.standing.completionRankChange === 0)).toBe(true);
    expect(body.children.some((c) => Math.abs(c.standing.completionChangePp ?? 0) > 0.01)).toBe(
      true,
    );

    // Fast five and slow five by completion (no ties among these eleven shares).
    const byCompletion = [...october].sort((a, b) => b[1] - a[1]).map(([code]) => code);
    expect(body.fast).toEqual(byCompletion.slice(0, 5));
    expect(body.slow).toEqual(byCompletion.slice(-5).reverse());
    for (const line of body.children) {
      expect(line.standing.fast).toBe(body.fast.includes(line.region.code));
      expect(line.standing.slow).toBe(body.slow.includes(line.region.code));
    }
    // The three cities interviewed in October 2020 are among the slow five.
    for (const lagging of ["330300", "330700", "331100"]) expect(body.slow).toContain(lagging);
  });

  it("January is compared with December of the year before; without figures there, no change", async () => {
    const january = await get<ProgressResponse>(
      "/api/progress?indicator=prefab_share&parent=330000&year=2020&month=1",
    );
    expect(january.previous).toEqual({ year: 2019, month: 12 });
    const { reports } = await get<{ reports: Report[] }>(
      "/api/reports?indicator=prefab_share&year=2019&month=12",
    );
    expect(reports.filter((r) => r.region.startsWith("33"))).toHaveLength(0);
    for (const line of january.children) {
      expect(line.standing.completionChangePp).toBeNull();
      expect(line.standing.completionRankChange).toBeNull();
      expect(line.standing.lagChangePp).toBeNull();
      expect(line.standing.lagRankChange).toBeNull();
    }

    const next = await get<ProgressResponse>(
      "/api/progress?indicator=prefab_share&parent=330000&year=2021&month=1",
    );
    expect(next.previous).toEqual({ year: 2020, month: 12 });
    const now = await expectedCompletions(2021, 1);
    const before = await expectedCompletions(2020, 12);
    for (const line of next.children) {
      const code = line.region.code;
      if (!now.has(code) || !before.has(code)) continue;
      expect(line.standing.completionChangePp, code).toBeCloseTo(
        ((now.get(code) as number) - (before.get(code) as number)) * 100,
        6,
      );
    }
  });

  it("each city's data quality comes from its reporting record", async () => {
    const body = await get<ProgressResponse>(
      "/api/progress?indicator=prefab_share&parent=330000&year=2020&month=10",
    );
    for (const line of body.children) {
      const { score, record, parts } = line.quality;
      expect(record.monthsDue, line.region.code).toBe(10);
      expect(record.monthsReported).toBeLessThanOrEqual(record.monthsDue);
      expect(record.monthsOnTime).toBeLessThanOrEqual(record.monthsReported);
      expect(parts.completeness).toBeCloseTo(record.monthsReported / 10, 9);
      expect(parts.timeliness).toBeCloseTo(record.monthsOnTime / 10, 9);
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(100);
    }
  });

  it("a month reopened after its approval lowers the region's stability", async () => {
    const url = "/api/progress?indicator=prefab_share&parent=330000&year=2020&month=10";
    const before = (await get<ProgressResponse>(url)).children.find(
      (c) => c.region.code === "330100",
    );
    const month = "/api/submissions/330100/2020/10";
    const version = (await t.api.inject({ url: month })).json().version;
    const reopened = await t.api.inject({
      method: "POST",
      url: `${month}/reopen`,
      payload: { version, reason: "更正数据" },
    });
    expect(reopened.statusCode, reopened.body).toBe(200);
    const after = (await get<ProgressResponse>(url)).children.find(
      (c) => c.region.code === "330100",
    );
    expect(after?.quality.record.correctionsAfterApproval).toBe(
      (before?.quality.record.correctionsAfterApproval ?? 0) + 1,
    );
    expect(after?.quality.parts.stability).toBeLessThan(before?.quality.parts.stability ?? 0);
  });
});

describe("the lagging list and the bulletin carry the rankings' changes and data quality", () => {
  it("the lagging list: each line's standing and quality are the comparison's", async () => {
    const progress = await get<ProgressResponse>(
      "/api/progress?indicator=prefab_share&parent=330000&year=2020&month=9",
    );
    const lagging = await get<LaggingResponse>(
      "/api/lagging?parent=330000&year=2020&month=9&indicator=prefab_share",
    );
    expect(lagging.items.length).toBeGreaterThan(0);
    for (const item of lagging.items) {
      const line = progress.children.find((c) => c.region.code === item.line.region.code);
      expect(item.standing).toEqual(line?.standing);
      expect(item.quality).toEqual(line?.quality);
    }
  });

  it("the bulletin: rank change of the overall ranking, quality, and both in the .xlsx", async () => {
    const now = await get<BulletinResponse>("/api/bulletin?region=330000&year=2020&month=9");
    const before = await get<BulletinResponse>("/api/bulletin?region=330000&year=2020&month=8");
    expect(now.previous).toEqual({ year: 2020, month: 8 });
    const rankBefore = new Map(before.ranking.map((r) => [r.region.code, r.rank]));
    for (const row of now.ranking) {
      const was = rankBefore.get(row.region.code) ?? null;
      expect(row.rankChange, row.region.code).toBe(
        row.rank === null || was === null ? null : was - row.rank,
      );
      expect(row.quality.score).not.toBeNull();
    }
    const prefab = await get<ProgressResponse>(
      "/api/progress?indicator=prefab_share&parent=330000&year=2020&month=9",
    );
    const column = now.indicators.findIndex((x) => x.indicator.code === "prefab_share");
    for (const row of now.ranking) {
      const line = prefab.children.find((c) => c.region.code === row.region.code);
      expect(row.cells[column]?.rankChange).toBe(line?.standing.completionRankChange);
      expect(row.quality).toEqual(line?.quality);
    }

    const res = await t.api.inject("/api/bulletin/xlsx?region=330000&year=2020&month=9");
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("排名");
    expect(sheet?.getRow(1).getCell(9).value).toBe("名次变化（较上月）");
    expect(sheet?.getRow(1).getCell(10).value).toBe("数据质量");
    now.ranking.forEach((row, i) => {
      const cells = sheet?.getRow(i + 2);
      const change = row.rankChange;
      const text =
        change === null ? null : change === 0 ? "持平" : change > 0 ? `↑${change}` : `↓${-change}`;
      expect(cells?.getCell(9).value ?? null, row.region.code).toBe(text);
      expect(cells?.getCell(10).value).toBe(row.quality.score);
    });
  });
});
