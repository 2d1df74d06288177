import { describe, expect, it } from "vitest";
import type { TargetImportResult } from "../../../../src/schemas/index.js";
import { useTestApp } from "../../../helper.js";
import { loadWorkbook, multipartFile, workbookBytes } from "../../../spreadsheet-helpers.js";

const t = useTestApp();

const upload = async (bytes: Buffer, query = "parent=330000", name = "targets.xlsx") =>
  (await t.as("zj_official")).inject({
    method: "POST",
    url: `/api/targets/import?${query}`,
    ...multipartFile(name, bytes),
  });

async function template(query = "parent=330000&year=2024&indicator=shantytown_starts") {
  const res = await t.api.inject(`/api/targets/import/template?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return loadWorkbook(res.rawPayload);
}

describe("targets import", () => {
  it("downloads a template with a row per region and the current targets filled in", async () => {
    const workbook = await template("parent=440000&year=2020&indicator=shantytown_starts");
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error("no sheet");
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      "region",
      "name",
      "indicator",
      "indicator_name",
      "year",
      "value",
      "due_month",
      "linear",
    ]);
    expect(sheet.getRow(3).getCell(1).value).toBe("440000");
    expect(sheet.getRow(3).getCell(6).value).toBe(10925);
    expect(sheet.getRow(3).getCell(8).value).toBe("否");
  });

  it("imports a filled template, all of it, and the same file again changes nothing", async () => {
    const workbook = await template();
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error("no sheet");
    sheet.getRow(3).getCell(6).value = 12_000; // Zhejiang
    sheet.getRow(3).getCell(7).value = 11;
    sheet.getRow(4).getCell(6).value = "1,500"; // Hangzhou
    const bytes = await workbookBytes(workbook);

    const dry = await upload(bytes, "parent=330000&dryRun=true");
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ ok: true, dryRun: true, changed: 2 });
    expect((await t.api.inject("/api/targets?year=2024&region=330000")).json().targets).toEqual([]);

    const res = await upload(bytes);
    const result: TargetImportResult = res.json();
    expect(res.statusCode, res.body).toBe(200);
    expect(result).toMatchObject({ ok: true, changed: 2, rows: 12 });
    expect(result.preview).toContainEqual({
      region: "330000",
      indicator: "shantytown_starts",
      year: 2024,
      old: null,
      new: { value: 12_000, dueMonth: 11, linear: false },
    });
    const stored = (await t.api.inject("/api/targets?year=2024&indicator=shantytown_starts")).json()
      .targets;
    expect(stored.map((x: { region: string; value: number }) => [x.region, x.value])).toEqual([
      ["330000", 12_000],
      ["330100", 1500],
    ]);
    expect((await upload(bytes)).json().changed).toBe(0);
  });

  it("marks a target linear with 是 (yes), back with 否 (no); blank or no column keeps it", async () => {
    const sheet = (linear: string) =>
      Buffer.from(
        `目标\nregion,indicator,year,value,due_month,linear\n330400,rural_seismic,2024,20,5,${linear}\n`,
      );
    const linearOf = async () =>
      (await t.api.inject("/api/targets?year=2024&indicator=rural_seismic&region=330400")).json()
        .targets[0]?.linear;
    expect((await upload(sheet("是"), "parent=330000", "targets.csv")).statusCode).toBe(200);
    expect(await linearOf()).toBe(true);
    const blank = await upload(sheet(""), "parent=330000", "targets.csv");
    expect(blank.json().changed).toBe(0);
    expect(await linearOf()).toBe(true);
    const no = await upload(sheet("否"), "parent=330000", "targets.csv");
    expect(no.json()).toMatchObject({ ok: true, changed: 1 });
    expect(await linearOf()).toBe(false);
    const bad = await upload(sheet("maybe"), "parent=330000", "targets.csv");
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0]).toMatchObject({ field: "linear", rule: "not_yes_no" });
  });

  it("reads shares as percentages, with or without the sign (35 and 35% are 35%)", async () => {
    const bare = Buffer.from(
      "目标\nregion,indicator,year,value,due_month\n330200,prefab_share,2024,35,\n",
    );
    expect((await upload(bare, "parent=330000", "targets.csv")).statusCode).toBe(200);
    const ningbo = (
      await t.api.inject("/api/targets?year=2024&indicator=prefab_share&region=330200")
    ).json().targets;
    expect(ningbo[0]).toMatchObject({ value: 0.35 });
    const csv = Buffer.from(
      "目标\nregion,indicator,year,value,due_month\n330100,prefab_share,2024,35%,\n",
    );
    const res = await upload(csv, "parent=330000", "targets.csv");
    expect(res.statusCode, res.body).toBe(200);
    const stored = (
      await t.api.inject("/api/targets?year=2024&indicator=prefab_share&region=330100")
    ).json().targets;
    expect(stored[0]).toMatchObject({ value: 0.35, dueMonth: 12 });
  });

  it("lists every bad cell by row and column and writes nothing", async () => {
    const csv = Buffer.from(
      [
        "目标",
        "region,name,indicator,year,value,due_month",
        "440100,广州,shantytown_starts,2026,10,",
        "330100,杭州,nope,2026,10,",
        "330200,宁波,shantytown_starts,soon,10,",
        "330300,温州,shantytown_starts,2026,10.5,",
        "330400,嘉兴,prefab_share,2026,130,",
        "330500,湖州,shantytown_starts,2026,10,13",
        "330600,绍兴,shantytown_starts,2026,10,",
        "330600,绍兴,shantytown_starts,2026,11,",
        "330700,金华,shantytown_starts,2026,abc,",
        "330800,衢州,shantytown_starts,2026,5,",
      ].join("\n"),
    );
    const res = await upload(csv, "parent=330000", "targets.csv");
    expect(res.statusCode).toBe(422);
    const { errors }: TargetImportResult = res.json();
    expect(errors.map((e) => `${e.row}${e.column} ${e.field}`)).toEqual([
      "3A region",
      "4C indicator",
      "5D year",
      "6E value",
      "7E value",
      "8F due_month",
      "10A region",
      "11E value",
    ]);
    expect(errors[0]?.reason).toMatch(/not a region under 330000/);
    expect(errors[6]?.reason).toMatch(/also on row 9/);
    expect((await t.api.inject("/api/targets?year=2026")).json().targets).toEqual([]);
  });

  it("refuses a file without the code row, and anything but a spreadsheet", async () => {
    const res = await upload(Buffer.from("a,b\n1,2\n"), "parent=330000", "x.csv");
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].reason).toMatch(/row of column codes/);
    const pdf = await upload(Buffer.from("%PDF-1.4"), "parent=330000", "x.pdf");
    expect(pdf.statusCode).toBe(415);
  });

  it("is the province's, within its own province", async () => {
    const csv = Buffer.from("t\nregion,indicator,year,value\n440100,shantytown_starts,2026,1\n");
    const gd = await t.as("gd_official");
    const ok = await gd.inject({
      method: "POST",
      url: "/api/targets/import?parent=440000&dryRun=true",
      ...multipartFile("t.csv", csv),
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const zj = await upload(csv, "parent=440000", "t.csv");
    expect(zj.statusCode).toBe(403);
    const reporter = await t.as("wz_reporter");
    const refused = await reporter.inject({
      method: "POST",
      url: "/api/targets/import?parent=330300",
      ...multipartFile("t.csv", csv),
    });
    expect(refused.statusCode).toBe(403);
  });
});
