import { beforeAll, describe, expect, it } from "vitest";
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

// These tests approve at import as the official who imports: Zhejiang has four eyes turned off
// here. With it on (the default) such an import is refused: security/four-eyes.test.ts.
beforeAll(async () => {
  const security = await t.as("secofficer");
  const res = await security.inject({
    method: "PUT",
    url: "/api/settings/provinces/330000",
    payload: { fourEyes: false },
  });
  expect(res.statusCode, res.body).toBe(200);
});

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
    // Both figures jump over 3× the usual increment: submitting needs their explanations.
    const header =
      "地区代码,地区名称,棚户区改造新开工（套）,棚户区改造新开工·情况说明\n" +
      "region,name,shantytown_starts,shantytown_starts.explanation\n";
    const csv = `\uFEFF${header}330100,杭州市,"1,234",新项目集中开工\n330200,宁波市,987,年初计划提前\n`;
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

  it("importing over a stored month keeps each changed figure's old and new values, and moves the month's other figures along", async () => {
    // Hangzhou and Ningbo, June 2023 (above March's approved figures when the tests before ran,
    // usual increments, nothing warned): a draft by file, then a
    // second file changes one figure and submits; the figure it leaves out follows its month.
    const period = "parent=330000&year=2023&month=6";
    const send = async (csv: string, action: string) => {
      const { payload, headers } = multipartFile("cities.csv", Buffer.from(csv));
      return t.api.inject({
        method: "POST",
        url: `/api/import?${period}&action=${action}`,
        payload,
        headers,
      });
    };
    const key = (indicator: string, region: string) => `/api/reports/${indicator}/${region}/2023/6`;
    const history = async (indicator: string, region: string) =>
      (await t.api.inject(`${key(indicator, region)}/history`)).json().revisions as Record<
        string,
        unknown
      >[];
    expect(await history("shantytown_starts", "330100")).toEqual([]);

    const codes = "region,name,shantytown_starts,prefab_share.numerator,prefab_share.denominator\n";
    const first = await send(
      `${codes}330100,杭州市,150,40,200\n330200,宁波市,200,30,200\n`,
      "draft",
    );
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ ok: true, changed: 4, regions: 2 });

    const second = await send(
      "region,name,shantytown_starts\n330100,杭州市,160\n330200,宁波市,200\n",
      "submitted",
    );
    expect(second.statusCode, second.body).toBe(200);
    // One figure differs; both months move to submitted (the same figure again is no change).
    expect(second.json()).toMatchObject({ ok: true, changed: 2, regions: 2 });

    expect(await history("shantytown_starts", "330100")).toMatchObject([
      { action: "import", version: 1, oldValue: null, newValue: 150, newStatus: "draft" },
      {
        action: "import",
        version: 2,
        oldValue: 150,
        newValue: 160,
        oldStatus: "draft",
        newStatus: "submitted",
      },
    ]);
    expect(await history("shantytown_starts", "330200")).toMatchObject([
      { version: 1, oldValue: null, newValue: 200, newStatus: "draft" },
      { version: 2, oldValue: 200, newValue: 200, oldStatus: "draft", newStatus: "submitted" },
    ]);
    // Left out of the second file: stored as it was, submitted with its month.
    const prefab = (await t.api.inject(key("prefab_share", "330100"))).json();
    expect(prefab).toMatchObject({ numerator: 40, denominator: 200, status: "submitted" });
    const form = (await t.api.inject("/api/submissions/330100/2023/6")).json();
    expect(form.status).toBe("submitted");
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

describe("one number convention", () => {
  it("92.5 in the import's 城市污泥无害化处置率（%） column is stored and shown as 92.5%", async () => {
    const period = "parent=330000&year=2023&month=7";
    const res = await t.api.inject({ url: `/api/import/template?${period}` });
    const workbook = await loadWorkbook(res.rawPayload);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error("template has no sheet");
    const column = columnOf(sheet, "sludge_safe_disposal");
    // The header says the unit: what is typed under it is a percentage.
    expect(sheet.getCell(1, column).value).toBe("城市污泥无害化处置率（%）");
    expect(sheet.getCell(3, 1).value).toBe("330100");
    sheet.getCell(3, column).value = 92.5;
    const bytes = await workbookBytes(workbook);
    const send = (query: string) => {
      const { payload, headers } = multipartFile("sludge.xlsx", bytes);
      return t.api.inject({
        method: "POST",
        url: `/api/import?${period}${query}`,
        payload,
        headers,
      });
    };

    // Preview: 92.5% (the API's fractions, like completion), not 9,250%.
    const preview: ImportResult = (await send("&dryRun=true")).json();
    expect(preview.ok).toBe(true);
    expect(preview.preview).toEqual([
      {
        region: "330100",
        indicator: "sludge_safe_disposal",
        old: null,
        new: { value: 0.925, numerator: null, denominator: null },
        explanation: null,
      },
    ]);
    // The province approves at import: the month is complete (no 2023 targets), nothing warned.
    const imported = await send("&action=approved");
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json().months).toEqual([
      { region: "330100", row: 3, status: "approved", missing: [] },
    ]);

    const stored = await t.api.inject("/api/reports/sludge_safe_disposal/330100/2023/7");
    expect(stored.json()).toMatchObject({ value: 0.925, status: "approved" });
    const history = (
      await t.api.inject("/api/reports/sludge_safe_disposal/330100/2023/7/history")
    ).json().revisions;
    expect(history).toMatchObject([{ action: "import", oldValue: null, newValue: 0.925 }]);
    const progress = (
      await t.api.inject(`/api/progress?indicator=sludge_safe_disposal&${period}`)
    ).json();
    expect(
      progress.children.find((c: { region: { code: string } }) => c.region.code === "330100"),
    ).toMatchObject({ actual: 0.925 });

    // The month's export gives it back as typed, under the same "（%）" header.
    const exported = await loadWorkbook(
      (await t.api.inject(`/api/export/month?${period}`)).rawPayload,
    );
    const out = exported.worksheets[0];
    let exportColumn = 0;
    out?.getRow(1).eachCell((cell, col) => {
      if (cell.value === "城市污泥无害化处置率（%）") exportColumn = col;
    });
    expect(exportColumn).toBeGreaterThan(3);
    const hangzhou = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].find(
      (row) => out?.getCell(row, 1).value === "330100",
    );
    expect(out?.getCell(hangzhou ?? 0, exportColumn).value).toBe(92.5);

    // And 92.5 typed through the API as if it were the fraction is refused, not stored as 9,250%.
    const misread = await t.api.inject({
      method: "PUT",
      url: "/api/reports/sludge_safe_disposal/330200/2023/7",
      payload: { value: 92.5, version: 0 },
    });
    expect(misread.statusCode).toBe(400);
    expect(misread.json()).toMatchObject({ field: "value", rule: "above_maximum" });
  });
});

describe("import follows the form's rules", () => {
  it("saves drafts by default; submitting is a choice, and a warned figure without explanation stays a draft", async () => {
    const period = "parent=330000&year=2023&month=9";
    const csv = (explanation: string) =>
      Buffer.from(
        "地区代码,地区名称,棚户区改造新开工（套）,棚户区改造新开工·情况说明\n" +
          "region,name,shantytown_starts,shantytown_starts.explanation\n" +
          `330100,杭州市,5000,${explanation}\n`,
      );
    const send = (bytes: Buffer, query: string) => {
      const { payload, headers } = multipartFile("hz.csv", bytes);
      return t.api.inject({
        method: "POST",
        url: `/api/import?${period}${query}`,
        payload,
        headers,
      });
    };
    const status = async () => (await t.api.inject("/api/submissions/330100/2023/9")).json().status;

    const byDefault: ImportResult = (await send(csv(""), "")).json();
    expect(byDefault).toMatchObject({ ok: true, action: "draft" });
    expect(byDefault.warnings.map((w) => w.rule)).toContain("jump_over_3x_median");
    // Listed whatever the action, so the preview can say what submitting would need.
    expect(byDefault.held).toMatchObject([
      { row: 3, column: "D", field: "shantytown_starts.explanation", rule: "explanation_required" },
    ]);
    expect(await status()).toBe("draft");

    const unexplained: ImportResult = (await send(csv(""), "&action=submitted")).json();
    expect(unexplained.months).toEqual([
      { region: "330100", row: 3, status: "draft", missing: [] },
    ]);
    expect(await status()).toBe("draft");

    const explained: ImportResult = (await send(csv("新项目集中开工"), "&action=submitted")).json();
    expect(explained.held).toEqual([]);
    expect(explained.months[0]?.status).toBe("submitted");
    expect(await status()).toBe("submitted");
    const figure = (await t.api.inject("/api/reports/shantytown_starts/330100/2023/9")).json();
    expect(figure).toMatchObject({ explanation: "新项目集中开工", status: "submitted" });

    // A submitted month waits for the province: the import cannot change it, as the form cannot.
    const over: ImportResult = (
      await send(Buffer.from(csv("改").toString().replace("5000", "5001")), "")
    ).json();
    expect(over.errors.map((e) => e.rule)).toEqual(["month_submitted"]);
  });

  it("a partial month stays a draft unless the province allows partial months", async () => {
    // Wenzhou's December 2022 has nineteen targets; the file brings one figure.
    const period = "parent=330000&year=2022&month=12";
    const form = (await t.api.inject("/api/submissions/330300/2022/12")).json();
    const rural = form.entries.find(
      (e: { indicator: { code: string } }) => e.indicator.code === "rural_dilapidated",
    );
    const value = (rural.previous.value ?? 0) + 1;
    const bytes = Buffer.from(`t\nregion,name,rural_dilapidated\n330300,温州市,${value}\n`);
    const send = () => {
      const { payload, headers } = multipartFile("wz.csv", bytes);
      return t.api.inject({
        method: "POST",
        url: `/api/import?${period}&action=submitted`,
        payload,
        headers,
      });
    };
    const partial: ImportResult = (await send()).json();
    expect(partial.held).toMatchObject([
      {
        row: 3,
        column: "A",
        field: "month",
        rule: "partial_month",
        params: { entered: 1, expected: 19 },
      },
    ]);
    expect(partial.months[0]).toMatchObject({ status: "draft" });
    expect(partial.months[0]?.missing).toHaveLength(18);

    const official = await t.as("zj_official");
    const allowed = await official.inject({
      method: "PUT",
      url: "/api/settings/provinces/330000/reporting",
      payload: { allowPartialMonths: true },
    });
    expect(allowed.json()).toMatchObject({ allowPartialMonths: true });
    const submitted: ImportResult = (await send()).json();
    expect(submitted.held).toEqual([]);
    expect(submitted.months[0]).toMatchObject({ status: "submitted" });
    await official.inject({
      method: "PUT",
      url: "/api/settings/provinces/330000/reporting",
      payload: { allowPartialMonths: false },
    });
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
      // Percentages as percentages: a share of 0.2345 is 23.45 under "（%）".
      expect(sheet?.getCell(row, column).value).toBeCloseTo(line.actual * 100, 10);
      expect(sheet?.getCell(1, column + 1).value).toBe("新开工装配式建筑占比 完成率（%）");
      expect(sheet?.getCell(row, column + 1).value).toBeCloseTo(line.completion * 100, 10);
    }
  });
});
