import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { carriesAnyTask, taskApplies, taskListOf, taskListProblems } from "../src/index.js";

// Zhejiang: Hangzhou 330100 with its district Shangcheng 330102; Wenzhou 330300, Lucheng 330302.
const list = taskListOf([
  { indicatorCode: "shantytown_starts", regions: null },
  { indicatorCode: "urban_village", regions: ["330100", "330302"] },
]);

describe("which regions an annual task list asks for a figure", () => {
  it("asks every region for an indicator listed without regions, none for one not listed", () => {
    for (const region of ["330000", "330100", "330102", "330300"]) {
      expect(taskApplies(list, "shantytown_starts", region)).toBe(true);
      expect(taskApplies(list, "gas_pipes", region)).toBe(false);
    }
  });

  it("asks a listed city, its counties, a listed county, its city and the province", () => {
    expect(taskApplies(list, "urban_village", "330100")).toBe(true);
    expect(taskApplies(list, "urban_village", "330102")).toBe(true);
    expect(taskApplies(list, "urban_village", "330302")).toBe(true);
    expect(taskApplies(list, "urban_village", "330300")).toBe(true);
    expect(taskApplies(list, "urban_village", "330000")).toBe(true);
    // Wenzhou's other county and Ningbo carry no 城中村 task.
    expect(taskApplies(list, "urban_village", "330303")).toBe(false);
    expect(taskApplies(list, "urban_village", "330200")).toBe(false);
    expect(taskApplies(list, "urban_village", "330203")).toBe(false);
  });

  it("asks everything of everybody when the province has no list", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z_]{1,20}$/),
        fc.stringMatching(/^33[0-9]{4}$/),
        (c, r) => {
          expect(taskApplies(null, c, r)).toBe(true);
          expect(carriesAnyTask(null, r)).toBe(true);
        },
      ),
    );
  });

  it("a region carries some task exactly when one of the listed indicators applies to it", () => {
    const region = fc.stringMatching(/^33(0[1-9])(0[0-9])$/);
    const item = fc.record({
      indicatorCode: fc.constantFrom("a", "b", "c"),
      regions: fc.option(fc.array(region, { maxLength: 4 })),
    });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 4 }), region, (items, r) => {
        const l = taskListOf(items);
        const some = items.some((i) => taskApplies(l, i.indicatorCode, r));
        expect(carriesAnyTask(l, r)).toBe(some);
      }),
    );
  });

  it("an empty list asks nothing of anybody", () => {
    const empty = taskListOf([]);
    expect(taskApplies(empty, "shantytown_starts", "330100")).toBe(false);
    expect(carriesAnyTask(empty, "330100")).toBe(false);
  });
});

describe("what a province may save as its task list", () => {
  const known = {
    indicators: new Set(["shantytown_starts", "urban_village"]),
    regions: new Set(["330100", "330102", "330300"]),
  };

  it("accepts its own cities and counties and indicators in force", () => {
    expect(
      taskListProblems(
        "330000",
        [
          { indicatorCode: "shantytown_starts", regions: null },
          { indicatorCode: "urban_village", regions: ["330100", "330102"] },
        ],
        known,
      ),
    ).toEqual([]);
  });

  it("names a duplicate, an unknown indicator, another province's region and the province itself", () => {
    const problems = taskListProblems(
      "330000",
      [
        { indicatorCode: "urban_village", regions: ["440100", "330000"] },
        { indicatorCode: "urban_village", regions: ["339900"] },
        { indicatorCode: "gas_pipes", regions: null },
      ],
      known,
    );
    expect(problems.map((p) => [p.index, p.rule])).toEqual([
      [0, "outside_province"],
      [0, "outside_province"],
      [1, "duplicate"],
      [1, "unknown_region"],
      [2, "unknown_indicator"],
    ]);
  });
});
