import { hash as digest, randomBytes } from "node:crypto";
import {
  acceptTotpStep,
  clearSignInFailures,
  countSignInAttempt,
  type Database,
  giveBackSignInTurn,
  startSession,
  takeSignInTurn,
  type User,
  userByUsername,
  writeAudit,
} from "@jindu/db";
import {
  LOCKOUT_ATTEMPTS,
  LOCKOUT_MINUTES,
  passwordExpired,
  passwordRuleProblems,
  type Role,
  requiresSecondFactor,
} from "@jindu/domain";
import { hash, verify } from "@node-rs/argon2";
import * as OTPAuth from "otpauth";
import { ApiError } from "../errors.js";

export interface SignedInUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string | null;
  mustChangePassword: boolean;
  /** Administrators and officials must enrol an authenticator before anything else. */
  mustSetUpSecondFactor: boolean;
}

/**
 * Session ids are stored hashed, so a copy of the table signs nobody in. Worked out on every
 * signed-in request: the one-shot digest costs a fifth of a Hash object's (issue 16).
 */
export const hashToken = (token: string) => digest("sha256", token, "hex");
export const newToken = () => randomBytes(32).toString("base64url");

/**
 * argon2id with the library's defaults (19 MiB, 2 passes), as OWASP recommends. An object, so
 * that tests can see which paths check a password.
 */
export const passwords = {
  hash: (password: string) => hash(password),
  verify: (passwordHash: string, password: string) => verify(passwordHash, password),
};
export const hashPassword = (password: string) => passwords.hash(password);

/** Checked in place of a missing account's hash, so that its answer takes as long. */
let stand_in: Promise<string> | undefined;
const standInHash = () => {
  stand_in ??= passwords.hash(newToken());
  return stand_in;
};

/** The lockout: five wrong passwords (sign-in or password change) lock for 15 minutes. */
const LOCKOUT = { limit: LOCKOUT_ATTEMPTS, lockMinutes: LOCKOUT_MINUTES };

/**
 * Takes one of the account's turns at its password and checks it: false for a wrong password
 * and for a locked account, whose password is still checked so that it answers as slowly.
 */
export async function passwordTurn(db: Database, user: User, password: string) {
  const turn = await takeSignInTurn(db, user.id, LOCKOUT);
  const right = await passwords.verify(user.passwordHash, password);
  return { locked: !turn, right: turn && right };
}

export function totpFor(secret: string, username: string) {
  return new OTPAuth.TOTP({
    issuer: "Jindu 进度",
    label: username,
    algorithm: "SHA1",
    digits: 6,
    period: 30,
    secret: OTPAuth.Secret.fromBase32(secret),
  });
}

/**
 * The time step (unix seconds ÷ 30) of a code from the authenticator app, allowing one step of
 * clock drift either way; null for a wrong code.
 */
export function totpStep(secret: string, username: string, code: string, now = new Date()) {
  const totp = totpFor(secret, username);
  const delta = totp.validate({ token: code, window: 1, timestamp: now.getTime() });
  return delta === null ? null : totp.counter({ timestamp: now.getTime() }) + delta;
}

/**
 * Accepts a code once: a wrong code is 400 or 401 (`status`), and so is a code whose time step
 * was accepted before (seen over a shoulder, replayed from a log).
 */
export async function acceptTotp(
  db: Database,
  user: { id: number; username: string },
  secret: string,
  code: string,
  now = new Date(),
): Promise<"ok" | "wrong" | "reused"> {
  const step = totpStep(secret, user.username, code, now);
  if (step === null) return "wrong";
  return (await acceptTotpStep(db, user.id, step)) ? "ok" : "reused";
}

export const TOTP_REUSED =
  "this code was used already: wait for the next one in your authenticator app";

export function newTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32;
}

export function signedInUser(user: User, now = new Date()): SignedInUser {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    regionCode: user.regionCode,
    mustChangePassword: user.mustChangePassword || passwordExpired(user.passwordChangedAt, now),
    mustSetUpSecondFactor: requiresSecondFactor(user.role) && !user.totpEnabled,
  };
}

export interface LoginInput {
  username: string;
  password: string;
  totp?: string | undefined;
  ip: string;
  requestId: string;
}

/**
 * Counts a sign-in attempt from the client's address and for the username; past `perMinute` of
 * either, the seconds to wait: one client cannot try many accounts, nor many clients one account,
 * however many API processes share the work. Null when the attempt may go ahead.
 */
export async function signInWait(
  db: Database,
  attempt: { ip: string; username: string },
  perMinute: number,
): Promise<number | null> {
  const { attempts, retryAfterSeconds } = await countSignInAttempt(
    db,
    [`ip:${attempt.ip}`, `user:${attempt.username}`],
    60,
  );
  return attempts > perMinute ? retryAfterSeconds : null;
}

/**
 * One answer for an unknown, disabled or locked account and a wrong password, after the same
 * work (a password hash checked): nobody learns who has an account. The locked user learns of
 * the lock from the message that every failure shows.
 */
export const WRONG =
  "wrong username or password (after 5 failures the account is locked for 15 minutes)";

/**
 * Signs a user in: every attempt takes one of the account's five turns before its password is
 * checked (the fifth locks it for 15 minutes, however many arrive at once), a second factor is
 * checked where it is enabled and each code is good once, and the new session ends the account's
 * other ones. Every attempt is audited.
 */
export async function login(db: Database, input: LoginInput, now = new Date()) {
  const user = await userByUsername(db, input.username);
  const audit = (result: string, reason: string | null, userId: number | null = user?.id ?? null) =>
    writeAudit(db, {
      userId,
      username: input.username,
      ip: input.ip,
      requestId: input.requestId,
      action: "login",
      entity: "session",
      result,
      reason,
    });
  if (!user || user.disabled) {
    await passwords.verify(await standInHash(), input.password);
    await audit("failure", user ? "account disabled" : "unknown user");
    throw new ApiError(401, WRONG);
  }
  const password = await passwordTurn(db, user, input.password);
  if (!password.right) {
    await audit("failure", password.locked ? "account locked" : "wrong password");
    throw new ApiError(401, WRONG);
  }
  if (user.totpEnabled && user.totpSecret) {
    if (!input.totp) {
      // The right password without its code: the sign-in page asks for the code next.
      await giveBackSignInTurn(db, user.id, LOCKOUT.limit);
      await audit("failure", "second factor missing");
      throw new ApiError(401, "enter the 6-digit code from your authenticator app", {
        rule: "totp_required",
      });
    }
    const code = await acceptTotp(db, user, user.totpSecret, input.totp, now);
    if (code !== "ok") {
      await audit("failure", code === "reused" ? "second factor reused" : "wrong second factor");
      throw code === "reused"
        ? new ApiError(401, TOTP_REUSED, { rule: "totp_reused" })
        : new ApiError(401, "wrong authenticator code", { rule: "totp_required" });
    }
  }
  await clearSignInFailures(db, user.id);
  const token = newToken();
  const csrfToken = newToken();
  await startSession(db, { id: hashToken(token), userId: user.id, csrfToken, ip: input.ip });
  await audit("success", null);
  return { token, csrfToken, user: signedInUser(user, now) };
}

export function checkNewPassword(password: string, username: string) {
  const problems = passwordRuleProblems(password, username);
  if (problems.length > 0) {
    throw new ApiError(400, `the new password needs ${problems.map((p) => p.message).join("; ")}`, {
      field: "newPassword",
      rule: "password_policy",
      problems: problems.map((p) => ({ field: "newPassword", ...p })),
    });
  }
}
