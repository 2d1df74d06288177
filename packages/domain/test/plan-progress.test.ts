import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planProgress } from "../src/index.js";

describe("five-year plan progress", () => {
  it("2021–2025 plan of 50,000 units: by June 2023, two full years and half the third are due", () => {
    const p = planProgress({
      fromYear: 2021,
      yearValues: [12_000, 11_000, 10_000, 9_000, 8_000],
      achieved: new Map([
        [2021, 12_500],
        [2022, 10_200],
        [2023, 4_300],
      ]),
      asOf: { year: 2023, month: 6 },
      yearSchedule: 0.5,
    });
    expect(p.total).toBe(50_000);
    expect(p.done).toBe(27_000);
    expect(p.completion).toBeCloseTo(0.54, 12);
    // (12,000 + 11,000 + 10,000 × 0.5) ÷ 50,000 = 0.56
    expect(p.schedule).toBeCloseTo(0.56, 12);
    expect(p.lag).toBeCloseTo(-2, 9);
  });

  it("after the last year the whole plan is due; a plan of nothing has no completion", () => {
    const end = planProgress({
      fromYear: 2021,
      yearValues: [1, 1],
      achieved: new Map([[2021, 1]]),
      asOf: { year: 2024, month: 3 },
      yearSchedule: 0.25,
    });
    expect(end.schedule).toBe(1);
    expect(end.completion).toBe(0.5);
    const none = planProgress({
      fromYear: 2021,
      yearValues: [0, 0],
      achieved: new Map(),
      asOf: { year: 2022, month: 1 },
      yearSchedule: 0.1,
    });
    expect(none.completion).toBeNull();
  });

  it("schedule stays within 0–1, never falls as months pass, and completion is done ÷ total", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 2020, max: 2030 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (shares, year, a, b) => {
          const [early, late] = a <= b ? [a, b] : [b, a];
          const base = { fromYear: 2021, yearValues: shares, achieved: new Map([[2021, 5]]) };
          const first = planProgress({ ...base, asOf: { year, month: 3 }, yearSchedule: early });
          const second = planProgress({ ...base, asOf: { year, month: 9 }, yearSchedule: late });
          const next = planProgress({
            ...base,
            asOf: { year: year + 1, month: 1 },
            yearSchedule: 0,
          });
          for (const p of [first, second, next]) {
            expect(p.schedule).toBeGreaterThanOrEqual(0);
            expect(p.schedule).toBeLessThanOrEqual(1);
          }
          expect(second.schedule).toBeGreaterThanOrEqual(first.schedule - 1e-12);
          expect(next.schedule).toBeGreaterThanOrEqual(second.schedule - 1e-12);
          if (first.total > 0) expect(first.completion).toBeCloseTo(first.done / first.total, 12);
        },
      ),
    );
  });
});
