import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_CALENDAR,
  deadlineOf,
  isDue,
  onTimeUntil,
  openMonth,
  openMonthIn,
  type ReportingCalendar,
  timelinessIn,
} from "../src/index.js";

const zhejiang: ReportingCalendar = { deadlineDay: 10, graceDays: 2, noReportMonths: [1, 2] };

const calendarArb = fc.record({
  deadlineDay: fc.integer({ min: 1, max: 28 }),
  graceDays: fc.integer({ min: 0, max: 15 }),
  noReportMonths: fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { maxLength: 11 }),
});
const instant = fc.date({
  min: new Date("2001-01-01"),
  max: new Date("2099-12-31"),
  noInvalidDate: true,
});

describe("reporting calendar", () => {
  it("the deadline is day N of the next month and grace adds days after it, Beijing time", () => {
    expect(deadlineOf(zhejiang, 2022, 12).toISOString()).toBe("2023-01-10T15:59:59.999Z");
    expect(onTimeUntil(zhejiang, 2022, 12).toISOString()).toBe("2023-01-12T15:59:59.999Z");
    // Grace running past the end of February rolls into March.
    const late = { deadlineDay: 28, graceDays: 15, noReportMonths: [] };
    expect(onTimeUntil(late, 2023, 1).toISOString()).toBe("2023-03-15T15:59:59.999Z");
  });

  it("a submission on the 11th is on time with two days' grace, late on the 13th", () => {
    expect(timelinessIn(zhejiang, 2022, 12, new Date("2023-01-11T09:00:00+08:00"))).toBe("on_time");
    expect(timelinessIn(zhejiang, 2022, 12, new Date("2023-01-13T00:00:00+08:00"))).toBe("late");
    expect(timelinessIn(DEFAULT_CALENDAR, 2022, 12, new Date("2023-01-11T09:00:00+08:00"))).toBe(
      "late",
    );
    expect(timelinessIn(zhejiang, 2022, 12, null)).toBe("missing");
  });

  it("a month that owes no report is not due; one sent in anyway is on time", () => {
    expect(isDue(zhejiang, 1)).toBe(false);
    expect(isDue(zhejiang, 3)).toBe(true);
    expect(timelinessIn(zhejiang, 2023, 1, null)).toBe("not_due");
    expect(timelinessIn(zhejiang, 2023, 1, new Date("2023-06-01T00:00:00+08:00"))).toBe("on_time");
  });

  it("the open month skips months that owe no report and waits out the grace", () => {
    // 11 January: December is within its grace (to the 12th).
    expect(openMonthIn(new Date("2023-01-11T12:00:00+08:00"), zhejiang)).toEqual({
      year: 2022,
      month: 12,
    });
    // 13 January: January and February owe nothing, so March is next.
    expect(openMonthIn(new Date("2023-01-13T00:00:00+08:00"), zhejiang)).toEqual({
      year: 2023,
      month: 3,
    });
    const quarterly = { ...DEFAULT_CALENDAR, noReportMonths: [1, 2, 4, 5, 7, 8, 10, 11] };
    expect(openMonthIn(new Date("2026-12-06T00:00:00+08:00"), quarterly)).toEqual({
      year: 2026,
      month: 12,
    });
    expect(openMonthIn(new Date("2027-01-06T00:00:00+08:00"), quarterly)).toEqual({
      year: 2027,
      month: 3,
    });
  });

  it("with the default calendar the open month is the one openMonth has always given", () => {
    fc.assert(
      fc.property(instant, (now) => {
        expect(openMonthIn(now, DEFAULT_CALENDAR)).toEqual(openMonth(now));
      }),
    );
  });

  it("a later deadline day or more grace never turns an on-time submission late", () => {
    fc.assert(
      fc.property(
        calendarArb,
        fc.integer({ min: 0, max: 27 }),
        fc.integer({ min: 0, max: 15 }),
        fc.integer({ min: 2001, max: 2098 }),
        fc.integer({ min: 1, max: 12 }),
        instant,
        (cal, laterBy, moreGrace, year, month, at) => {
          const later = {
            ...cal,
            deadlineDay: Math.min(28, cal.deadlineDay + laterBy),
            graceDays: Math.min(15, cal.graceDays + moreGrace),
          };
          if (timelinessIn(cal, year, month, at) === "on_time") {
            expect(timelinessIn(later, year, month, at)).toBe("on_time");
          }
        },
      ),
    );
  });

  it("a month that owes no report is never missing or late", () => {
    fc.assert(
      fc.property(
        calendarArb,
        fc.integer({ min: 2001, max: 2098 }),
        fc.option(instant, { nil: null }),
        (cal, year, at) => {
          for (const month of cal.noReportMonths) {
            expect(["on_time", "not_due"]).toContain(timelinessIn(cal, year, month, at));
          }
        },
      ),
    );
  });

  it("the open month owes a report, is still on time, and no earlier due month is", () => {
    fc.assert(
      fc.property(calendarArb, instant, (cal, now) => {
        const open = openMonthIn(now, cal);
        expect(isDue(cal, open.month)).toBe(true);
        expect(onTimeUntil(cal, open.year, open.month).getTime()).toBeGreaterThanOrEqual(
          now.getTime(),
        );
        const before = open.month === 1 ? [open.year - 1, 12] : [open.year, open.month - 1];
        const [y, m] = before as [number, number];
        if (isDue(cal, m)) {
          expect(onTimeUntil(cal, y, m).getTime()).toBeLessThan(now.getTime());
        }
      }),
    );
  });
});
