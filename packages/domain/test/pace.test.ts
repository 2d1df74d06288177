import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  heldPace,
  progressLine,
  progressTable,
  type SeasonalProfile,
  scheduleProgress,
} from "../src/index.js";

const NATIONAL = [0.05, 0.1, 0.18, 0.27, 0.36, 0.45, 0.55, 0.64, 0.73, 0.82, 0.91, 1];
// Zhejiang builds through the winter but slowly in the plum rains; its own profile.
const ZHEJIANG = [0.1, 0.2, 0.3, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1];
const starts = {
  kind: "cumulative" as const,
  direction: "higher_is_better" as const,
  seasonalProfile: NATIONAL,
  provinceProfiles: new Map([["330000", ZHEJIANG]]),
};

describe("heldPace", () => {
  it("a province's profile overrides the national one only in that province", () => {
    expect(heldPace("330300", starts, null)).toEqual({ pace: "province", profile: ZHEJIANG });
    expect(heldPace("330000", starts, { linear: false })).toEqual({
      pace: "province",
      profile: ZHEJIANG,
    });
    expect(heldPace("440100", starts, null)).toEqual({ pace: "national", profile: NATIONAL });
    expect(heldPace(null, starts, null)).toEqual({ pace: "national", profile: NATIONAL });
  });

  it("'linear' on a target ignores every profile", () => {
    expect(heldPace("330300", starts, { linear: true })).toEqual({ pace: "linear", profile: null });
    expect(heldPace("440100", starts, { linear: true })).toEqual({ pace: "linear", profile: null });
  });

  it("no profile anywhere is an even pace", () => {
    expect(heldPace("330300", { seasonalProfile: null }, null)).toEqual({
      pace: "even",
      profile: null,
    });
    // A province profile of the indicator stands even without a national one.
    expect(heldPace("330300", { provinceProfiles: starts.provinceProfiles }, null).pace).toBe(
      "province",
    );
  });

  it("progress lines follow and name the pace: Wenzhou by Zhejiang's, Guangzhou by the nation's", () => {
    const options = { month: 5 };
    const wenzhou = progressLine(
      starts,
      {
        region: "温州",
        regionCode: "330300",
        target: 1000,
        dueMonth: null,
        measure: { value: 400 },
      },
      options,
    );
    expect(wenzhou.pace).toBe("province");
    expect(wenzhou.schedule).toBe(0.45);
    expect(wenzhou.lag).toBeCloseTo(-5, 9);
    const guangzhou = progressLine(
      starts,
      {
        region: "广州",
        regionCode: "440100",
        target: 1000,
        dueMonth: null,
        measure: { value: 400 },
      },
      options,
    );
    expect(guangzhou.pace).toBe("national");
    expect(guangzhou.schedule).toBe(0.36);
    const milestone = progressLine(
      starts,
      {
        region: "温州",
        regionCode: "330300",
        linear: true,
        target: 1000,
        dueMonth: 5,
        measure: { value: 400 },
      },
      options,
    );
    expect(milestone.pace).toBe("linear");
    expect(milestone.schedule).toBe(1);
  });

  it("a table's parent is held to its own province's pace", () => {
    const table = progressTable(
      starts,
      { region: "浙江", regionCode: "330000", target: null, dueMonth: null, measure: null },
      [
        {
          region: "杭州",
          regionCode: "330100",
          target: 600,
          dueMonth: null,
          measure: { value: 1 },
        },
        {
          region: "温州",
          regionCode: "330300",
          linear: true,
          target: 400,
          dueMonth: null,
          measure: { value: 1 },
        },
      ],
      { month: 3 },
    );
    expect(table.parent.pace).toBe("province");
    expect(table.parent.schedule).toBe(0.3);
    expect(table.children.map((c) => [c.pace, c.schedule])).toEqual([
      ["province", 0.3],
      ["linear", 0.25],
    ]);
  });
});

/** Cumulative fractions: non-decreasing, between 0 and 1, ending at 1. */
const profileArb: fc.Arbitrary<SeasonalProfile> = fc
  .array(fc.integer({ min: 0, max: 1000 }), { minLength: 11, maxLength: 11 })
  .map((xs) => [...[...xs].sort((a, b) => a - b).map((x) => x / 1000), 1]);
const provinceArb = fc.constantFrom("110000", "130000", "140000", "330000", "410000", "440000");
const cityOf = (province: string, n: number) =>
  `${province.slice(0, 2)}${String(n).padStart(2, "0")}00`;

describe("heldPace properties", () => {
  it("a province's override never changes another province's schedule", () => {
    fc.assert(
      fc.property(
        fc.option(profileArb, { nil: null }),
        provinceArb,
        profileArb,
        provinceArb,
        fc.integer({ min: 1, max: 20 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 12 }),
        (national, owner, own, other, city, linear, month, dueMonth) => {
          fc.pre(owner !== other);
          const before = { seasonalProfile: national };
          const after = { seasonalProfile: national, provinceProfiles: new Map([[owner, own]]) };
          const region = cityOf(other, city);
          const schedule = (rules: typeof before) =>
            scheduleProgress({
              kind: "cumulative",
              month,
              dueMonth,
              profile: heldPace(region, rules, { linear }).profile,
            });
          expect(heldPace(region, after, { linear })).toEqual(heldPace(region, before, { linear }));
          expect(schedule(after)).toBe(schedule(before));
        },
      ),
    );
  });

  it("within the province, its own profile is the one held (unless linear)", () => {
    fc.assert(
      fc.property(
        profileArb,
        profileArb,
        provinceArb,
        fc.integer({ min: 0, max: 20 }),
        (n, own, p, c) => {
          const rules = { seasonalProfile: n, provinceProfiles: new Map([[p, own]]) };
          const region = c === 0 ? p : cityOf(p, c);
          expect(heldPace(region, rules, null)).toEqual({ pace: "province", profile: own });
        },
      ),
    );
  });

  it("linear equals the even pace for every month, whatever the profiles", () => {
    fc.assert(
      fc.property(
        fc.option(profileArb, { nil: null }),
        profileArb,
        provinceArb,
        fc.integer({ min: 1, max: 12 }),
        (national, own, province, dueMonth) => {
          const rules = { seasonalProfile: national, provinceProfiles: new Map([[province, own]]) };
          const { profile } = heldPace(cityOf(province, 1), rules, { linear: true });
          for (let month = 1; month <= 12; month++) {
            expect(scheduleProgress({ kind: "cumulative", month, dueMonth, profile })).toBe(
              scheduleProgress({ kind: "cumulative", month, dueMonth }),
            );
            expect(scheduleProgress({ kind: "cumulative", month, dueMonth, profile })).toBe(
              Math.min(1, month / dueMonth),
            );
          }
        },
      ),
    );
  });
});
