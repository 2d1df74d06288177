import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseFigure } from "../src/index.js";

describe("parseFigure", () => {
  it("reads numbers as typed in spreadsheets", () => {
    expect(parseFigure("7,899")).toBe(7899);
    expect(parseFigure(" 56.5 ")).toBe(56.5);
    expect(parseFigure("１２３４")).toBe(1234);
    expect(parseFigure("8，994")).toBe(8994);
    expect(parseFigure(42)).toBe(42);
    expect(parseFigure("-3")).toBe(-3);
  });

  it("treats blanks as not reported and refuses text", () => {
    expect(parseFigure("")).toBeNull();
    expect(parseFigure("  ")).toBeNull();
    expect(parseFigure(null)).toBeNull();
    expect(parseFigure("约100")).toBeNaN();
    expect(parseFigure("1e5")).toBeNaN();
    expect(parseFigure("12%")).toBeNaN();
  });

  it("round-trips every number written plainly", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 12 }),
        fc.integer({ min: 0, max: 99 }),
        (whole, cents) => {
          const text = `${whole.toLocaleString("en-US")}.${String(cents).padStart(2, "0")}`;
          return parseFigure(text) === Number(`${whole}.${String(cents).padStart(2, "0")}`);
        },
      ),
    );
  });
});
