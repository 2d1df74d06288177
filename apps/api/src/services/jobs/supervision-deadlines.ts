import { listSupervision, notify, settingsOfRegion } from "@jindu/db";
import {
  beijingDay,
  isoOfDay,
  provinceOf,
  supervisionDeadlinePhase,
  supervisionNotification,
} from "@jindu/domain";
import { eventOf } from "../supervision.js";
import type { Job } from "./scheduler.js";

/**
 * 临近提醒 / 到期催办 of supervision: an open record its region has not answered is announced to
 * the bureau in the province's reminder days before its deadline, and once past it to the bureau
 * and the province's officials. Each only once per record (its event key), in one transaction.
 */
export const supervisionDeadlines: Job = {
  name: "supervision_deadlines",
  hour: 9,
  async run({ db, now }) {
    const today = isoOfDay(beijingDay(now));
    const records = await listSupervision(db, { status: "open", unanswered: true });
    const daysBefore = new Map<string, number>();
    let sent = 0;
    await db.transaction(async (tx) => {
      for (const row of records) {
        const province = provinceOf(row.region.code);
        if (!daysBefore.has(province)) {
          daysBefore.set(province, (await settingsOfRegion(tx, province)).reminderDaysBefore);
        }
        const phase = supervisionDeadlinePhase(
          row.record.deadline,
          today,
          daysBefore.get(province) ?? 0,
        );
        if (phase) sent += await notify(tx, supervisionNotification(eventOf(row, phase)));
      }
    });
    return `${sent} notifications`;
  },
};
