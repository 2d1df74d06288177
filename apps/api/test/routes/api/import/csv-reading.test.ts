import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readCsvByParse, readGrid } from "../../../../src/services/spreadsheets/grid.js";
import { SheetRefused } from "../../../../src/services/spreadsheets/sheet-limits.js";

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
        // csv-parse's path, which any file with a quote or a carriage return takes.
        const expected = await outcome(() => readCsvByParse(bytes, l));
        expect(await outcome(() => readGrid("csv", bytes, l))).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});
