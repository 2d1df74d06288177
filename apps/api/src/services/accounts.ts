import { randomInt } from "node:crypto";
import { type Database, regionAncestry, type User } from "@jindu/db";
import {
  type AccountScopeProblem,
  accountScopeProblem,
  passwordRuleProblems,
  type Role,
} from "@jindu/domain";
import { ApiError } from "../errors.js";

/** What an administrator sees of an account: never the password hash or the TOTP secret. */
export function presentUser(u: User) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    regionCode: u.regionCode,
    phone: u.phone,
    email: u.email,
    disabled: u.disabled,
    totpEnabled: u.totpEnabled,
    mustChangePassword: u.mustChangePassword,
    lockedUntil: u.lockedUntil?.toISOString() ?? null,
    passwordChangedAt: u.passwordChangedAt.toISOString(),
    createdAt: u.createdAt.toISOString(),
  };
}

type Actor = { role: Role; regionCode: string | null };
type Account = { role: Role; regionCode: string | null };

/** The region and its ancestors, as the scope rule wants them; empty for none or an unknown one. */
export const regionChainOf = (db: Database, code: string | null) =>
  code === null ? Promise.resolve([]) : regionAncestry(db, code);

/** The account scope rule (packages/domain accounts.ts), as checked for one account. */
export async function accountProblem(
  db: Database,
  actor: Actor,
  account: Account,
): Promise<AccountScopeProblem | null> {
  return accountScopeProblem(actor, account, await regionChainOf(db, account.regionCode));
}

/** Refuses a role or region the actor may not give: 403 for a role, 400 naming the field else. */
export async function requireAccountScope(db: Database, actor: Actor, account: Account) {
  const problem = await accountProblem(db, actor, account);
  if (problem) {
    throw new ApiError(
      problem.rule === "role_not_yours" ? 403 : 400,
      `${problem.field}: ${problem.message}`,
      {
        field: problem.field,
        rule: problem.rule,
      },
    );
  }
}

const UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
const LOWER = "abcdefghijkmnpqrstuvwxyz";
const DIGITS = "23456789";
const SYMBOLS = "#@%+=!";

/**
 * A one-time password from the system's random source: 12 characters with all four kinds, no
 * look-alike characters (it is read out over the phone), and one the policy accepts for the
 * account (never containing its username). The same alphabet as the accounts form's.
 */
export function oneTimePassword(username: string, length = 12): string {
  const sets = [UPPER, LOWER, DIGITS, SYMBOLS];
  const all = sets.join("");
  for (;;) {
    const chars = Array.from({ length }, (_, i) => {
      const set = sets[i] ?? all;
      return set[randomInt(set.length)] as string;
    });
    for (let i = length - 1; i > 0; i--) {
      const j = randomInt(i + 1);
      [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
    }
    const password = chars.join("");
    if (passwordRuleProblems(password, username).length === 0) return password;
  }
}
