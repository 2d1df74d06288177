import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";

/** A sheet as rows of cell texts or numbers, 0-based; what both .xlsx and .csv become. */
export type Grid = (string | number | null)[][];

export type FileKind = "xlsx" | "csv";

/** Tells the file's kind from its name and first bytes; null when it is neither. */
export function fileKindOf(filename: string, bytes: Buffer): FileKind | null {
  const name = filename.toLowerCase();
  const zip = bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (name.endsWith(".xlsx")) return zip ? "xlsx" : null;
  if (name.endsWith(".csv")) return zip || bytes.includes(0) ? null : "csv";
  return null;
}

function cellValue(value: ExcelJS.CellValue): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string") return value;
  if (typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString();
  if ("result" in value) return cellValue(value.result as ExcelJS.CellValue);
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("text" in value) return String(value.text);
  return null;
}

export async function readGrid(kind: FileKind, bytes: Buffer): Promise<Grid> {
  if (kind === "csv") {
    // Excel on Chinese Windows saves CSV with a BOM; csv-parse drops it.
    return parse(bytes, { bom: true, relax_column_count: true, skip_empty_lines: false });
  }
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const grid: Grid = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: (string | number | null)[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(cellValue(row.getCell(c).value));
    grid[rowNumber - 1] = cells;
  });
  return Array.from(grid, (row) => row ?? []);
}

/** Spreadsheet column letters: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
