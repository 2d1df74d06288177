import { typedFromStored } from "@jindu/domain";
import type ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { LaggingResponse } from "../../../../src/schemas/index.js";
import { useTestApp } from "../../../helper.js";
import { loadWorkbook } from "../../../spreadsheet-helpers.js";

const t = useTestApp();

const BASE = "parent=330000&year=2020&month=10";

async function lagging(filters = ""): Promise<LaggingResponse> {
  const res = await t.api.inject({ url: `/api/lagging?${BASE}${filters}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

function rowsOf(sheet: ExcelJS.Worksheet | undefined): unknown[][] {
  if (!sheet) throw new Error("no such sheet");
  const rows: unknown[][] = [];
  sheet.eachRow((row, n) => {
    const values: unknown[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) values.push(row.getCell(c).value ?? null);
    rows[n - 1] = values;
  });
  return rows;
}

describe("GET /api/lagging: filters", () => {
  it("narrows Zhejiang's October 2020 list by indicator, region and status, keeping the order", async () => {
    const all = (await lagging()).items;
    expect(all.length).toBeGreaterThan(5);
    const key = (x: LaggingResponse["items"][number]) =>
      `${x.indicator.code}:${x.line.region.code}`;

    const prefab = (await lagging("&indicator=prefab_share")).items;
    expect(prefab.length).toBeGreaterThan(2);
    expect(prefab.map(key)).toEqual(
      all.filter((x) => x.indicator.code === "prefab_share").map(key),
    );
    expect(prefab[0]?.line.region.nameZh).toBe("丽水市");

    const lishui = (await lagging("&region=331100")).items;
    expect(lishui.length).toBeGreaterThan(0);
    expect(lishui.every((x) => x.line.region.code === "331100")).toBe(true);
    expect(lishui.map(key)).toEqual(all.filter((x) => x.line.region.code === "331100").map(key));

    const red = (await lagging("&status=red")).items;
    const yellow = (await lagging("&status=yellow")).items;
    expect(red.every((x) => x.line.status === "red")).toBe(true);
    expect(yellow.every((x) => x.line.status === "yellow")).toBe(true);
    expect(red.length + yellow.length).toBe(all.length);

    const both = (await lagging("&indicator=prefab_share&region=331100&status=red")).items;
    expect(both.map(key)).toEqual(["prefab_share:331100"]);
  });

  it("refuses a status that is not behind, and malformed codes, naming the field", async () => {
    for (const [filter, field] of [
      ["&status=green", "status"],
      ["&indicator=Prefab-Share", "indicator"],
      ["&region=33110", "region"],
    ]) {
      const res = await t.api.inject({ url: `/api/lagging?${BASE}${filter}` });
      expect(res.statusCode, filter).toBe(400);
      expect(res.body).toContain(field);
    }
  });
});

describe("GET /api/lagging/xlsx", () => {
  it("holds the filtered list's lines, percentages as 92.5 for 92.5%, lags in points", async () => {
    const filters = "&indicator=prefab_share";
    const json = await lagging(filters);
    const res = await t.api.inject({ url: `/api/lagging/xlsx?${BASE}${filters}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    expect(decodeURIComponent(String(res.headers["content-disposition"]))).toContain(
      "滞后清单-浙江省-2020年10月.xlsx",
    );
    const workbook = await loadWorkbook(res.rawPayload);
    const rows = rowsOf(workbook.getWorksheet("滞后清单"));
    expect(rows[0]?.slice(0, 5)).toEqual(["序号", "地区代码", "地区", "指标代码", "指标"]);
    expect(rows).toHaveLength(json.items.length + 1);
    const percent = (v: number | null) => (v === null ? null : typedFromStored(v, true));
    json.items.forEach((item, i) => {
      const row = rows[i + 1] as unknown[];
      expect(row[2]).toBe(item.line.region.nameZh);
      expect(row[3]).toBe("prefab_share");
      // A share: its figure and target are percentages too (30 for a 30% target).
      expect(row[5]).toBe("%");
      expect(row[6]).toBe(percent(item.line.actual));
      expect(row[7]).toBe(percent(item.line.target));
      expect(row[8]).toBe(percent(item.line.completion));
      expect(row[9]).toBe(percent(item.line.schedule));
      expect(row[10]).toBe(item.line.lag);
      expect(row[12]).toBe(percent(item.line.projection));
      expect(row[13]).toBe(item.monthsBehind);
    });
    // Lishui first, 44.7 points behind, as the screen says; its target a percentage (30, not 0.3).
    expect(Number(rows[1]?.[10]).toFixed(1)).toBe("-44.7");
    expect(Number(rows[1]?.[7])).toBeGreaterThan(1);
  });

  it("speaks English with lang=en", async () => {
    const res = await t.api.inject({ url: `/api/lagging/xlsx?${BASE}&status=red&lang=en` });
    expect(res.statusCode).toBe(200);
    const workbook = await loadWorkbook(res.rawPayload);
    const rows = rowsOf(workbook.getWorksheet("Lagging list"));
    expect(rows[0]?.[8]).toBe("Completion (%)");
    expect(rows.slice(1).every((r) => r[11] === "Far behind")).toBe(true);
    expect(String(res.headers["content-disposition"])).toContain("lagging-330000-2020-10.xlsx");
  });
});
