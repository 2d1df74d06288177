import { eq, sql } from "drizzle-orm";
import { type Database, queryRows } from "../client.js";
import { users } from "../schema.js";

/**
 * Takes one turn at an account's password before it is checked, in one statement: parallel
 * guesses each take their own turn, and the turn that reaches `limit` locks the account for
 * `lockMinutes`, so that no more than `limit` guesses are ever checked per lock. False when the
 * account is locked. An expired lock starts the count again.
 */
export async function takeSignInTurn(
  db: Database,
  userId: number,
  rule: { limit: number; lockMinutes: number },
): Promise<boolean> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`
      update users set
        failed_logins = case when locked_until is null then failed_logins + 1 else 1 end,
        locked_until = case
          when (case when locked_until is null then failed_logins + 1 else 1 end) >= ${rule.limit}
          then now() + make_interval(mins => ${rule.lockMinutes}::int)
        end
      where id = ${userId} and (locked_until is null or locked_until <= now())
      returning id`,
  );
  return rows.length > 0;
}

/**
 * Gives back a turn whose password was right but whose authenticator code had not been sent yet:
 * the sign-in page asks for the code next. Lifts the lock only if that very turn set it.
 */
export async function giveBackSignInTurn(db: Database, userId: number, limit: number) {
  await db.execute(sql`
    update users set
      locked_until = case when failed_logins >= ${limit} then null else locked_until end,
      failed_logins = greatest(failed_logins - 1, 0)
    where id = ${userId}`);
}

/** A successful sign-in (or an administrator's unlock) clears the count. */
export async function clearSignInFailures(db: Database, userId: number) {
  await db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, userId));
}

/**
 * Accepts an authenticator code's time step once: false when this step or a later one was
 * accepted before, so that a code seen over someone's shoulder cannot be used again.
 */
export async function acceptTotpStep(db: Database, userId: number, step: number) {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`
      update users set totp_last_step = ${step}
      where id = ${userId} and (totp_last_step is null or totp_last_step < ${step})
      returning id`,
  );
  return rows.length > 0;
}

/**
 * Counts a sign-in attempt under each key (the client's address, the username) in its current
 * window and answers the highest count and the seconds until that window ends. Stored in the
 * database, so the limit is one across all API processes.
 */
export async function countSignInAttempt(
  db: Database,
  keys: readonly string[],
  windowSeconds: number,
): Promise<{ attempts: number; retryAfterSeconds: number }> {
  const window = sql`make_interval(secs => ${windowSeconds}::int)`;
  const expired = sql`sign_in_attempts.window_start <= now() - ${window}`;
  const rows = await queryRows<{ attempts: number; retry_after: number }>(
    db,
    sql`
      insert into sign_in_attempts (key, window_start, attempts)
      values ${sql.join(
        keys.map((k) => sql`(${k}, now(), 1)`),
        sql`, `,
      )}
      on conflict (key) do update set
        attempts = case when ${expired} then 1 else sign_in_attempts.attempts + 1 end,
        window_start = case when ${expired} then now() else sign_in_attempts.window_start end
      returning attempts,
        ceil(extract(epoch from (window_start + ${window} - now())))::int as retry_after`,
  );
  // Old windows are of no use: clear them now and then rather than on every attempt.
  if (Math.random() < 0.01) {
    await db.execute(sql`delete from sign_in_attempts where window_start < now() - ${window}`);
  }
  const worst = rows.reduce((a, b) => (Number(b.attempts) > Number(a.attempts) ? b : a));
  return {
    attempts: Number(worst.attempts),
    retryAfterSeconds: Math.max(1, Number(worst.retry_after)),
  };
}
