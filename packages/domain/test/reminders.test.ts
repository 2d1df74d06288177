import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  beijingDay,
  bulletinNotification,
  DEFAULT_CALENDAR,
  dailySlot,
  dayOfMonth,
  isoOfDay,
  monthsToRemind,
  type ReminderKind,
  type ReportingCalendar,
  reminderDue,
  reminderNotification,
  retryDelay,
} from "../src/index.js";

const day = (iso: string) => beijingDay(new Date(`${iso}T12:00:00+08:00`));
const policy = { daysBefore: 3, escalateAfterDays: 5 };
const january = { year: 2027, month: 1 };

describe("calendar reminders", () => {
  it("January 2027 under the default calendar (due 5 February): approaching from the 2nd, passed from the 6th, escalated from the 10th", () => {
    const on = (iso: string) => reminderDue(DEFAULT_CALENDAR, policy, january, day(iso));
    expect(on("2027-02-01")).toBeNull();
    expect(on("2027-02-02")).toBe("deadline_approaching");
    expect(on("2027-02-05")).toBe("deadline_approaching");
    expect(on("2027-02-06")).toBe("deadline_passed");
    expect(on("2027-02-09")).toBe("deadline_passed");
    expect(on("2027-02-10")).toBe("month_missing");
    expect(on("2027-03-20")).toBe("month_missing");
  });

  it("grace days postpone the passing, not the approach; a month owing no report is never reminded", () => {
    const calendar: ReportingCalendar = { deadlineDay: 10, graceDays: 2, noReportMonths: [1] };
    const on = (iso: string, period = { year: 2027, month: 2 }) =>
      reminderDue(calendar, policy, period, day(iso));
    expect(on("2027-03-07")).toBe("deadline_approaching");
    expect(on("2027-03-12")).toBeNull();
    expect(on("2027-03-13")).toBe("deadline_passed");
    expect(on("2027-03-17")).toBe("month_missing");
    expect(on("2027-02-20", january)).toBeNull();
  });

  it("never goes back a step as the days pass (approaching → passed → missing)", () => {
    const order: (ReminderKind | null)[] = [
      null,
      "deadline_approaching",
      "deadline_passed",
      "month_missing",
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 0, max: 15 }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 12 }),
        (deadlineDay, graceDays, daysBefore, escalateAfterDays, month) => {
          const calendar = { deadlineDay, graceDays, noReportMonths: [] };
          const start = day(`2027-${String(month).padStart(2, "0")}-01`);
          let rank = 0;
          for (let d = start; d < start + 120; d++) {
            const kind = reminderDue(
              calendar,
              { daysBefore, escalateAfterDays },
              { year: 2027, month },
              d,
            );
            const now = order.indexOf(kind);
            if (kind !== null) expect(now).toBeGreaterThanOrEqual(rank);
            if (kind !== null) rank = now;
          }
          // Every month still missing ends escalated.
          expect(rank).toBe(3);
        },
      ),
    );
  });

  it("looks at the three months before the current one", () => {
    expect(monthsToRemind(day("2027-02-07"))).toEqual([
      { year: 2027, month: 1 },
      { year: 2026, month: 12 },
      { year: 2026, month: 11 },
    ]);
  });

  it("escalation goes to the bureau and its province's officials; the others to the bureau", () => {
    const region = { code: "330300", nameZh: "温州市", nameEn: "Wenzhou", provinceCode: "330000" };
    const deadline = new Date("2027-02-05T15:59:59.999Z");
    const passed = reminderNotification("deadline_passed", region, january, deadline);
    expect(passed).toMatchObject({
      titleZh: "温州市2027年1月月报已过截止日期（2027-02-05）",
      titleEn: "Wenzhou 2027-01 is past its deadline (2027-02-05)",
      audience: [{ role: "reporter", regionCode: "330300" }],
      link: "/entry?region=330300&year=2027&month=1",
      eventKey: "deadline_passed:330300:2027-1",
    });
    expect(reminderNotification("month_missing", region, january, deadline).audience).toEqual([
      { role: "reporter", regionCode: "330300" },
      { role: "province", regionCode: "330000" },
    ]);
    expect(
      bulletinNotification(
        { code: "330000", nameZh: "浙江省", nameEn: "Zhejiang" },
        { year: 2023, month: 2 },
      ),
    ).toMatchObject({
      audience: [{ role: "leader", regionCode: "330000" }],
      link: "/bulletin?region=330000&year=2023&month=2",
    });
  });
});

describe("daily slots", () => {
  it("is today's Beijing date once the hour has come, else yesterday's", () => {
    expect(dailySlot(new Date("2027-02-07T00:59:00Z"), 9)).toBe("2027-02-06");
    expect(dailySlot(new Date("2027-02-07T01:00:00Z"), 9)).toBe("2027-02-07");
    expect(dailySlot(new Date("2027-02-07T17:00:00Z"), 9)).toBe("2027-02-07");
    expect(dailySlot(new Date("2027-02-08T01:30:00Z"), 9)).toBe("2027-02-08");
  });

  it("at any time, the slot is a day that has begun and its hour has passed, and within a day of now", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2000-01-01"), max: new Date("2099-12-31"), noInvalidDate: true }),
        fc.integer({ min: 0, max: 23 }),
        (now, hour) => {
          const slot = dailySlot(now, hour);
          const due = Date.parse(`${slot}T${String(hour).padStart(2, "0")}:00:00+08:00`);
          expect(due).toBeLessThanOrEqual(now.getTime());
          expect(now.getTime() - due).toBeLessThan(24 * 60 * 60 * 1000);
        },
      ),
    );
  });

  it("reads Beijing days", () => {
    const d = day("2027-02-28");
    expect(isoOfDay(d)).toBe("2027-02-28");
    expect(dayOfMonth(d + 1)).toBe(1);
  });
});

describe("retries", () => {
  it("doubles from the first delay up to the cap, and gives up after the last attempt", () => {
    expect([1, 2, 3, 4, 5, 6].map((a) => retryDelay(a))).toEqual([
      30_000,
      60_000,
      120_000,
      240_000,
      480_000,
      null,
    ]);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), (attempt) => {
        const opts = { firstDelayMs: 1_000, maxDelayMs: 60_000, attempts: 40 };
        const delay = retryDelay(attempt, opts);
        const next = retryDelay(attempt + 1, opts);
        if (delay === null) return;
        expect(delay).toBeGreaterThan(0);
        expect(delay).toBeLessThanOrEqual(60_000);
        if (next !== null) expect(next).toBeGreaterThanOrEqual(delay);
      }),
    );
  });
});
