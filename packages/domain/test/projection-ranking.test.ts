import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { attainment, overallScore, projectYearEnd, rankByScore } from "../src/index.js";

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

describe("overallScore (the bulletin's 综合得分)", () => {
  it("averages completion over schedule, each capped at 100%", () => {
    // Guangdong Q1 2020: shantytown starts 72.3% against a 25% schedule counts as fully on
    // pace; basic completions 34.5% against 25% too; a line at 10% against 25% is 40% along.
    const lines = [
      { status: "completed", completion: 0.723, schedule: 0.25 },
      { status: "green", completion: 0.345, schedule: 0.25 },
      { status: "red", completion: 0.1, schedule: 0.25 },
    ];
    expect(attainment(lines[2] as (typeof lines)[number])).toBeCloseTo(0.4, 9);
    expect(overallScore(lines)).toBeCloseTo(80, 9);
  });

  it("is published to one decimal, so that scores that read the same share a rank", () => {
    // Two regions 0.03 apart before rounding (99.70 and 99.67): both read 99.7 in the bulletin,
    // so they rank together, and the next one ranks third.
    const region = (attainments: number[]) =>
      attainments.map((a) => ({ status: "green", completion: a * 0.5, schedule: 0.5 }));
    const scores = [
      overallScore(region([1, 1, 0.9910174])),
      overallScore(region([1, 1, 0.9900247])),
      overallScore(region([1, 0.95, 1])),
    ];
    expect(scores).toEqual([99.7, 99.7, 98.3]);
    expect(rankByScore(scores)).toEqual([1, 1, 3]);
  });

  it("leaves out lines without a status, and is null when none is rated", () => {
    expect(overallScore([{ status: null, completion: 0.5, schedule: 0.5 }])).toBeNull();
    expect(
      overallScore([
        { status: null, completion: null, schedule: 0.5 },
        { status: "yellow", completion: 0.3, schedule: 0.5 },
      ]),
    ).toBeCloseTo(60, 9);
  });

  it("stays between 0 and 100, and never falls when one line's completion rises", () => {
    const line = fc.record({
      status: fc.constantFrom("green", "red", null),
      completion: fc.option(fc.double({ min: 0, max: 5, noNaN: true }), { nil: null }),
      schedule: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 19 }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        (lines, more) => {
          const score = overallScore(lines);
          if (score === null) return;
          expect(score).toBeGreaterThanOrEqual(0);
          expect(score).toBeLessThanOrEqual(100 + 1e-9);
          const [first, ...rest] = lines;
          if (!first || first.completion === null) return;
          const raised = overallScore([{ ...first, completion: first.completion + more }, ...rest]);
          expect(raised as number).toBeGreaterThanOrEqual(score - 1e-9);
        },
      ),
    );
  });
});
