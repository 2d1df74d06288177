/** How far a sheet is read: rows and columns (1-based counts) that may hold values. */
export interface GridLimits {
  rows: number;
  columns: number;
}

/**
 * A file refused before or while it is read: larger than its template allows (413) or not a
 * readable workbook (400). The message names the limit or the damage.
 */
export class SheetRefused extends Error {
  override name = "SheetRefused";
  constructor(
    message: string,
    readonly statusCode: 400 | 413 = 413,
  ) {
    super(message);
  }
}
