/** Who can sign in and what each may do; MLPS 2.0 level 3 asks for separate duties. */
export const ROLES = ["admin", "province", "reporter", "leader", "auditor"] as const;
export type Role = (typeof ROLES)[number];

export const PASSWORD_MAX_AGE_DAYS = 90;
/** The fifth wrong password in a row locks an account for 15 minutes (packages/db sign-in.ts). */
export const LOCKOUT_ATTEMPTS = 5;
export const LOCKOUT_MINUTES = 15;
export const IDLE_TIMEOUT_MINUTES = 30;

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Problems with a new password: ≥ 8 characters, 3 of 4 character classes, not the username. */
export function passwordProblems(password: string, username: string): string[] {
  const problems: string[] = [];
  if ([...password].length < 8) problems.push("at least 8 characters");
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password));
  if (classes.length < 3) {
    problems.push("3 of: lower-case letters, upper-case letters, digits, symbols");
  }
  if (username && password.toLowerCase().includes(username.toLowerCase())) {
    problems.push("must not contain the username");
  }
  return problems;
}

export function passwordExpired(changedAt: Date, now: Date): boolean {
  return now.getTime() - changedAt.getTime() > PASSWORD_MAX_AGE_DAYS * DAY;
}

/** A session unused for 30 minutes has ended. */
export function sessionIdleExpired(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() > IDLE_TIMEOUT_MINUTES * MINUTE;
}

/** Administrators and provincial officials must use a second factor; others may. */
export function requiresSecondFactor(role: Role): boolean {
  return role === "admin" || role === "province";
}

/**
 * Whether a user whose scope is `scope` (null: the whole country) may reach a region, given the
 * region's code and its ancestors' codes.
 */
export function withinScope(scope: string | null, regionAndAncestors: readonly string[]): boolean {
  return scope === null || regionAndAncestors.includes(scope);
}
