import { bulletinPush } from "./bulletin-push.js";
import { passwordExpiry } from "./password-expiry.js";
import { calendarReminders } from "./reminders.js";
import type { Job } from "./scheduler.js";
import { supervisionDeadlines } from "./supervision-deadlines.js";

/** Every scheduled job of the product. */
export const JOBS: readonly Job[] = [
  calendarReminders,
  supervisionDeadlines,
  bulletinPush,
  passwordExpiry,
];

export { type Job, type RunReport, Scheduler } from "./scheduler.js";
