import { notify, passwordsExpiringBetween } from "@jindu/db";
import {
  beijingDay,
  isoOfDay,
  PASSWORD_MAX_AGE_DAYS,
  PASSWORD_WARNING_DAYS,
  passwordExpiryNotification,
} from "@jindu/domain";
import type { Job } from "./scheduler.js";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Warns each account whose password expires within the week, once per expiry date. */
export const passwordExpiry: Job = {
  name: "password_expiry",
  hour: 9,
  async run({ db, now }) {
    const expiring = await passwordsExpiringBetween(
      db,
      now,
      new Date(now.getTime() + PASSWORD_WARNING_DAYS * DAY_MS),
      PASSWORD_MAX_AGE_DAYS,
    );
    let sent = 0;
    for (const u of expiring) {
      const expiresOn = isoOfDay(beijingDay(new Date(u.expiresAt)));
      sent += await notify(db, {
        audience: [],
        userIds: [u.id],
        ...passwordExpiryNotification(u.username, expiresOn),
      });
    }
    return `${sent} warnings`;
  },
};
