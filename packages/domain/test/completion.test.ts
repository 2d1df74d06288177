import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { completionRate } from "../src/index.js";

describe("completionRate", () => {
  it("Guangdong Q1 2020: 7,899 shantytown starts are 72.3% of a 10,925-unit target", () => {
    expect(completionRate("higher_is_better", 7899, 10925)).toBeCloseTo(0.723, 3);
  });

  it("shows over-fulfilment above 100%", () => {
    expect(completionRate("higher_is_better", 120, 100)).toBe(1.2);
  });

  it("lower is better: target / actual (40-day limit, 50 days taken → 80%)", () => {
    expect(completionRate("lower_is_better", 50, 40)).toBe(0.8);
    expect(completionRate("lower_is_better", 32, 40)).toBe(1.25);
  });

  it("is null without a figure, a positive target, or with a zero lower-is-better actual", () => {
    expect(completionRate("higher_is_better", null, 100)).toBeNull();
    expect(completionRate("higher_is_better", 10, 0)).toBeNull();
    expect(completionRate("higher_is_better", 10, null)).toBeNull();
    expect(completionRate("lower_is_better", 0, 40)).toBeNull();
  });

  it("is never negative", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("higher_is_better", "lower_is_better" as const),
        fc.double({ noNaN: true }),
        fc.double({ noNaN: true }),
        (direction, actual, target) => {
          const rate = completionRate(direction, actual, target);
          return rate === null || rate >= 0;
        },
      ),
    );
  });
});
