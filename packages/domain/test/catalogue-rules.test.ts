import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  indicatorAppliesIn,
  indicatorVisibleIn,
  inForce,
  mayEditCatalogue,
  provinceOf,
  ROLES,
  takesWholeNumbers,
} from "../src/index.js";

describe("who changes which part of the indicator catalogue", () => {
  it("gives a provincial official its own province's part only", () => {
    const zhejiang = { role: "province" as const, regionCode: "330000" };
    expect(mayEditCatalogue(zhejiang, "330000")).toBe(true);
    expect(mayEditCatalogue(zhejiang, "440000")).toBe(false);
    expect(mayEditCatalogue(zhejiang, null)).toBe(false);
  });

  it("gives national officials and the administrator every part, no one else any", () => {
    const owners = fc.option(fc.constantFrom("330000", "440000", "110000"));
    fc.assert(
      fc.property(fc.constantFrom(...ROLES), owners, (role, owner) => {
        const national = mayEditCatalogue({ role, regionCode: null }, owner);
        expect(national).toBe(role === "admin" || role === "province");
        if (!["admin", "province"].includes(role)) {
          expect(mayEditCatalogue({ role, regionCode: "330000" }, owner)).toBe(false);
        }
      }),
    );
  });
});

describe("provinceOf", () => {
  it("names the province of a city and of a county, and of itself", () => {
    expect(provinceOf("330300")).toBe("330000");
    expect(provinceOf("330302")).toBe("330000");
    expect(provinceOf("440000")).toBe("440000");
  });
});

describe("indicatorVisibleIn", () => {
  it("shows a national indicator everywhere and a province's own only within it", () => {
    expect(indicatorVisibleIn(null, "440100")).toBe(true);
    expect(indicatorVisibleIn("330000", "330302")).toBe(true);
    expect(indicatorVisibleIn("330000", "440100")).toBe(false);
    expect(indicatorVisibleIn("330000", null)).toBe(true);
  });
});

describe("indicatorAppliesIn", () => {
  it("puts on a region's screens the national indicators and its province's own, in force", () => {
    const zhejiangsOwn = { ownerCode: "330000", firstYear: 2026, lastYear: null };
    expect(indicatorAppliesIn(zhejiangsOwn, "330302", 2026)).toBe(true);
    expect(indicatorAppliesIn(zhejiangsOwn, "330302", 2025)).toBe(false);
    expect(indicatorAppliesIn(zhejiangsOwn, "440000", 2026)).toBe(false);
    const retired = { ownerCode: null, firstYear: null, lastYear: 2022 };
    expect(indicatorAppliesIn(retired, "440000", 2022)).toBe(true);
    expect(indicatorAppliesIn(retired, "440000", 2023)).toBe(false);
  });

  it("is visibility and being in force together, whatever the years", () => {
    const year = fc.integer({ min: 2000, max: 2100 });
    const maybe = fc.option(year, { nil: null });
    fc.assert(
      fc.property(
        fc.option(fc.constantFrom("330000", "440000"), { nil: null }),
        maybe,
        maybe,
        fc.constantFrom("330302", "440100", "110000"),
        year,
        (ownerCode, firstYear, lastYear, region, y) => {
          const indicator = { ownerCode, firstYear, lastYear };
          expect(indicatorAppliesIn(indicator, region, y)).toBe(
            indicatorVisibleIn(ownerCode, region) && inForce(indicator, y),
          );
          expect(inForce(indicator, y)).toBe(
            (firstYear === null || firstYear <= y) && (lastYear === null || y <= lastYear),
          );
        },
      ),
    );
  });
});

describe("takesWholeNumbers", () => {
  it("follows the flag an indicator was created with, else its unit", () => {
    expect(takesWholeNumbers({ unitZh: "户" })).toBe(true);
    expect(takesWholeNumbers({ unitZh: "公里", wholeNumber: null })).toBe(false);
    expect(takesWholeNumbers({ unitZh: "公里", wholeNumber: true })).toBe(true);
    expect(takesWholeNumbers({ unitZh: "户", wholeNumber: false })).toBe(false);
  });
});
