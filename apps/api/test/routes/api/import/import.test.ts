import { describe, expect, it } from "vitest";
import type { ImportResult, ProgressResponse } from "../../../../src/schemas/index.js";
import { useTestApp } from "../../../helper.js";
import {
  columnOf,
  loadWorkbook,
  multipartFile,
  workbookBytes,
} from "../../../spreadsheet-helpers.js";

const t = useTestApp();
const month = "parent=330000&year=2023&month=3";

async function filledTemplate(
  fill: (row: number, code: string) => Record<string, number | string | undefined>,
) {
  const res = await t.api.inject({ url: `/api/import/template?${month}` });
  expect(res.statusCode).toBe(200);
  expect(res.headers["content-type"]).toMatch(/spreadsheetml/);
  const workbook = await loadWorkbook(res.rawPayload);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error("template has no sheet");
  for (let row = 3; row <= sheet.rowCount; row++) {
    const code = String(sheet.getCell(row, 1).value);
    for (const [column, value] of Object.entries(fill(row, code))) {
      if (value !== undefined) sheet.getCell(row, columnOf(sheet, column)).value = value;
    }
  }
  return { workbook, sheet };
}

async function upload(bytes: Buffer, filename = "zhejiang.xlsx", query = "&action=approved") {
  const { payload, headers } = multipartFile(filename, bytes);
  return t.api.inject({ method: "POST", url: `/api/import?${month}${query}`, payload, headers });
}

async function progress(indicator: string): Promise<ProgressResponse> {
  return (await t.api.inject({ url: `/api/progress?indicator=${indicator}&${month}` })).json();
}

const starts = (code: string) => 100 + Number(code.slice(2, 4)) * 10;

describe("import", () => {
  it("the template lists the 11 Zhejiang cities with indicator codes", async () => {
    const { sheet } = await filledTemplate(() => ({}));
    expect(sheet.rowCount).toBe(13);
    expect(sheet.getCell(3, 1).value).toBe("330100");
    expect(columnOf(sheet, "prefab_share.numerator")).toBeGreaterThan(2);
  });

  it("a file with one bad cell imports nothing and names that cell", async () => {
    const { workbook, sheet } = await filledTemplate((row, code) => ({
      shantytown_starts: row === 7 ? "about 300" : starts(code),
    }));
    const res = await upload(await workbookBytes(workbook));
    expect(res.statusCode).toBe(422);
    const result: ImportResult = res.json();
    expect(result.ok).toBe(false);
    const column = sheet.getColumn(columnOf(sheet, "shantytown_starts")).letter;
    expect(result.errors).toEqual([
      {
        row: 7,
        column,
        field: "shantytown_starts.value",
        reason: '"about 300" is not a number',
        rule: "not_a_number",
        params: { text: "about 300" },
      },
    ]);
    const line = (await progress("shantytown_starts")).children.find(
      (c) => c.region.code === "330100",
    );
    expect(line?.actual).toBeNull();
  });

  it("reports rule breaks per cell: fractions of units, numerator above denominator, unknown regions", async () => {
    const { workbook, sheet } = await filledTemplate((row, code) =>
      row === 3
        ? { shantytown_starts: 10.5 }
        : row === 4
          ? { "prefab_share.numerator": 50, "prefab_share.denominator": 40 }
          : { shantytown_starts: starts(code) },
    );
    sheet.getCell(14, 1).value = "440100";
    sheet.getCell(14, columnOf(sheet, "shantytown_starts")).value = 5;
    const result: ImportResult = (await upload(await workbookBytes(workbook))).json();
    expect(result.errors.map((e) => [e.row, e.field])).toEqual([
      [3, "shantytown_starts.value"],
      [4, "prefab_share.numerator"],
      [14, "region"],
    ]);
  });

  it("a good file for all 11 cities updates their progress lines; the same file twice changes nothing", async () => {
    const { workbook } = await filledTemplate((_, code) => ({
      shantytown_starts: starts(code),
      "prefab_share.numerator": 30,
      "prefab_share.denominator": 100 + Number(code.slice(2, 4)),
    }));
    const bytes = await workbookBytes(workbook);

    const preview: ImportResult = (
      await upload(bytes, "zhejiang.xlsx", "&action=approved&dryRun=true")
    ).json();
    expect(preview).toMatchObject({ ok: true, dryRun: true, rows: 11, changed: 22 });
    expect(preview.preview[0]).toMatchObject({
      region: "330100",
      indicator: "shantytown_starts",
      old: null,
      new: { value: 110 },
    });
    expect((await progress("shantytown_starts")).parent.actual).toBeNull();

    const first = await upload(bytes);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ ok: true, rows: 11, changed: 22, regions: 11 });
    const body = await progress("shantytown_starts");
    for (const line of body.children) expect(line.actual).toBe(starts(line.region.code));
    expect(body.parent.actual).toBe(body.children.reduce((s, c) => s + (c.actual ?? 0), 0));
    const prefab = await progress("prefab_share");
    expect(prefab.parent.numerator).toBe(330);

    const history = async () =>
      (await t.api.inject({ url: "/api/reports/shantytown_starts/330100/2023/3/history" })).json()
        .revisions.length;
    const revisionsBefore = await history();
    const second = await upload(bytes);
    expect(second.json()).toMatchObject({ ok: true, changed: 0, regions: 0 });
    expect(await history()).toBe(revisionsBefore);
  });

  it("refuses to import over approved months", async () => {
    const { workbook } = await filledTemplate((_, code) => ({
      shantytown_starts: starts(code) + 1,
    }));
    const res = await upload(await workbookBytes(workbook));
    expect(res.statusCode).toBe(422);
    const result: ImportResult = res.json();
    expect(result.errors).toHaveLength(11);
    expect(result.errors[0]?.reason).toMatch(/approved and locked/);
  });

  it("imports the same layout as .csv, BOM and thousands separators included", async () => {
    const header = "地区代码,地区名称,棚户区改造新开工（套）\nregion,name,shantytown_starts\n";
    const csv = `\uFEFF${header}330100,杭州市,"1,234"\n330200,宁波市,987\n`;
    const { payload, headers } = multipartFile("cities.csv", Buffer.from(csv));
    const res = await t.api.inject({
      method: "POST",
      url: "/api/import?parent=330000&year=2023&month=4&action=submitted",
      payload,
      headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    const line = (
      await t.api.inject({
        url: "/api/progress?indicator=shantytown_starts&parent=330000&year=2023&month=4&include=submitted",
      })
    )
      .json()
      .children.find((c: { region: { code: string } }) => c.region.code === "330100");
    expect(line).toMatchObject({ actual: 1234, provisional: true });
  });

  it("refuses files that are not .xlsx or .csv, and requests without a file", async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect((await upload(png, "picture.xlsx")).statusCode).toBe(415);
    expect((await upload(Buffer.from("hello"), "notes.txt")).statusCode).toBe(415);
    const json = await t.api.inject({
      method: "POST",
      url: `/api/import?${month}`,
      payload: { a: 1 },
    });
    expect(json.statusCode).toBe(415);
  });

  it("annotates the bad cells of a file in a workbook", async () => {
    const { workbook, sheet } = await filledTemplate((row, code) => ({
      shantytown_starts: row === 5 ? -3 : starts(code) + 7,
    }));
    const { payload, headers } = multipartFile("bad.xlsx", await workbookBytes(workbook));
    const res = await t.api.inject({
      method: "POST",
      url: `/api/import/annotated?parent=330000&year=2023&month=5`,
      payload,
      headers,
    });
    expect(res.statusCode).toBe(200);
    const annotated = await loadWorkbook(res.rawPayload);
    const column = columnOf(sheet, "shantytown_starts");
    const cell = annotated.worksheets[0]?.getCell(5, column);
    expect(cell?.value).toBe(-3);
    expect(String(cell?.note)).toMatch(/negative/);
    const errors = annotated.getWorksheet("错误 Errors");
    expect(errors?.getCell(2, 1).value).toBe(5);
  });
});

describe("export", () => {
  it("exports a month of Zhejiang's cities with the same figures the API shows", async () => {
    const res = await t.api.inject({ url: "/api/export/month?parent=330000&year=2020&month=10" });
    expect(res.statusCode).toBe(200);
    const workbook = await loadWorkbook(res.rawPayload);
    const sheet = workbook.worksheets[0];
    expect(sheet?.rowCount).toBe(12);
    const prefab = (
      await t.api.inject({
        url: "/api/progress?indicator=prefab_share&parent=330000&year=2020&month=10",
      })
    ).json();
    let column = 0;
    sheet?.getRow(1).eachCell((cell, col) => {
      if (cell.value === "新开工装配式建筑占比（%）") column = col;
    });
    expect(column).toBeGreaterThan(3);
    for (let row = 2; row <= 12; row++) {
      const code = String(sheet?.getCell(row, 1).value);
      const line = prefab.children.find(
        (c: { region: { code: string } }) => c.region.code === code,
      );
      expect(sheet?.getCell(row, column).value).toBeCloseTo(line.actual, 12);
      expect(sheet?.getCell(row, column + 1).value).toBeCloseTo(line.completion, 12);
    }
  });
});
