import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  indicatorVisibleIn,
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

describe("takesWholeNumbers", () => {
  it("follows the flag an indicator was created with, else its unit", () => {
    expect(takesWholeNumbers({ unitZh: "户" })).toBe(true);
    expect(takesWholeNumbers({ unitZh: "公里", wholeNumber: null })).toBe(false);
    expect(takesWholeNumbers({ unitZh: "公里", wholeNumber: true })).toBe(true);
    expect(takesWholeNumbers({ unitZh: "户", wholeNumber: false })).toBe(false);
  });
});
