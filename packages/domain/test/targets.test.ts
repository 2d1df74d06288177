import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkDecomposition,
  exactSum,
  parsePastedColumn,
  planDecimals,
  planProblems,
  splitTotal,
} from "../src/index.js";

const CUMULATIVE = { kind: "cumulative", direction: "higher_is_better" } as const;
const SHARE = { kind: "ratio", direction: "higher_is_better" } as const;
const DAYS = { kind: "level", direction: "lower_is_better" } as const;

describe("checkDecomposition", () => {
  it("adds cumulative children exactly and warns when they fall short of the parent", () => {
    expect(checkDecomposition(CUMULATIVE, 100, [30, 30, 40])).toMatchObject({
      sum: 100,
      difference: 0,
      status: "consistent",
      severity: "ok",
    });
    expect(checkDecomposition(CUMULATIVE, 100, [30, 30, 39])).toMatchObject({
      sum: 99,
      difference: -1,
      status: "short",
      severity: "warning",
    });
    expect(checkDecomposition(CUMULATIVE, 100, [30, 30, 41])).toMatchObject({
      difference: 1,
      status: "over",
      severity: "info",
    });
    expect(checkDecomposition(CUMULATIVE, 0.3, [0.1, 0.2]).status).toBe("consistent");
  });

  it("counts blank children as not entered, and cannot compare without a parent", () => {
    expect(checkDecomposition(CUMULATIVE, 100, [60, null, undefined])).toMatchObject({
      sum: 60,
      entered: 1,
      status: "short",
    });
    expect(checkDecomposition(CUMULATIVE, null, [1, 2]).status).toBe("incomplete");
    expect(checkDecomposition(CUMULATIVE, 5, [null]).status).toBe("incomplete");
  });

  it("never sums shares: every city below the province share is a warning, some is information", () => {
    expect(checkDecomposition(SHARE, 0.3, [0.3, 0.35])).toMatchObject({
      sum: null,
      status: "consistent",
      severity: "ok",
    });
    expect(checkDecomposition(SHARE, 0.3, [0.25, 0.35, null])).toMatchObject({
      status: "mixed",
      severity: "info",
      worse: [0],
    });
    expect(checkDecomposition(SHARE, 0.3, [0.2, 0.25])).toMatchObject({
      status: "short",
      severity: "warning",
      worse: [0, 1],
    });
  });

  it("reads a lower-is-better level in its direction: more days is worse", () => {
    expect(checkDecomposition(DAYS, 40, [35, 40]).status).toBe("consistent");
    expect(checkDecomposition(DAYS, 40, [35, 45])).toMatchObject({ status: "mixed", worse: [1] });
  });

  it("cumulative: consistent exactly when the whole-unit children add up to the parent", () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(100_000), { minLength: 1, maxLength: 30 }),
        fc.nat(3_000_000),
        (children, parent) => {
          const check = checkDecomposition(CUMULATIVE, parent, children);
          const sum = children.reduce((a, b) => a + b, 0);
          expect(check.sum).toBe(sum);
          expect(check.difference).toBe(sum - parent);
          expect(check.status === "consistent").toBe(sum === parent);
          expect(check.severity === "warning").toBe(sum < parent);
        },
      ),
    );
  });
});

describe("splitTotal", () => {
  it("splits evenly in whole units, the remainder to the last years", () => {
    expect(splitTotal(50_000, 5)).toEqual([10_000, 10_000, 10_000, 10_000, 10_000]);
    expect(splitTotal(10, 4)).toEqual([2, 2, 3, 3]);
    expect(splitTotal(3, 5)).toEqual([0, 0, 1, 1, 1]);
    expect(splitTotal(0, 2)).toEqual([0, 0]);
    expect(splitTotal(7, 1)).toEqual([7]);
  });

  it("splits decimals in steps of the given precision", () => {
    expect(splitTotal(1, 3, 2)).toEqual([0.33, 0.33, 0.34]);
    expect(exactSum(splitTotal(12.5, 4, 2))).toBe(12.5);
  });

  it("refuses no years and negative totals", () => {
    expect(() => splitTotal(10, 0)).toThrow(RangeError);
    expect(() => splitTotal(-1, 2)).toThrow(RangeError);
  });

  it("always sums to exactly the total, in whole units, never decreasing, at most one apart", () => {
    fc.assert(
      fc.property(fc.nat(10_000_000), fc.integer({ min: 1, max: 30 }), (total, years) => {
        const values = splitTotal(total, years);
        expect(values).toHaveLength(years);
        expect(values.reduce((a, b) => a + b, 0)).toBe(total);
        expect(values.every(Number.isInteger)).toBe(true);
        for (let i = 1; i < years; i++) {
          expect(values[i]).toBeGreaterThanOrEqual(values[i - 1] as number);
        }
        expect(Math.max(...values) - Math.min(...values)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it("sums decimal totals exactly at their precision", () => {
    fc.assert(
      fc.property(fc.nat(10_000_000), fc.integer({ min: 1, max: 12 }), (hundredths, years) => {
        const total = hundredths / 100;
        const values = splitTotal(total, years, planDecimals(total, false));
        expect(exactSum(values)).toBe(total);
      }),
    );
  });
});

describe("planProblems", () => {
  const plan = { fromYear: 2021, toYear: 2025, total: 10, wholeUnits: true };
  it("accepts a breakdown that sums to the total", () => {
    expect(planProblems({ ...plan, yearValues: [2, 2, 2, 2, 2] })).toEqual([]);
    expect(planProblems({ ...plan, yearValues: [0, 0, 0, 0, 10] })).toEqual([]);
  });

  it("names the rule broken", () => {
    const rules = (yearValues: number[], extra = {}) =>
      planProblems({ ...plan, ...extra, yearValues }).map((p) => p.rule);
    expect(rules([2, 2, 2, 2])).toEqual(["year_count"]);
    expect(rules([2, 2, 2, 2, 1])).toEqual(["sum_mismatch"]);
    expect(rules([2, 2, 2, 2.5, 1.5])).toEqual(["not_integer", "not_integer"]);
    expect(rules([12, -2, 0, 0, 0])).toEqual(["negative"]);
    expect(rules([], { toYear: 2020 })).toEqual(["years_reversed"]);
    expect(rules([0.1, 0.2], { toYear: 2022, total: 0.3, wholeUnits: false })).toEqual([]);
  });

  it("accepts every even split of a total", () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.integer({ min: 0, max: 9 }), (total, span) => {
        const yearValues = splitTotal(total, span + 1);
        expect(
          planProblems({
            fromYear: 2021,
            toYear: 2021 + span,
            total,
            yearValues,
            wholeUnits: true,
          }),
        ).toEqual([]);
      }),
    );
  });
});

describe("parsePastedColumn", () => {
  it("reads a column copied from Excel, with its trailing newline", () => {
    expect(parsePastedColumn("1,200\r\n800\r\n\r\n１５００\r\n")).toEqual({
      values: [1200, 800, null, 1500],
      problems: [],
    });
  });

  it("keeps the last cell of rows copied with their names, and drops a percent sign", () => {
    expect(parsePastedColumn("杭州市\t35%\n宁波市\t30.5\n温州市\t\t").values).toEqual([
      35,
      30.5,
      null,
    ]);
  });

  it("lists what is not a number by row", () => {
    expect(parsePastedColumn("12\nabc\n3")).toEqual({
      values: [12, null, 3],
      problems: [{ row: 2, text: "abc" }],
    });
    expect(parsePastedColumn("")).toEqual({ values: [], problems: [] });
  });

  it("reads back any column of figures written one per line", () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.nat(10_000_000), { nil: null }), { maxLength: 40 }),
        fc.constantFrom("\n", "\r\n"),
        (values, eol) => {
          // A trailing blank row cannot be told from Excel's final newline.
          while (values.length > 0 && values.at(-1) === null) values.pop();
          const text = values.map((v) => (v === null ? "" : v.toLocaleString("en-US"))).join(eol);
          expect(parsePastedColumn(`${text}${eol}`).values).toEqual(values);
        },
      ),
    );
  });
});
