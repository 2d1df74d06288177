import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { actualOf, type Measure, rollUp, rollUpTargets } from "../src/index.js";

describe("rollUp", () => {
  it("sums cumulative figures and skips children without one", () => {
    expect(rollUp("cumulative", [{ value: 3000 }, null, { value: 4899 }])).toEqual({ value: 7899 });
    expect(rollUp("cumulative", [null, null])).toBeNull();
  });

  it("divides summed parts for a ratio (hand-worked prefab shares)", () => {
    // City A: 30 of 100 (30%); city B: 10 of 400 (2.5%). The province is 40/500 = 8%,
    // not the 16.25% an average of percentages would claim.
    const parent = rollUp("ratio", [
      { numerator: 30, denominator: 100 },
      { numerator: 10, denominator: 400 },
    ]);
    expect(parent).toEqual({ numerator: 40, denominator: 500 });
    expect(actualOf(parent)).toBeCloseTo(0.08, 12);
  });

  it("does not sum level figures", () => {
    expect(rollUp("level", [{ value: 40 }, { value: 30 }])).toBeNull();
  });

  it("derives a parent target only for cumulative indicators", () => {
    expect(rollUpTargets("cumulative", [100, null, 250])).toBe(350);
    expect(rollUpTargets("ratio", [0.3, 0.2])).toBeNull();
    expect(rollUpTargets("level", [40])).toBeNull();
  });

  const part = fc.record({
    numerator: fc.integer({ min: 0, max: 1_000_000 }),
    extra: fc.integer({ min: 1, max: 1_000_000 }),
  });

  it("a ratio roll-up is Σnumerators / Σdenominators and lies between the children's shares", () => {
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 30 }), (parts) => {
        const children: Measure[] = parts.map((p) => ({
          numerator: p.numerator,
          denominator: p.numerator + p.extra,
        }));
        const share = actualOf(rollUp("ratio", children)) as number;
        const sumN = children.reduce((s, c) => s + ("numerator" in c ? c.numerator : 0), 0);
        const sumD = children.reduce((s, c) => s + ("denominator" in c ? c.denominator : 0), 0);
        const shares = children.map((c) => actualOf(c) as number);
        return (
          share === sumN / sumD &&
          share >= Math.min(...shares) - 1e-12 &&
          share <= Math.max(...shares) + 1e-12
        );
      }),
    );
  });

  it("a cumulative roll-up of counts is exact and independent of order", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1 }), (values) => {
        const forward = rollUp(
          "cumulative",
          values.map((value) => ({ value })),
        );
        const backward = rollUp(
          "cumulative",
          [...values].reverse().map((value) => ({ value })),
        );
        const exact = values.reduce((a, b) => a + b, 0);
        return actualOf(forward) === exact && actualOf(backward) === exact;
      }),
    );
  });
});
