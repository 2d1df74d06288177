import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exactSum } from "../src/index.js";

describe("exactSum", () => {
  it("adds decimal figures without float noise", () => {
    expect(exactSum([0.1, 0.2])).toBe(0.3);
    expect(exactSum([882.4, 0.1])).toBe(882.5);
    expect(exactSum([7899])).toBe(7899);
    expect(exactSum([])).toBe(0);
  });

  it("equals the integer sum of figures given to one decimal, scaled back", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10_000_000 }), { maxLength: 50 }),
        (tenths) => {
          const exact = tenths.reduce((a, b) => a + b, 0) / 10;
          return exactSum(tenths.map((t) => t / 10)) === exact;
        },
      ),
    );
  });
});
