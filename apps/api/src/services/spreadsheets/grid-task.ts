import { type FileKind, readGrid } from "./grid.js";
import { type GridLimits, SheetRefused } from "./sheet-limits.js";

export interface GridTask {
  kind: FileKind;
  bytes: Uint8Array;
  limits: GridLimits;
}

/** What a worker answers: the grid, or why the file was refused (errors do not cross threads whole). */
export type GridAnswer =
  | { grid: (string | number | null)[][] }
  | { refused: string; statusCode: number };

export default async function readGridTask(task: GridTask): Promise<GridAnswer> {
  const bytes = Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength);
  try {
    return { grid: await readGrid(task.kind, bytes, task.limits) };
  } catch (error) {
    if (error instanceof SheetRefused)
      return { refused: error.message, statusCode: error.statusCode };
    // csv-parse names the line and the problem (an unclosed quote, say); nothing internal.
    if (error instanceof Error && "code" in error && String(error.code).startsWith("CSV_")) {
      return { refused: `the .csv file cannot be read: ${error.message}`, statusCode: 400 };
    }
    throw error;
  }
}
