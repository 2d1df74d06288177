import {
  notify,
  type ReportingBureau,
  regionsThatSubmitted,
  reportingBureaus,
  settingsOfRegion,
} from "@jindu/db";
import {
  beijingDay,
  deadlineOf,
  monthsToRemind,
  reminderDue,
  reminderNotification,
} from "@jindu/domain";
import { calendarOf } from "../calendar.js";
import { reportersFor } from "../task-lists.js";
import type { Job } from "./scheduler.js";

/**
 * The reporting calendar's reminders: every bureau that has not sent a month in is reminded
 * before the deadline, told when it passed, and after the province's number of days escalated
 * to the province's officials. Each province in a transaction of its own.
 */
export const calendarReminders: Job = {
  name: "calendar_reminders",
  hour: 9,
  async run({ db, now }) {
    const today = beijingDay(now);
    const byProvince = new Map<string, ReportingBureau[]>();
    for (const b of await reportingBureaus(db)) {
      byProvince.set(b.provinceCode, [...(byProvince.get(b.provinceCode) ?? []), b]);
    }
    let sent = 0;
    for (const [province, bureaus] of byProvince) {
      const settings = await settingsOfRegion(db, province);
      const calendar = calendarOf(settings);
      const policy = {
        daysBefore: settings.reminderDaysBefore,
        escalateAfterDays: settings.escalateAfterDays,
      };
      await db.transaction(async (tx) => {
        for (const period of monthsToRemind(today)) {
          const kind = reminderDue(calendar, policy, period, today);
          if (!kind) continue;
          const codes = bureaus.map((b) => b.code);
          const [reports, submitted] = await Promise.all([
            reportersFor(tx, codes, period.year),
            regionsThatSubmitted(tx, codes, period.year, period.month),
          ]);
          const deadline = deadlineOf(calendar, period.year, period.month);
          for (const b of bureaus) {
            if (submitted.has(b.code) || !reports(b.code)) continue;
            sent += await notify(tx, reminderNotification(kind, b, period, deadline));
          }
        }
      });
    }
    return `${sent} notifications`;
  },
};
