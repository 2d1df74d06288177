import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_LADDER,
  heavier,
  LADDER_LIMITS,
  ladderProblems,
  levelOfLine,
  nextLevel,
  onScheduleStreak,
  type Status,
  SUPERVISION_LEVELS,
  type SupervisionLadder,
  type SupervisionLevel,
  shouldProposeClosing,
  suggestLevel,
  supervisionDeadlinePhase,
  supervisionNotification,
} from "../src/index.js";

const rank = (level: SupervisionLevel | null) =>
  level === null ? -1 : SUPERVISION_LEVELS.indexOf(level);

const step = fc.record({
  monthsBehind: fc.integer({
    min: LADDER_LIMITS.monthsBehind.minimum,
    max: LADDER_LIMITS.monthsBehind.maximum,
  }),
  lagPoints: fc.integer({
    min: LADDER_LIMITS.lagPoints.minimum,
    max: LADDER_LIMITS.lagPoints.maximum,
  }),
});
const ladder: fc.Arbitrary<SupervisionLadder> = fc.record({
  reminder: step,
  interview: step,
  listed: step,
  closeAfterMonths: fc.integer({
    min: LADDER_LIMITS.closeAfterMonths.minimum,
    max: LADDER_LIMITS.closeAfterMonths.maximum,
  }),
});
const line = fc.record({
  monthsBehind: fc.integer({ min: 0, max: 36 }),
  lagPoints: fc.double({ min: 0, max: 150, noNaN: true }),
});
const level = fc.constantFrom(...SUPERVISION_LEVELS);
const status = fc.constantFrom<Status | null>("completed", "green", "yellow", "red", null);

describe("the escalation ladder 提醒 → 约谈 → 挂牌督办", () => {
  it("Lishui's prefab share at December 2022, 12 months and 1.8 points behind: an interview", () => {
    expect(suggestLevel(DEFAULT_LADDER, [{ monthsBehind: 12, lagPoints: 1.77 }])).toBe("interview");
  });

  it("by default: any lag a reminder, three months an interview, six months and 10 points listed", () => {
    expect(levelOfLine(DEFAULT_LADDER, { monthsBehind: 0, lagPoints: 40 })).toBeNull();
    expect(levelOfLine(DEFAULT_LADDER, { monthsBehind: 1, lagPoints: 40 })).toBe("reminder");
    expect(levelOfLine(DEFAULT_LADDER, { monthsBehind: 3, lagPoints: 0.5 })).toBe("interview");
    expect(levelOfLine(DEFAULT_LADDER, { monthsBehind: 6, lagPoints: 9.9 })).toBe("interview");
    expect(levelOfLine(DEFAULT_LADDER, { monthsBehind: 6, lagPoints: 10 })).toBe("listed");
  });

  it("takes the heaviest of several indicators' lines", () => {
    const lines = [
      { monthsBehind: 1, lagPoints: 2 },
      { monthsBehind: 8, lagPoints: 44.7 },
    ];
    expect(suggestLevel(DEFAULT_LADDER, lines)).toBe("listed");
    expect(suggestLevel(DEFAULT_LADDER, [])).toBeNull();
  });

  it("a region still behind under an open record goes one step up, and listed stays listed", () => {
    const light = [{ monthsBehind: 1, lagPoints: 1 }];
    expect(suggestLevel(DEFAULT_LADDER, light, "reminder")).toBe("interview");
    expect(suggestLevel(DEFAULT_LADDER, light, "interview")).toBe("listed");
    expect(suggestLevel(DEFAULT_LADDER, light, "listed")).toBe("listed");
    expect(nextLevel("listed")).toBe("listed");
  });

  it("refuses a ladder whose heavier level comes before a lighter one", () => {
    expect(ladderProblems(DEFAULT_LADDER)).toEqual([]);
    const bad = { ...DEFAULT_LADDER, listed: { monthsBehind: 2, lagPoints: 10 } };
    expect(ladderProblems(bad).map((p) => p.field)).toEqual(["listed.monthsBehind"]);
  });

  it("property: more lag or more months never suggests a lower level", () => {
    fc.assert(
      fc.property(
        ladder,
        line,
        fc.integer({ min: 0, max: 12 }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.option(level, { nil: null }),
        (l, base, moreMonths, moreLag, open) => {
          const worse = {
            monthsBehind: base.monthsBehind + moreMonths,
            lagPoints: base.lagPoints + moreLag,
          };
          expect(rank(suggestLevel(l, [worse], open))).toBeGreaterThanOrEqual(
            rank(suggestLevel(l, [base], open)),
          );
        },
      ),
    );
  });

  it("property: a region under an open record is suggested at least one step above it", () => {
    fc.assert(
      fc.property(ladder, fc.array(line, { maxLength: 4 }), level, (l, lines, open) => {
        const suggested = suggestLevel(l, lines, open);
        expect(rank(suggested)).toBeGreaterThanOrEqual(
          Math.min(rank(open) + 1, SUPERVISION_LEVELS.length - 1),
        );
        expect(rank(suggested)).toBeGreaterThanOrEqual(rank(suggestLevel(l, lines)));
      }),
    );
  });

  it("property: heavier is the maximum of the two and commutes", () => {
    const maybe = fc.option(level, { nil: null });
    fc.assert(
      fc.property(maybe, maybe, (a, b) => {
        expect(heavier(a, b)).toBe(heavier(b, a));
        expect(rank(heavier(a, b))).toBe(Math.max(rank(a), rank(b)));
      }),
    );
  });
});

describe("销号: back on schedule for long enough", () => {
  it("counts the months in a row, ending with the last, with every indicator on schedule", () => {
    expect(onScheduleStreak([])).toBe(0);
    expect(onScheduleStreak([["red"], ["green"], ["completed"], ["green"]])).toBe(3);
    expect(onScheduleStreak([["green"], ["green", "yellow"]])).toBe(0);
    // No figure is not on schedule.
    expect(onScheduleStreak([["green"], [null], ["green"]])).toBe(1);
    expect(onScheduleStreak([[]])).toBe(0);
  });

  it("proposes closing after the province's number of months", () => {
    const months: Status[][] = [["yellow"], ["green"], ["green"]];
    expect(shouldProposeClosing({ closeAfterMonths: 2 }, months)).toBe(true);
    expect(shouldProposeClosing({ closeAfterMonths: 3 }, months)).toBe(false);
  });

  it("property: a month behind at the end never proposes; adding an on-schedule month never withdraws", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(status, { minLength: 1, maxLength: 3 }), { maxLength: 12 }),
        fc.integer({
          min: LADDER_LIMITS.closeAfterMonths.minimum,
          max: LADDER_LIMITS.closeAfterMonths.maximum,
        }),
        (months, n) => {
          expect(shouldProposeClosing({ closeAfterMonths: n }, [...months, ["yellow"]])).toBe(
            false,
          );
          if (shouldProposeClosing({ closeAfterMonths: n }, months)) {
            expect(shouldProposeClosing({ closeAfterMonths: n }, [...months, ["green"]])).toBe(
              true,
            );
          }
        },
      ),
    );
  });
});

describe("supervision notifications", () => {
  const base = {
    record: { id: 7, kind: "interview" as const, deadline: "2023-02-28" },
    region: { code: "331100", nameZh: "丽水市", nameEn: "Lishui" },
    provinceCode: "330000",
  };

  it("a new record goes to the region's bureau, with its deadline", () => {
    const draft = supervisionNotification({ ...base, action: "opened" });
    expect(draft).toMatchObject({
      kind: "supervision_opened",
      audience: [{ role: "reporter", regionCode: "331100" }],
      link: "/supervision?record=7",
      eventKey: "supervision_opened:7",
    });
    expect(draft.titleZh).toBe("丽水市被约谈：请于2023-02-28前反馈整改措施");
  });

  it("an answer and a proposed 销号 go to the province's officials, each answer its own event", () => {
    const answered = supervisionNotification({ ...base, action: "answered", stamp: "1" });
    const again = supervisionNotification({ ...base, action: "answered", stamp: "2" });
    expect(answered.audience).toEqual([{ role: "province", regionCode: "330000" }]);
    expect(answered.eventKey).not.toBe(again.eventKey);
    const proposed = supervisionNotification({ ...base, action: "close_proposed" });
    expect(proposed.kind).toBe("supervision_close_proposed");
    expect(proposed.titleZh).toContain("建议销号");
  });

  it("a deadline near goes to the bureau; one missed to the bureau and its province, once each", () => {
    const due = supervisionNotification({ ...base, action: "due" });
    expect(due).toMatchObject({
      kind: "supervision_due",
      audience: [{ role: "reporter", regionCode: "331100" }],
      eventKey: "supervision_due:7",
    });
    expect(due.titleZh).toBe("丽水市约谈将于2023-02-28到期，请尽快反馈整改措施");
    const overdue = supervisionNotification({ ...base, action: "overdue" });
    expect(overdue.audience).toEqual([
      { role: "reporter", regionCode: "331100" },
      { role: "province", regionCode: "330000" },
    ]);
    expect(overdue.titleZh).toBe("丽水市约谈已逾期（期限2023-02-28），尚未反馈整改措施");
  });
});

describe("a record's deadline", () => {
  it("is due from the days before through the day itself, overdue after it", () => {
    expect(supervisionDeadlinePhase("2023-02-28", "2023-02-24", 3)).toBeNull();
    expect(supervisionDeadlinePhase("2023-02-28", "2023-02-25", 3)).toBe("due");
    expect(supervisionDeadlinePhase("2023-02-28", "2023-02-28", 3)).toBe("due");
    expect(supervisionDeadlinePhase("2023-02-28", "2023-03-01", 3)).toBe("overdue");
    // Across a year's end and a leap day.
    expect(supervisionDeadlinePhase("2024-01-02", "2023-12-30", 3)).toBe("due");
    expect(supervisionDeadlinePhase("2024-03-01", "2024-02-28", 2)).toBe("due");
    expect(supervisionDeadlinePhase("2024-03-01", "2024-02-27", 2)).toBeNull();
  });

  it("never steps back: once due it stays due or turns overdue, once overdue it stays", () => {
    const day = fc.integer({ min: 18_000, max: 25_000 });
    const iso = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);
    fc.assert(
      fc.property(day, day, fc.integer({ min: 0, max: 15 }), (deadline, today, before) => {
        const order = (p: string | null) => (p === null ? 0 : p === "due" ? 1 : 2);
        const a = supervisionDeadlinePhase(iso(deadline), iso(today), before);
        const b = supervisionDeadlinePhase(iso(deadline), iso(today + 1), before);
        expect(order(b)).toBeGreaterThanOrEqual(order(a));
        expect(a === "overdue").toBe(today > deadline);
      }),
    );
  });
});
