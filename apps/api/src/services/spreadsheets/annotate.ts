import ExcelJS from "exceljs";
import type { Grid } from "./grid.js";
import type { CellError } from "./import.js";

const RED = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } } as const;

/** The uploaded sheet with every bad cell filled red and its reason as a note, plus a list. */
export async function annotatedWorkbook(grid: Grid, errors: readonly CellError[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("标注 Annotated");
  for (const row of grid) sheet.addRow(row.map((c) => c ?? null));
  for (const e of errors) {
    const cell = sheet.getCell(`${e.column}${Math.max(1, e.row)}`);
    cell.fill = RED;
    const previous = typeof cell.note === "string" ? `${cell.note}\n` : "";
    cell.note = `${previous}${e.reason}`;
  }
  const list = workbook.addWorksheet("错误 Errors");
  list.addRow(["行 Row", "列 Column", "字段 Field", "原因 Reason"]).font = { bold: true };
  for (const e of errors) list.addRow([e.row, e.column, e.field, e.reason]);
  list.getColumn(4).width = 90;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
