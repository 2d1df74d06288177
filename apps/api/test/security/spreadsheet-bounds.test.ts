import { bumpDataVersion, queryRows } from "@jindu/db";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { strToU8, zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import type { ImportResult } from "../../src/schemas/index.js";
import { useTestApp } from "../helper.js";
import { loadWorkbook, multipartFile, workbookBytes } from "../spreadsheet-helpers.js";

const t = useTestApp();
// As the probe: a bureau (Hangzhou) checking its own month.
const month = "parent=330100&year=2023&month=3";

/** The probe's workbook: cells A1:C2 and one more cell far away. */
async function workbookWithFarCell(address: string) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Sheet1");
  sheet.addRow(["region", "name", "shantytown_starts"]);
  sheet.addRow(["330100", "杭州市", 100]);
  sheet.getCell(address).value = 1;
  return workbookBytes(workbook);
}

/** A minimal .xlsx written by hand, so that its sheet can be anything at all. */
function rawWorkbook(sheetXml: string) {
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  return Buffer.from(
    zipSync(
      {
        "[Content_Types].xml": strToU8(
          '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
            '<Default Extension="xml" ContentType="application/xml"/>' +
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
            "</Types>",
        ),
        "_rels/.rels": strToU8(
          `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
        ),
        "xl/workbook.xml": strToU8(
          `<?xml version="1.0"?><workbook ${ns} xmlns:r="${rel}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
        ),
        "xl/_rels/workbook.xml.rels": strToU8(
          `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
        ),
        // The <dimension> lies on purpose: the reader must not trust it.
        "xl/worksheets/sheet1.xml": strToU8(
          `<?xml version="1.0"?><worksheet ${ns}><dimension ref="A1:C2"/><sheetData>${sheetXml}</sheetData></worksheet>`,
        ),
      },
      { level: 1 },
    ),
  );
}

const codeRows =
  '<row r="1"><c r="A1" t="inlineStr"><is><t>region</t></is></c><c r="B1" t="inlineStr"><is><t>name</t></is></c><c r="C1" t="inlineStr"><is><t>shantytown_starts</t></is></c></row>' +
  '<row r="2"><c r="A2" t="inlineStr"><is><t>330100</t></is></c><c r="C2"><v>100</v></c></row>';

/** Every row of a sheet, as Excel allows at most: 1,048,576 real rows with a value each. */
function millionRows() {
  const rows: string[] = [codeRows];
  for (let r = 3; r <= 1_048_576; r++) rows.push(`<row r="${r}"><c r="C${r}"><v>1</v></c></row>`);
  return rawWorkbook(rows.join(""));
}

/**
 * Sends an upload and meanwhile asks /healthz every 10 ms; answers the upload's response, how
 * long it took and the slowest /healthz answer.
 */
async function uploadWatchingHealth(bytes: Buffer, url = `/api/import?${month}&dryRun=true`) {
  const { payload, headers } = multipartFile("probe.xlsx", bytes);
  const reporter = await t.as("hz_reporter");
  const started = performance.now();
  let done = false;
  const upload = reporter.inject({ method: "POST", url, payload, headers }).finally(() => {
    done = true;
  });
  const health: number[] = [];
  while (!done) {
    const t0 = performance.now();
    const res = await t.app.inject({ url: "/healthz" });
    expect(res.statusCode).toBe(200);
    health.push(performance.now() - t0);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const res = await upload;
  return { res, seconds: (performance.now() - started) / 1000, slowestHealth: Math.max(...health) };
}

describe("F1: a spreadsheet is read within its template's shape, off the request thread", () => {
  // As when the server starts listening: a reader thread is started before the first upload.
  beforeAll(async () => {
    const { payload, headers } = multipartFile("warm.csv", Buffer.from("region,name\n"));
    await t.api.inject({
      method: "POST",
      url: `/api/import?${month}&dryRun=true`,
      payload,
      headers,
    });
  });

  it("F1: refuses the probe's 1.6 KB workbook with a cell at XFD20000 at once, /healthz answering throughout", async () => {
    const bytes = await workbookWithFarCell("XFD20000");
    expect(bytes.length).toBeLessThan(10_000);
    const { res, seconds, slowestHealth } = await uploadWatchingHealth(bytes);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ field: "file", rule: "sheet_too_large" });
    expect(res.json().message).toMatch(/row 20000.*at most 21 rows/);
    expect(seconds).toBeLessThan(1);
    expect(slowestHealth).toBeLessThan(100);
  });

  it("F1: refuses a cell at XFD1048576, and one at XFD2 past the template's columns", async () => {
    const last = await uploadWatchingHealth(await workbookWithFarCell("XFD1048576"));
    expect(last.res.statusCode).toBe(413);
    expect(last.res.json().message).toMatch(/row 1048576/);
    expect(last.seconds).toBeLessThan(1);
    expect(last.slowestHealth).toBeLessThan(100);

    const wide = await uploadWatchingHealth(await workbookWithFarCell("XFD2"));
    expect(wide.res.statusCode).toBe(413);
    expect(wide.res.json().message).toMatch(/column 16384 \(row 2\).*at most \d+ columns/);
  });

  it("F1: refuses a sheet of 1,048,576 real rows before inflating it, the annotated check and the targets import too", async () => {
    const bytes = millionRows();
    expect(bytes.length).toBeLessThan(20 * 1024 * 1024);
    const { res, seconds, slowestHealth } = await uploadWatchingHealth(bytes);
    expect(res.statusCode).toBe(413);
    expect(res.json().message).toMatch(/sheet unpacks to \d+ bytes; at most \d+ are read/);
    expect(seconds).toBeLessThan(1);
    expect(slowestHealth).toBeLessThan(100);

    const annotated = await uploadWatchingHealth(bytes, `/api/import/annotated?${month}`);
    expect(annotated.res.statusCode).toBe(413);
    const { payload, headers } = multipartFile("targets.xlsx", bytes);
    const targets = await t.api.inject({
      method: "POST",
      url: "/api/targets/import?parent=330000&dryRun=true",
      payload,
      headers,
    });
    expect(targets.statusCode).toBe(413);
  });

  it("F1: refuses a part that inflates to more than its zip directory declares (a zip bomb)", async () => {
    const rows = Array.from(
      { length: 20_000 },
      (_, i) => `<row r="${i + 3}"><c r="D${i + 3}"/></row>`,
    );
    const bytes = rawWorkbook(codeRows + rows.join(""));
    // Make the sheet's entries (local header and central directory) claim 1,000 bytes.
    const name = Buffer.from("xl/worksheets/sheet1.xml");
    for (let at = bytes.indexOf(name); at >= 0; at = bytes.indexOf(name, at + 1)) {
      const central = bytes.readUInt32LE(at - 46) === 0x02014b50;
      bytes.writeUInt32LE(1_000, central ? at - 46 + 24 : at - 30 + 22);
    }
    const { res, slowestHealth } = await uploadWatchingHealth(bytes);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/unpacks to more than it declares/);
    expect(slowestHealth).toBeLessThan(100);
  });

  it("F1: blank rows and styled cells past the values are not refused, and <dimension> is ignored", async () => {
    const styled = Array.from(
      { length: 200 },
      (_, i) => `<row r="${i + 3}"><c r="Z${i + 3}" s="1"/></row>`,
    );
    const res = await uploadWatchingHealth(rawWorkbook(codeRows + styled.join("")));
    expect(res.res.statusCode).toBe(200);
    const result: ImportResult = res.res.json();
    expect(result).toMatchObject({ ok: true, rows: 1, changed: 1 });
  });

  it("F1: a real 3,200-row × 23-column workbook imports in seconds, not minutes", async () => {
    // A synthetic parent with 3,200 counties, as a large province's sheet would have.
    await queryRows(
      t.database.db,
      sql`insert into regions (code, name_zh, name_en, level, parent_code)
          values ('990000', '测试省', 'Test Province', 'province', null)`,
    );
    await queryRows(
      t.database.db,
      sql`insert into regions (code, name_zh, name_en, level, parent_code)
          select (900000 + n)::text, '测试县' || n, 'Test County ' || n, 'county', '990000'
          from generate_series(0, 3199) as n`,
    );
    await bumpDataVersion(t.database.db);
    const q = "parent=990000&year=2023&month=3";
    const template = await t.api.inject({ url: `/api/import/template?${q}` });
    const workbook = await loadWorkbook(template.rawPayload);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error("no sheet");
    const codes = sheet.getRow(2).values as (string | undefined)[];
    // 23 columns of figures; the explanation columns after them stay blank, as they mostly do.
    expect(codes.filter((c) => c && !c.endsWith(".explanation")).length).toBe(23);
    for (let r = 3; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      codes.forEach((code, c) => {
        if (!code || c < 3 || code.endsWith(".explanation")) return;
        // Denominators above numerators; every other figure a small whole number.
        row.getCell(c).value = code.endsWith(".denominator") ? 200 + (r % 7) : 10 + (r % 90);
      });
    }
    const bytes = await workbookBytes(workbook);
    const { payload, headers } = multipartFile("large.xlsx", bytes);
    const started = performance.now();
    const res = await t.api.inject({
      method: "POST",
      url: `/api/import?${q}&dryRun=true`,
      payload,
      headers,
    });
    const seconds = (performance.now() - started) / 1000;
    const result: ImportResult = res.json();
    expect(result.errors.slice(0, 3)).toEqual([]);
    expect(result).toMatchObject({ ok: true, rows: 3200 });
    // The issue asks for under 2 s (bench/src/bench.ts measures it); the quadratic reader took
    // 21.9 s for this file, so this generous bound for a loaded test machine still catches it.
    expect(seconds).toBeLessThan(8);
  });
});
