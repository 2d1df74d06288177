import { provinceOf } from "./indicator.js";

/**
 * Who can sign in and what each may do. MLPS 2.0 level 3 asks for separate duties (三员分立): the
 * system administrator (`admin`: the business accounts and the catalogue), the security officer
 * (`security`, 安全保密管理员: the privileged accounts, second-factor resets, security settings) and
 * the auditor (`auditor`: reads the log) are different people, and none can grant another's powers.
 */
export const ROLES = ["admin", "province", "reporter", "leader", "auditor", "security"] as const;
export type Role = (typeof ROLES)[number];

/** Accounts with powers over the system itself: only the security officer manages them. */
export const PRIVILEGED_ROLES: readonly Role[] = ["admin", "security", "auditor"];

/**
 * Whether an account of role `actor` may create, edit, disable, reset or unlock accounts of role
 * `target`: the administrator the business accounts, the security officer the privileged ones.
 */
export function managesRole(actor: Role, target: Role): boolean {
  if (actor === "security") return PRIVILEGED_ROLES.includes(target);
  if (actor === "admin") return !PRIVILEGED_ROLES.includes(target);
  return false;
}

/** The roles an account of role `actor` may give, in the order a form offers them. */
export const rolesManagedBy = (actor: Role): Role[] => ROLES.filter((r) => managesRole(actor, r));

export const PASSWORD_MAX_AGE_DAYS = 90;
/** The fifth wrong password in a row locks an account for 15 minutes (packages/db sign-in.ts). */
export const LOCKOUT_ATTEMPTS = 5;
export const LOCKOUT_MINUTES = 15;
export const IDLE_TIMEOUT_MINUTES = 30;

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export type PasswordRule = "password_length" | "password_classes" | "password_username";

/**
 * The rules a new password breaks: ≥ 8 characters, 3 of 4 character classes, not the username.
 * Each has a code, so that a screen says it in its own language.
 */
export function passwordRuleProblems(
  password: string,
  username: string,
): { rule: PasswordRule; message: string }[] {
  const problems: { rule: PasswordRule; message: string }[] = [];
  if ([...password].length < 8) {
    problems.push({ rule: "password_length", message: "at least 8 characters" });
  }
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password));
  if (classes.length < 3) {
    problems.push({
      rule: "password_classes",
      message: "3 of: lower-case letters, upper-case letters, digits, symbols",
    });
  }
  if (username && password.toLowerCase().includes(username.toLowerCase())) {
    problems.push({ rule: "password_username", message: "must not contain the username" });
  }
  return problems;
}

/** The broken rules' messages (English, for the API's message and logs). */
export function passwordProblems(password: string, username: string): string[] {
  return passwordRuleProblems(password, username).map((p) => p.message);
}

export function passwordExpired(changedAt: Date, now: Date): boolean {
  return now.getTime() - changedAt.getTime() > PASSWORD_MAX_AGE_DAYS * DAY;
}

/** How long before the idle timeout the dashboard warns that the session is about to end. */
export const IDLE_WARNING_MINUTES = 2;

/** Why a session ended: the sign-in page tells the user, and the API's 401 says so. */
export const SESSION_END_REASONS = [
  "idle",
  "replaced",
  "password_changed",
  "account_changed",
  "signed_out",
] as const;
export type SessionEndReason = (typeof SESSION_END_REASONS)[number];

/** A session unused for 30 minutes (or the given time, for tests) has ended. */
export function sessionIdleExpired(
  lastSeenAt: Date,
  now: Date,
  idleMs = IDLE_TIMEOUT_MINUTES * MINUTE,
): boolean {
  return now.getTime() - lastSeenAt.getTime() > idleMs;
}

/**
 * How stale a session's last-seen mark may get before a request writes it again: a minute (one
 * write a minute at most), less for short test timeouts. A session's end is therefore known to
 * within this much, which is why the dashboard counts its warning from a request's time minus it.
 */
export function sessionTouchIntervalMs(idleMs = IDLE_TIMEOUT_MINUTES * MINUTE): number {
  return Math.min(MINUTE, Math.floor(idleMs / 10));
}

/** Administrators, security officers and provincial officials must use a second factor. */
export function requiresSecondFactor(role: Role): boolean {
  return role === "admin" || role === "security" || role === "province";
}

/**
 * Whether a user whose scope is `scope` (null: the whole country) may reach a region, given the
 * region's code and its ancestors' codes.
 */
export function withinScope(scope: string | null, regionAndAncestors: readonly string[]): boolean {
  return scope === null || regionAndAncestors.includes(scope);
}

/**
 * Whether a user may add to, change or retire a part of the indicator catalogue: `owner` is the
 * province whose own indicators those are, null for the national catalogue. The administrator
 * and national officials keep every part; a provincial official only its province's own.
 */
export function mayEditCatalogue(
  user: { role: Role; regionCode: string | null },
  owner: string | null,
): boolean {
  if (user.role === "admin") return true;
  if (user.role !== "province") return false;
  return user.regionCode === null || (owner !== null && owner === provinceOf(user.regionCode));
}
