import { createHash, randomBytes } from "node:crypto";
import {
  type Database,
  startSession,
  type User,
  updateUser,
  userByUsername,
  writeAudit,
} from "@jindu/db";
import {
  afterFailedLogin,
  isLocked,
  passwordExpired,
  passwordProblems,
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

/** Session ids are stored hashed, so a copy of the table signs nobody in. */
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
export const newToken = () => randomBytes(32).toString("base64url");

/** argon2id with the library's defaults (19 MiB, 2 passes), as OWASP recommends. */
export const hashPassword = (password: string) => hash(password);

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

/** A code from the authenticator app, allowing one step of clock drift either way. */
export function totpValid(secret: string, username: string, code: string): boolean {
  return totpFor(secret, username).validate({ token: code, window: 1 }) !== null;
}

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

/** The same answer for an unknown user and a wrong password: nobody learns who has an account. */
const WRONG = "wrong username or password";

/**
 * Signs a user in: locked accounts wait, the fifth wrong password locks for 15 minutes, a second
 * factor is checked where it is enabled, and the new session ends the account's other ones.
 * Every attempt is audited.
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
    await audit("failure", user ? "account disabled" : "unknown user");
    throw new ApiError(401, WRONG);
  }
  if (isLocked(user.lockedUntil, now)) {
    await audit("failure", "account locked");
    throw new ApiError(423, "too many failed sign-ins: the account is locked for 15 minutes");
  }
  const passwordOk = await verify(user.passwordHash, input.password);
  if (!passwordOk) {
    const next = afterFailedLogin(user.failedLogins, now);
    await updateUser(db, user.id, next);
    await audit("failure", next.lockedUntil ? "wrong password; account locked" : "wrong password");
    throw new ApiError(401, WRONG);
  }
  if (user.totpEnabled && user.totpSecret) {
    if (!input.totp) {
      await audit("failure", "second factor missing");
      throw new ApiError(401, "enter the 6-digit code from your authenticator app", {
        rule: "totp_required",
      });
    }
    if (!totpValid(user.totpSecret, user.username, input.totp)) {
      const next = afterFailedLogin(user.failedLogins, now);
      await updateUser(db, user.id, next);
      await audit("failure", "wrong second factor");
      throw new ApiError(401, "wrong authenticator code", { rule: "totp_required" });
    }
  }
  await updateUser(db, user.id, { failedLogins: 0, lockedUntil: null });
  const token = newToken();
  const csrfToken = newToken();
  await startSession(db, { id: hashToken(token), userId: user.id, csrfToken, ip: input.ip });
  await audit("success", null);
  return { token, csrfToken, user: signedInUser(user, now) };
}

export function checkNewPassword(password: string, username: string) {
  const problems = passwordProblems(password, username);
  if (problems.length > 0) {
    throw new ApiError(400, `the new password needs ${problems.join("; ")}`, {
      field: "newPassword",
      rule: "password_policy",
    });
  }
}
