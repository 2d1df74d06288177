import { type Database, insertUser, queryRows, seedDatabase } from "@jindu/db";
import { passwordRuleProblems } from "@jindu/domain";
import { sql } from "drizzle-orm";
import { oneTimePassword } from "./accounts.js";
import { hashPassword } from "./auth.js";
import { seedDemoUsers } from "./demo-users.js";

export type SeedChoice = "demo" | "reference" | "none";

/** The account a new installation starts with, to create everybody else's. */
export const FIRST_ADMIN = "admin";

export interface Installation {
  /** Set when this start created the first administrator: sign in with it once, then change it. */
  firstAdmin: { username: string; password: string } | null;
}

/**
 * Readies a database for use at start-up (idempotent, every start): the reference data, the
 * demo figures and accounts where asked, and on a database with no account at all the first
 * administrator, with `adminPassword` or a one-time password that must be changed at the first
 * sign-in (and an authenticator enrolled, as every administrator needs).
 */
export async function prepareInstallation(
  db: Database,
  options: { seed: SeedChoice; adminPassword?: string | undefined },
): Promise<Installation> {
  if (options.seed !== "none") {
    await seedDatabase(db, { referenceOnly: options.seed === "reference" });
  }
  if (options.seed === "demo") await seedDemoUsers(db);
  const [{ accounts } = { accounts: 0 }] = await queryRows<{ accounts: number }>(
    db,
    sql`select count(*)::int as accounts from users`,
  );
  if (accounts > 0) return { firstAdmin: null };
  const password = options.adminPassword ?? oneTimePassword(FIRST_ADMIN);
  const problems = passwordRuleProblems(password, FIRST_ADMIN);
  if (problems.length > 0) {
    throw new Error(
      `JINDU_ADMIN_PASSWORD does not meet the password policy: ${problems.map((p) => p.message).join("; ")}`,
    );
  }
  const created = await insertUser(db, {
    username: FIRST_ADMIN,
    displayName: "系统管理员 Administrator",
    role: "admin",
    regionCode: null,
    passwordHash: await hashPassword(password),
    mustChangePassword: true,
  });
  // Another process starting at the same moment created it: its log has the password.
  return { firstAdmin: created ? { username: FIRST_ADMIN, password } : null };
}
