import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { behindStreak, countStatuses, lagPoints, statusOf, worstStatus } from "../src/index.js";

describe("lag and status", () => {
  it("Guangdong Q1 2020 shantytown starts: 72.3% against 25% is 47.3 pp ahead", () => {
    expect(lagPoints(0.723, 0.25)).toBeCloseTo(47.3, 9);
    expect(statusOf(0.723, 47.3)).toBe("green");
  });

  it("colours by the default thresholds 0 and −10 pp", () => {
    expect(statusOf(0.5, lagPoints(0.5, 0.5))).toBe("green");
    expect(statusOf(0.45, lagPoints(0.45, 0.5))).toBe("yellow");
    expect(statusOf(0.8, lagPoints(0.8, 0.9))).toBe("yellow"); // exactly −10 pp, float noise aside
    expect(statusOf(0.3, lagPoints(0.3, 0.5))).toBe("red");
    expect(statusOf(1, lagPoints(1, 1))).toBe("completed");
    expect(statusOf(1.3, lagPoints(1.3, 0.5))).toBe("completed");
  });

  it("honours configured thresholds", () => {
    expect(statusOf(0.45, -5, { green: 0, yellow: -3 })).toBe("red");
    expect(statusOf(0.45, -5, { green: -5, yellow: -20 })).toBe("green");
  });

  it("has no status without a completion rate", () => {
    expect(lagPoints(null, 0.5)).toBeNull();
    expect(statusOf(null, null)).toBeNull();
  });

  it("status follows lag monotonically: more behind is never a better colour", () => {
    const order = { completed: 3, green: 2, yellow: 1, red: 0 } as const;
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (c1, c2, schedule) => {
          const [lo, hi] = c1 <= c2 ? [c1, c2] : [c2, c1];
          const a = statusOf(lo, lagPoints(lo, schedule));
          const b = statusOf(hi, lagPoints(hi, schedule));
          return a !== null && b !== null && order[a] <= order[b];
        },
      ),
    );
  });
});

describe("streaks and counts", () => {
  it("counts the months behind in a row up to the last", () => {
    expect(behindStreak(["green", "red", "yellow", "red"])).toBe(3);
    expect(behindStreak(["red", "red", "green"])).toBe(0);
    expect(behindStreak([null, "yellow"])).toBe(1);
    expect(behindStreak([])).toBe(0);
  });

  it("finds a region's worst status and counts statuses", () => {
    expect(worstStatus(["completed", "yellow", "green", null])).toBe("yellow");
    expect(worstStatus([null, null])).toBeNull();
    expect(countStatuses(["red", "red", null, "completed"])).toEqual({
      completed: 1,
      green: 0,
      yellow: 0,
      red: 2,
      none: 1,
    });
  });
});
