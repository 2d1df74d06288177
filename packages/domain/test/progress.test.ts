import { describe, expect, it } from "vitest";
import { progressTable } from "../src/index.js";

const prefab = { kind: "ratio" as const, direction: "higher_is_better" as const };
const starts = { kind: "cumulative" as const, direction: "higher_is_better" as const };

describe("progressTable", () => {
  it("Guangdong Q1 2020: parent line is the roll-up, 72.3% against 25%", () => {
    const table = progressTable(
      starts,
      { region: "440000", target: 10925, dueMonth: null, measure: null },
      [
        { region: "440100", target: 4000, dueMonth: null, measure: { value: 3100 } },
        { region: "440300", target: 6925, dueMonth: null, measure: { value: 4799 } },
      ],
      { month: 3 },
    );
    expect(table.parent.actual).toBe(7899);
    expect(table.parent.completion).toBeCloseTo(0.723, 3);
    expect(table.parent.schedule).toBe(0.25);
    expect(table.parent.status).toBe("green");
    expect(table.children.map((c) => c.rank)).toEqual([1, 2]);
  });

  it("a province share is Σ city numerators / Σ city denominators; schedule is 100%", () => {
    const table = progressTable(
      prefab,
      { region: "330000", target: 0.3, dueMonth: null, measure: null },
      [
        {
          region: "330100",
          target: 0.35,
          dueMonth: null,
          measure: { numerator: 350, denominator: 1000 },
        },
        {
          region: "330300",
          target: 0.3,
          dueMonth: null,
          measure: { numerator: 40, denominator: 250 },
        },
      ],
      { month: 10 },
    );
    expect(table.parent.numerator).toBe(390);
    expect(table.parent.denominator).toBe(1250);
    expect(table.parent.actual).toBeCloseTo(0.312, 12);
    expect(table.parent.schedule).toBe(1);
    const wenzhou = table.children[1];
    expect(wenzhou?.completion).toBeCloseTo(0.16 / 0.3, 12);
    expect(wenzhou?.status).toBe("red");
    expect(table.children[0]?.status).toBe("completed");
  });

  it("uses the sum of children's targets when the parent has none; level keeps the parent's own", () => {
    const table = progressTable(
      starts,
      { region: "P", target: null, dueMonth: null, measure: null },
      [
        { region: "A", target: 100, dueMonth: null, measure: { value: 50 } },
        { region: "B", target: 300, dueMonth: null, measure: null },
      ],
      { month: 6 },
    );
    expect(table.parent.target).toBe(400);
    expect(table.children[1]?.status).toBeNull();
    const level = progressTable(
      { kind: "level", direction: "lower_is_better" },
      { region: "P", target: 40, dueMonth: null, measure: { value: 38 } },
      [{ region: "A", target: 40, dueMonth: null, measure: { value: 60 } }],
      { month: 6 },
    );
    expect(level.parent.actual).toBe(38);
    expect(level.parent.status).toBe("completed");
    expect(level.children[0]?.status).toBe("red");
  });
});
