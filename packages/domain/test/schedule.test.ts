import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scheduleProgress, seasonalProfileProblem } from "../src/index.js";

describe("scheduleProgress", () => {
  it("end of March of a December target is 25%", () => {
    expect(scheduleProgress({ kind: "cumulative", month: 3 })).toBe(0.25);
  });

  it("Shanxi 2020: 8,994 households due by the end of May — April is 80%, May 100%", () => {
    expect(scheduleProgress({ kind: "cumulative", month: 4, dueMonth: 5 })).toBe(0.8);
    expect(scheduleProgress({ kind: "cumulative", month: 5, dueMonth: 5 })).toBe(1);
    expect(scheduleProgress({ kind: "cumulative", month: 9, dueMonth: 5 })).toBe(1);
  });

  it("ratio and level targets hold all year: 100% in every month", () => {
    for (let month = 1; month <= 12; month++) {
      expect(scheduleProgress({ kind: "ratio", month })).toBe(1);
      expect(scheduleProgress({ kind: "level", month })).toBe(1);
    }
  });

  it("follows a seasonal profile, rescaled to the due month", () => {
    const profile = [0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];
    expect(seasonalProfileProblem(profile)).toBeNull();
    expect(scheduleProgress({ kind: "cumulative", month: 3, profile })).toBe(0.1);
    expect(scheduleProgress({ kind: "cumulative", month: 3, dueMonth: 6, profile })).toBe(0.25);
  });

  it("rejects malformed seasonal profiles", () => {
    expect(seasonalProfileProblem([0.5, 1])).toMatch(/12/);
    expect(
      seasonalProfileProblem([0.1, 0.05, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1]),
    ).toMatch(/month 2/);
    expect(
      seasonalProfileProblem([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.9, 0.9, 0.9]),
    ).toMatch(/month 12/);
  });

  it("is between 0 and 1 and never decreases through the year", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 11 }), (due, m) => {
        const a = scheduleProgress({ kind: "cumulative", month: m, dueMonth: due });
        const b = scheduleProgress({ kind: "cumulative", month: m + 1, dueMonth: due });
        return a >= 0 && b <= 1 && a <= b;
      }),
    );
  });
});
