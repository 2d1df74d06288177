import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  dataQuality,
  incrementsOf,
  type QualityRecord,
  reportWarnings,
  type WarnedFigure,
  warningTally,
} from "../src/index.js";

const perfect: QualityRecord = {
  monthsDue: 10,
  monthsReported: 10,
  monthsOnTime: 10,
  correctionsAfterApproval: 0,
  warnings: 3,
  unexplainedWarnings: 0,
};

describe("data quality", () => {
  it("is 100 for a region that reported every month on time, never corrected and explained every warning", () => {
    expect(dataQuality(perfect).score).toBe(100);
  });

  it("weighs completeness, timeliness, corrections and unexplained warnings", () => {
    // 9 of 10 reported (0.9), 7 on time (0.7), 1 correction of 9 (0.889), 1 of 4 unexplained (0.75).
    const r = dataQuality({
      monthsDue: 10,
      monthsReported: 9,
      monthsOnTime: 7,
      correctionsAfterApproval: 1,
      warnings: 4,
      unexplainedWarnings: 1,
    });
    // 0.4×0.9 + 0.3×0.7 + 0.15×0.8889 + 0.15×0.75 = 0.8158
    expect(r.score).toBe(82);
    expect(r.parts.stability).toBeCloseTo(8 / 9, 9);
  });

  it("has no score before any month was due", () => {
    expect(
      dataQuality({ ...perfect, monthsDue: 0, monthsReported: 0, monthsOnTime: 0 }).score,
    ).toBeNull();
  });

  const record = fc
    .record({
      monthsDue: fc.integer({ min: 1, max: 12 }),
      reported: fc.integer({ min: 0, max: 12 }),
      onTime: fc.integer({ min: 0, max: 12 }),
      corrections: fc.integer({ min: 0, max: 12 }),
      warnings: fc.integer({ min: 0, max: 50 }),
      unexplained: fc.integer({ min: 0, max: 50 }),
    })
    .map((x): QualityRecord => {
      const monthsReported = Math.min(x.reported, x.monthsDue);
      return {
        monthsDue: x.monthsDue,
        monthsReported,
        monthsOnTime: Math.min(x.onTime, monthsReported),
        correctionsAfterApproval: x.corrections,
        warnings: x.warnings,
        unexplainedWarnings: Math.min(x.unexplained, x.warnings),
      };
    });

  it("stays within 0–100, and is never lower for one more month on time or one fewer unexplained warning", () => {
    fc.assert(
      fc.property(record, (r) => {
        const score = dataQuality(r).score as number;
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(100);
        if (r.monthsOnTime < r.monthsReported) {
          expect(
            dataQuality({ ...r, monthsOnTime: r.monthsOnTime + 1 }).score,
          ).toBeGreaterThanOrEqual(score);
        }
        if (r.unexplainedWarnings > 0) {
          expect(
            dataQuality({ ...r, unexplainedWarnings: r.unexplainedWarnings - 1 }).score,
          ).toBeGreaterThanOrEqual(score);
        }
        expect(
          dataQuality({ ...r, correctionsAfterApproval: r.correctionsAfterApproval + 1 }).score,
        ).toBeLessThanOrEqual(score);
      }),
    );
  });
});

describe("warningTally", () => {
  const month = (m: number, value: number, explanation: string | null = null) => ({
    year: 2021,
    month: m,
    value,
    approved: true,
    explanation,
  });

  it("counts a jump over 3× the usual increment, explained or not, as the entry form would", () => {
    // Increments 10, 10, 10, then 100 in April (> 3 × 10) and 10 again in May.
    const figures = [month(1, 10), month(2, 20), month(3, 30), month(4, 130), month(5, 140)];
    expect(warningTally(figures, { year: 2021, toMonth: 5, target: null })).toEqual({
      warnings: 1,
      unexplained: 1,
    });
    figures[3] = month(4, 130, "一次性集中开工");
    expect(warningTally(figures, { year: 2021, toMonth: 5, target: null })).toEqual({
      warnings: 1,
      unexplained: 0,
    });
    // Up to March nothing was unusual yet.
    expect(warningTally(figures, { year: 2021, toMonth: 3, target: null }).warnings).toBe(0);
  });

  it("judges the year-to-date figure against the target: over half of it in one month", () => {
    const figures = [month(1, 60)];
    expect(warningTally(figures, { year: 2021, toMonth: 12, target: 100 })).toEqual({
      warnings: 1,
      unexplained: 1,
    });
  });

  // The tally once filtered each figure's history out of all the figures; it now walks them
  // once. The filtering version, as it was, is the oracle: same counts for any figures.
  function tallyByFiltering(
    figures: readonly WarnedFigure[],
    q: { year: number; toMonth: number; target: number | null },
  ) {
    let warnings = 0;
    let unexplained = 0;
    for (const figure of figures) {
      if (figure.year !== q.year || figure.month > q.toMonth || figure.value === null) continue;
      const history = [...figures]
        .sort((a, b) => a.year - b.year || a.month - b.month)
        .filter(
          (h) =>
            h.approved &&
            h.value !== null &&
            (h.year === q.year - 1 || (h.year === q.year && h.month < figure.month)),
        );
      const thisYear = history.filter((h) => h.year === q.year).map((h) => h.value as number);
      const lastYear = history.filter((h) => h.year === q.year - 1).map((h) => h.value as number);
      const raised = reportWarnings({
        ytd: figure.value,
        previousYtd: thisYear.at(-1) ?? 0,
        pastIncrements: [...incrementsOf(lastYear), ...incrementsOf(thisYear)],
        target: q.target,
      });
      if (raised.length === 0) continue;
      warnings++;
      if (!figure.explanation?.trim()) unexplained++;
    }
    return { warnings, unexplained };
  }

  it("counts what filtering every figure's history would, for any figures of two years", () => {
    const figure = fc.record({
      year: fc.constantFrom(2020, 2021),
      month: fc.integer({ min: 1, max: 12 }),
      value: fc.option(fc.integer({ min: 0, max: 2_000 }), { nil: null }),
      approved: fc.boolean(),
      explanation: fc.constantFrom(null, "", "  ", "集中开工"),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(figure, {
          maxLength: 24,
          selector: (f) => `${f.year}-${f.month}`,
        }),
        fc.integer({ min: 1, max: 12 }),
        fc.option(fc.integer({ min: 1, max: 3_000 }), { nil: null }),
        (figures, toMonth, target) => {
          const q = { year: 2021, toMonth, target };
          expect(warningTally(figures, q)).toEqual(tallyByFiltering(figures, q));
        },
      ),
      { numRuns: 500 },
    );
  });
});
