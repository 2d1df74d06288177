import type { Grid } from "./grid.js";
import type { CellError } from "./import.js";
import { newWorkbook } from "./workbook.js";

const RED = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } } as const;
const YELLOW = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFEB9C" } } as const;

/** What a held cell asks of the person, in Chinese first. */
const ASK: Record<string, string> = {
  explanation_required: "请填写情况说明，否则只能保存为草稿。Explain this figure to submit it.",
  partial_month: "本月有指标未填报，只能保存为草稿。Figures are missing: the month stays a draft.",
};

/**
 * The uploaded sheet with every bad cell filled red and its reason as a note, every cell that
 * keeps a month from being submitted (a missing explanation) yellow with what it needs, and a
 * list of both.
 */
export async function annotatedWorkbook(
  grid: Grid,
  errors: readonly CellError[],
  held: readonly CellError[] = [],
): Promise<Buffer> {
  const workbook = await newWorkbook();
  const sheet = workbook.addWorksheet("标注 Annotated");
  for (const row of grid) sheet.addRow(row.map((c) => c ?? null));
  const mark = (e: CellError, fill: typeof RED | typeof YELLOW, text: string) => {
    const cell = sheet.getCell(`${e.column}${Math.max(1, e.row)}`);
    cell.fill = fill;
    const previous = typeof cell.note === "string" ? `${cell.note}\n` : "";
    cell.note = `${previous}${text}`;
  };
  for (const e of errors) mark(e, RED, e.reason);
  for (const e of held) mark(e, YELLOW, `${ASK[e.rule ?? ""] ?? ""}\n${e.reason}`.trim());
  const list = workbook.addWorksheet("错误 Errors");
  list.addRow(["行 Row", "列 Column", "字段 Field", "原因 Reason"]).font = { bold: true };
  for (const e of errors) list.addRow([e.row, e.column, e.field, e.reason]);
  for (const e of held)
    list.addRow([e.row, e.column, e.field, `${ASK[e.rule ?? ""] ?? ""} ${e.reason}`]);
  list.getColumn(4).width = 90;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
