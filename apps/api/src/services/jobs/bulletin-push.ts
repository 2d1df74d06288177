import { notify, provincesPushingBulletinOn } from "@jindu/db";
import {
  beijingDay,
  bulletinNotification,
  dayOfMonth,
  monthOfDay,
  previousMonth,
} from "@jindu/domain";
import type { Job } from "./scheduler.js";

/**
 * The monthly bulletin to leaders: on the day each province chose, last month's bulletin goes to
 * the province's leaders, in the inbox with a link to the print page and by e-mail with the
 * .xlsx attached (made when the mail is sent).
 */
export const bulletinPush: Job = {
  name: "bulletin_push",
  hour: 9,
  async run({ db, now }) {
    const today = beijingDay(now);
    const period = previousMonth(monthOfDay(today));
    const provinces = await provincesPushingBulletinOn(db, dayOfMonth(today));
    let sent = 0;
    for (const p of provinces) {
      await db.transaction(async (tx) => {
        sent += await notify(tx, {
          ...bulletinNotification(p, period),
          attachment: { type: "bulletin_xlsx", region: p.code, ...period },
        });
      });
    }
    return `${provinces.length} provinces, ${sent} notifications`;
  },
};
