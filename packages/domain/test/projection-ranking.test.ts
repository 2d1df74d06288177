import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { projectYearEnd, rankByScore } from "../src/index.js";

describe("projectYearEnd", () => {
  it("keeps the run rate until the due month", () => {
    // 7,899 units by the end of March runs at 31,596 a year: 289% of 10,925.
    const p = projectYearEnd({
      kind: "cumulative",
      direction: "higher_is_better",
      month: 3,
      actual: 7899,
      target: 10925,
    });
    expect(p.value).toBe(31596);
    expect(p.completion).toBeCloseTo(2.892, 3);
    expect(p.projectedToMiss).toBe(false);
  });

  it("flags a region projected to miss", () => {
    const p = projectYearEnd({
      kind: "cumulative",
      direction: "higher_is_better",
      month: 10,
      actual: 500,
      target: 1000,
    });
    expect(p.completion).toBeCloseTo(0.6, 9);
    expect(p.projectedToMiss).toBe(true);
  });

  it("holds a ratio or level figure where it is", () => {
    const share = projectYearEnd({
      kind: "ratio",
      direction: "higher_is_better",
      month: 10,
      actual: 0.2,
      target: 0.3,
    });
    expect(share.value).toBe(0.2);
    expect(share.projectedToMiss).toBe(true);
    const days = projectYearEnd({
      kind: "level",
      direction: "lower_is_better",
      month: 6,
      actual: 35,
      target: 40,
    });
    expect(days.projectedToMiss).toBe(false);
  });

  it("a cumulative projection is never below the actual", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 12 }),
        (actual, month, dueMonth) => {
          const p = projectYearEnd({
            kind: "cumulative",
            direction: "higher_is_better",
            month,
            dueMonth,
            actual,
            target: 100,
          });
          return p.value !== null && p.value >= actual;
        },
      ),
    );
  });
});

describe("rankByScore", () => {
  it("ranks highest first with ties sharing a rank, unscored last without rank", () => {
    expect(rankByScore([0.5, 0.9, null, 0.5, 0.1])).toEqual([2, 1, null, 2, 4]);
  });

  it("gives rank 1 to a maximum and ranks within 1..n", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1 }), (scores) => {
        const ranks = rankByScore(scores) as number[];
        const best = Math.max(...scores);
        return scores.every(
          (s, i) =>
            (ranks[i] as number) >= 1 &&
            (ranks[i] as number) <= scores.length &&
            (s !== best || ranks[i] === 1),
        );
      }),
    );
  });
});
