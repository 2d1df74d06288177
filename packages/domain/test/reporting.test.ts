import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  incrementsOf,
  median,
  openMonth,
  reportingDeadline,
  reportProblems,
  reportWarnings,
  timelinessOf,
  transition,
} from "../src/index.js";

const today = new Date(Date.UTC(2026, 10, 25));
const households = { code: "rural_dilapidated", kind: "cumulative" as const, unitZh: "户" };
const prefab = { code: "prefab_share", kind: "ratio" as const, unitZh: "%" };

describe("year-to-date cannot fall", () => {
  it("refuses a cumulative YTD below last month's approved YTD, accepts equal or higher", () => {
    const ctx = { indicator: households, year: 2026, month: 5, today, previous: { value: 500 } };
    expect(reportProblems({ value: 499 }, ctx).map((p) => p.rule)).toEqual(["ytd_below_previous"]);
    expect(reportProblems({ value: 500 }, ctx)).toEqual([]);
  });

  it("applies to each part of a ratio", () => {
    const ctx = {
      indicator: prefab,
      year: 2026,
      month: 5,
      today,
      previous: { numerator: 40, denominator: 200 },
    };
    expect(reportProblems({ numerator: 39, denominator: 210 }, ctx).map((p) => p.field)).toEqual([
      "numerator",
    ]);
    expect(reportProblems({ numerator: 45, denominator: 210 }, ctx)).toEqual([]);
  });
});

describe("reportWarnings", () => {
  const history = [100, 120, 90, 110]; // median 105
  it("warns on a jump above 3× the usual increment", () => {
    const w = reportWarnings({
      ytd: 1000,
      previousYtd: 600,
      pastIncrements: history,
      target: 5000,
    });
    expect(w.map((x) => x.rule)).toEqual(["jump_over_3x_median"]);
    expect(
      reportWarnings({ ytd: 900, previousYtd: 600, pastIncrements: history, target: 5000 }),
    ).toEqual([]);
  });

  it("needs three earlier months before judging what is usual", () => {
    expect(
      reportWarnings({ ytd: 1000, previousYtd: 0, pastIncrements: [10, 10], target: 5000 }),
    ).toEqual([]);
  });

  it("warns on over half the annual target in one month, and on YTD above 150%", () => {
    expect(
      reportWarnings({ ytd: 600, previousYtd: 0, pastIncrements: [], target: 1000 }).map(
        (x) => x.rule,
      ),
    ).toEqual(["over_half_target_in_month"]);
    expect(
      reportWarnings({ ytd: 1600, previousYtd: 1400, pastIncrements: [], target: 1000 }).map(
        (x) => x.rule,
      ),
    ).toEqual(["ytd_over_150pct"]);
    expect(
      reportWarnings({ ytd: 1500, previousYtd: 1400, pastIncrements: [], target: 1000 }),
    ).toEqual([]);
  });

  it("median and increments", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNull();
    expect(incrementsOf([10, 25, 25, 40])).toEqual([10, 15, 0, 15]);
  });

  it("increments add back up to the year-to-date figure", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 12 }),
        (steps) => {
          const ytd = steps.map((_, i) => steps.slice(0, i + 1).reduce((a, b) => a + b, 0));
          return incrementsOf(ytd).reduce((a, b) => a + b, 0) === ytd.at(-1);
        },
      ),
    );
  });
});

describe("workflow", () => {
  it("draft → submitted → returned → submitted → approved, then locked until reopened", () => {
    expect(transition("draft", "submit")).toEqual({ ok: true, status: "submitted" });
    expect(transition("submitted", "return")).toEqual({ ok: true, status: "returned" });
    expect(transition("returned", "save")).toEqual({ ok: true, status: "draft" });
    expect(transition("returned", "submit")).toEqual({ ok: true, status: "submitted" });
    expect(transition("submitted", "approve")).toEqual({ ok: true, status: "approved" });
    const locked = transition("approved", "save");
    expect(locked.ok).toBe(false);
    if (!locked.ok) expect(locked.message).toMatch(/locked/);
    expect(transition("approved", "reopen")).toEqual({ ok: true, status: "returned" });
  });

  it("refuses skipping review", () => {
    expect(transition("draft", "approve").ok).toBe(false);
    expect(transition("draft", "return").ok).toBe(false);
    expect(transition("submitted", "submit").ok).toBe(false);
  });
});

describe("timeliness", () => {
  it("the deadline for October is the end of 5 November, Beijing time", () => {
    const deadline = reportingDeadline(2020, 10);
    expect(deadline.toISOString()).toBe("2020-11-05T15:59:59.999Z");
    expect(reportingDeadline(2022, 12).toISOString()).toBe("2023-01-05T15:59:59.999Z");
  });

  it("judges on time, late and missing", () => {
    const deadline = reportingDeadline(2020, 10);
    expect(timelinessOf(new Date("2020-11-05T23:00:00+08:00"), deadline)).toBe("on_time");
    expect(timelinessOf(new Date("2020-11-06T00:00:00+08:00"), deadline)).toBe("late");
    expect(timelinessOf(null, deadline)).toBe("missing");
  });

  it("the open month is the one whose deadline comes next: November 2026 on 1 December", () => {
    expect(openMonth(new Date("2026-12-01T09:00:00+08:00"))).toEqual({ year: 2026, month: 11 });
    // The last instant of 5 December (Beijing) still belongs to November; the next, to December.
    expect(openMonth(new Date("2026-12-05T23:59:59+08:00"))).toEqual({ year: 2026, month: 11 });
    expect(openMonth(new Date("2026-12-06T00:00:00+08:00"))).toEqual({ year: 2026, month: 12 });
    // Early January reports December of the year before.
    expect(openMonth(new Date("2027-01-03T12:00:00+08:00"))).toEqual({ year: 2026, month: 12 });
    expect(openMonth(new Date("2027-01-05T16:00:00Z"))).toEqual({ year: 2027, month: 1 });
    expect(openMonth(new Date("2026-12-10T09:00:00+08:00"), 15)).toEqual({ year: 2026, month: 11 });
  });

  it("every instant has one open month, and its deadline is the next one", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2001-01-01"), max: new Date("2099-12-31"), noInvalidDate: true }),
        (now) => {
          const open = openMonth(now);
          expect(reportingDeadline(open.year, open.month).getTime()).toBeGreaterThanOrEqual(
            now.getTime(),
          );
          const before = open.month === 1 ? [open.year - 1, 12] : [open.year, open.month - 1];
          expect(
            reportingDeadline(before[0] as number, before[1] as number).getTime(),
          ).toBeLessThan(now.getTime());
        },
      ),
    );
  });
});
