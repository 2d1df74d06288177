import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readGrid } from "../../../../src/services/spreadsheets/grid.js";
import {
  type GridLimits,
  SheetRefused,
} from "../../../../src/services/spreadsheets/sheet-limits.js";

/** The .csv reading as it was before plain files got their own quick path: csv-parse alone. */
function byCsvParse(bytes: Buffer, limits: GridLimits) {
  const blank = (cell: string) => cell.trim() === "";
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

const outcome = async (read: () => unknown) => {
  try {
    return { grid: await read() };
  } catch (error) {
    return { refused: error instanceof SheetRefused ? error.message : String(error) };
  }
};

describe(".csv reading", () => {
  it("reads any file exactly as csv-parse does, within the same limits", async () => {
    // Cells of digits, Chinese, blanks and spaces; commas, line ends, a BOM; sometimes a quote
    // or a carriage return (csv-parse's own path).
    const cell = fc.oneof(
      fc.constantFrom("", " ", "330100", "杭州市", "1,234", "12.5", "  7 ", "x"),
      fc.stringMatching(/^[0-9a-z 市区]{0,6}$/),
    );
    const line = fc.array(cell, { maxLength: 7 }).map((cells) => cells.join(","));
    const file = fc
      .record({
        bom: fc.boolean(),
        lines: fc.array(line, { maxLength: 9 }),
        end: fc.constantFrom("", "\n", "\n\n"),
        odd: fc.constantFrom("", "", "", '"a"', "\r"),
      })
      .map(({ bom, lines, end, odd }) => `${bom ? "\uFEFF" : ""}${lines.join("\n")}${odd}${end}`);
    const limits = fc.record({
      rows: fc.integer({ min: 1, max: 8 }),
      columns: fc.integer({ min: 1, max: 6 }),
    });
    await fc.assert(
      fc.asyncProperty(file, limits, async (text, l) => {
        const bytes = Buffer.from(text);
        const expected = await outcome(() => byCsvParse(bytes, l));
        expect(await outcome(() => readGrid("csv", bytes, l))).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});
