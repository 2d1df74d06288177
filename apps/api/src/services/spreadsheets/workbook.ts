import type { Workbook } from "exceljs";

let exceljs: Promise<typeof import("exceljs")> | undefined;

/**
 * A new exceljs workbook. exceljs (with its zip and stream modules) takes about 0.3 s to load:
 * it is loaded by the first download that needs it, not by every start of the server (issue 16).
 */
export async function newWorkbook(): Promise<Workbook> {
  exceljs ??= import("exceljs");
  const loaded = (await exceljs) as typeof import("exceljs") & {
    default?: typeof import("exceljs");
  };
  // Node imports a CommonJS module with its exports as the default export.
  const ExcelJS = loaded.default ?? loaded;
  return new ExcelJS.Workbook();
}
