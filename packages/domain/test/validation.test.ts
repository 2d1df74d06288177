import { describe, expect, it } from "vitest";
import { type ReportContext, reportProblems, targetProblems } from "../src/index.js";

const today = new Date(Date.UTC(2026, 10, 25));
const households = { code: "rural_dilapidated", kind: "cumulative" as const, unitZh: "户" };
const prefab = { code: "prefab_share", kind: "ratio" as const, unitZh: "%" };
const km = { code: "gas_pipe_renewal", kind: "cumulative" as const, unitZh: "公里" };
const rules = (
  input: Parameters<typeof reportProblems>[0],
  indicator: ReportContext["indicator"] = households,
  year = 2026,
  month = 10,
) => reportProblems(input, { indicator, year, month, today }).map((p) => p.rule);

describe("reportProblems", () => {
  it("accepts a whole count, a decimal length and a valid pair of parts", () => {
    expect(rules({ value: 8994 })).toEqual([]);
    expect(rules({ value: 12.5 }, km)).toEqual([]);
    expect(rules({ numerator: 40, denominator: 500 }, prefab)).toEqual([]);
  });

  it("refuses negatives, fractions of households, and numerator above denominator", () => {
    expect(rules({ value: -1 })).toEqual(["negative"]);
    expect(rules({ value: 2.5 })).toEqual(["not_integer"]);
    expect(rules({ numerator: 600, denominator: 500 }, prefab)).toEqual([
      "numerator_exceeds_denominator",
    ]);
    expect(rules({ numerator: -1, denominator: 5 }, prefab)).toEqual(["negative"]);
  });

  it("refuses a month that has not begun, and the wrong shape for the kind", () => {
    expect(rules({ value: 1 }, households, 2026, 12)).toEqual(["future_month"]);
    expect(rules({ value: 1 }, households, 2027, 1)).toEqual(["future_month"]);
    expect(rules({ value: 1 }, households, 2026, 11)).toEqual([]);
    expect(rules({ value: 0.3 }, prefab)).toEqual(["ratio_parts"]);
    expect(rules({ numerator: 1, denominator: 2 })).toEqual(["value_required"]);
  });
});

describe("targetProblems", () => {
  it("wants shares as fractions and counts as whole numbers", () => {
    expect(targetProblems(0.3, prefab)).toEqual([]);
    expect(targetProblems(30, prefab).map((p) => p.rule)).toEqual(["share_above_one"]);
    expect(targetProblems(10925.5, households).map((p) => p.rule)).toEqual(["not_integer"]);
    expect(targetProblems(10925, households)).toEqual([]);
    expect(targetProblems(-5, households).map((p) => p.rule)).toEqual(["negative"]);
  });
});
