import { parse } from "csv-parse/sync";
import { type GridLimits, SheetRefused } from "./sheet-limits.js";
import { readXlsx } from "./xlsx-reader.js";

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

/** A .csv within the limits: a value beyond them refuses the file, blanks beyond are dropped. */
function readCsv(bytes: Buffer, limits: GridLimits): Grid {
  const blank = (cell: string) => cell.trim() === "";
  // Excel on Chinese Windows saves CSV with a BOM; csv-parse drops it.
  return parse(bytes, {
    bom: true,
    relax_column_count: true,
    skip_empty_lines: false,
    on_record: (record: string[], { records }: { records: number }) => {
      const beyond = record.findIndex((cell, i) => i >= limits.columns && !blank(cell));
      if (beyond >= 0) {
        throw new SheetRefused(
          `the file has a value in column ${beyond + 1} (row ${records}); a sheet for this template has at most ${limits.columns} columns`,
        );
      }
      if (records > limits.rows) {
        if (record.some((cell) => !blank(cell))) {
          throw new SheetRefused(
            `the file has a value in row ${records}; a sheet for this template has at most ${limits.rows} rows`,
          );
        }
        return null;
      }
      return record.length > limits.columns ? record.slice(0, limits.columns) : record;
    },
  });
}

/**
 * Reads the first sheet (or the .csv) in one pass, never past the limits the caller's template
 * allows: a value beyond them refuses the whole file (SheetRefused). Runs on a worker thread in
 * the server (plugins/app/spreadsheet-reader.ts), so a slow file cannot hold up other requests.
 */
export async function readGrid(kind: FileKind, bytes: Buffer, limits: GridLimits): Promise<Grid> {
  return kind === "csv" ? readCsv(bytes, limits) : readXlsx(bytes, limits);
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
