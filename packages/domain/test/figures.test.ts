import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkMonth,
  FIGURE_MAXIMUM_BY_UNIT,
  figureMaximum,
  type MonthLine,
  progressTable,
  RATIO_PART_MAXIMUM,
  reportProblems,
  rollUp,
  storedFromTyped,
  targetProblems,
  typedFromStored,
} from "../src/index.js";

const today = new Date(Date.UTC(2026, 11, 1));

describe("the number convention", () => {
  it("a percentage typed 92.5 is stored as 0.925 and read back as 92.5, without binary noise", () => {
    expect(storedFromTyped(92.5, true)).toBe(0.925);
    expect(storedFromTyped(95.2, true)).toBe(0.952);
    expect(typedFromStored(0.952, true)).toBe(95.2);
    expect(storedFromTyped(1234, false)).toBe(1234);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (tenths) => {
        const typed = tenths / 1000;
        expect(typedFromStored(storedFromTyped(typed, true), true)).toBe(typed);
      }),
    );
  });

  it("a rate above 100% is refused where it is checked, whichever way it was sent", () => {
    const sludge = { code: "sludge_safe_disposal", kind: "level" as const, unitZh: "%" };
    const ctx = { indicator: sludge, year: 2026, month: 10, today };
    expect(reportProblems({ value: 0.925 }, ctx)).toEqual([]);
    expect(reportProblems({ value: 92.5 }, ctx).map((p) => p.rule)).toEqual(["above_maximum"]);
    expect(targetProblems(30, { ...sludge, code: "prefab_share", kind: "ratio" })[0]?.rule).toBe(
      "share_above_one",
    );
  });
});

describe("F2: finite arithmetic", () => {
  it("the largest figures of every region of the country (about 3,200) still sum to a finite number", () => {
    for (const unitZh of [...Object.keys(FIGURE_MAXIMUM_BY_UNIT), "吨"]) {
      const max = figureMaximum({ kind: "cumulative", unitZh });
      const sum = rollUp("cumulative", Array(3200).fill({ value: max }));
      expect(Number.isFinite((sum as { value: number }).value), unitZh).toBe(true);
    }
    const parts = rollUp(
      "ratio",
      Array(3200).fill({ numerator: RATIO_PART_MAXIMUM, denominator: RATIO_PART_MAXIMUM }),
    );
    expect(parts).toEqual({ numerator: 3200 * RATIO_PART_MAXIMUM, denominator: 3200 * 1e8 });
  });

  it("figures beyond the maxima (stored before them) roll up to no figure, never Infinity", () => {
    expect(rollUp("cumulative", [{ value: 1e308 }, { value: 1e308 }])).toBeNull();
    const table = progressTable(
      { kind: "cumulative", direction: "higher_is_better" },
      { region: "p", target: 1e308, dueMonth: 12, measure: null },
      [
        { region: "a", target: 1e308, dueMonth: 12, measure: { value: 1e308 } },
        { region: "b", target: 1e308, dueMonth: 12, measure: { value: 1e308 } },
      ],
      { month: 6 },
    );
    expect(JSON.stringify(table)).not.toMatch(/Infinity|NaN/);
    expect(table.parent.actual).toBeNull();
  });
});

describe("checkMonth", () => {
  const line = (code: string, value: number | null, extra: Partial<MonthLine> = {}): MonthLine => ({
    indicator: { code, kind: "cumulative", unitZh: "套" },
    figures: { value, numerator: null, denominator: null },
    previous: { value: 100 },
    pastIncrements: [10, 10, 10],
    target: 1000,
    ...extra,
  });
  const rules = { year: 2026, month: 10, today, allowPartial: false };

  it("a month with a figure missing stays a draft unless the province allows partial months", () => {
    const month = [line("a", 110), line("b", null)];
    expect(checkMonth(month, rules).submitProblems.map((p) => p.rule)).toEqual(["partial_month"]);
    expect(checkMonth(month, rules).missing).toEqual(["b"]);
    expect(checkMonth(month, { ...rules, allowPartial: true }).submitProblems).toEqual([]);
  });

  it("a warning needs an explanation to submit, not to save", () => {
    const jump = [line("a", 200)];
    const check = checkMonth(jump, rules);
    expect(check.errors).toEqual([]);
    expect(check.lines[0]?.warnings.map((w) => w.rule)).toContain("jump_over_3x_median");
    expect(check.submitProblems).toMatchObject([
      { rule: "explanation_required", indicator: "a", field: "explanation" },
    ]);
    expect(checkMonth([line("a", 200, { explanation: "集中开工" })], rules).submitProblems).toEqual(
      [],
    );
  });

  it("errors refuse the save and the submit; an empty month cannot be submitted", () => {
    const check = checkMonth([line("a", 90)], rules);
    expect(check.errors).toMatchObject([{ rule: "ytd_below_previous", indicator: "a" }]);
    expect(check.submitProblems.map((p) => p.rule)).toEqual(["ytd_below_previous"]);
    expect(checkMonth([line("a", null)], rules).submitProblems.map((p) => p.rule)).toEqual([
      "nothing_entered",
    ]);
  });
});
