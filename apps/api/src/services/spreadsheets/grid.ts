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

/**
 * The records of a .csv with no quote and no carriage return (what programs and a bench write):
 * its lines split at commas, exactly what csv-parse makes of such a file (a last line break ends
 * the last record, an empty line is one empty field, a UTF-8 BOM is dropped) in a tenth of its
 * time. Anything else (quoted fields, CRLF or CR line ends) is csv-parse's: null.
 */
function plainRecords(bytes: Buffer): string[][] | null {
  if (bytes.includes(0x22) || bytes.includes(0x0d)) return null;
  // A UTF-16 byte order mark: csv-parse would read the file as UTF-16.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    return null;
  let text = bytes.toString("utf8");
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text === "") return [];
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines.map((line) => line.split(","));
}

/** The rule of a .csv record within the limits: a value beyond them refuses the file (the
 * record's 1-based number in the message), blanks beyond are dropped; null drops the record. */
function recordWithin(limits: GridLimits): (record: string[], records: number) => string[] | null {
  const blank = (cell: string) => cell.trim() === "";
  return (record: string[], records: number): string[] | null => {
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
  };
}

/** A .csv read by csv-parse within the limits: any file, quoted fields and CR line ends too. */
export function readCsvByParse(bytes: Buffer, limits: GridLimits): Grid {
  const kept = recordWithin(limits);
  // Excel on Chinese Windows saves CSV with a BOM; csv-parse drops it.
  return parse(bytes, {
    bom: true,
    relax_column_count: true,
    skip_empty_lines: false,
    on_record: (record: string[], { records }: { records: number }) => kept(record, records),
  });
}

/** A .csv within the limits: a plain one split directly, anything else by csv-parse. */
function readCsv(bytes: Buffer, limits: GridLimits): Grid {
  const plain = plainRecords(bytes);
  if (!plain) return readCsvByParse(bytes, limits);
  const kept = recordWithin(limits);
  const grid: Grid = [];
  for (let i = 0; i < plain.length; i++) {
    const record = kept(plain[i] as string[], i + 1);
    if (record) grid.push(record);
  }
  return grid;
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
