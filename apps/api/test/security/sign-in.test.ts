import { schema } from "@jindu/db";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { passwords, totpFor, WRONG } from "../../src/services/auth.js";
import { signIn, TEST_PASSWORD, TEST_TOTP_SECRET, useTestApp } from "../helper.js";

const t = useTestApp();

const login = (payload: object) =>
  t.app.inject({ method: "POST", url: "/api/auth/login", payload });

const account = async (username: string) => {
  const [row] = await t.database.db
    .select()
    .from(schema.users)
    .where(eq(schema.users.username, username));
  if (!row) throw new Error(`no account ${username}`);
  return row;
};

const unlock = (username: string) =>
  t.database.db
    .update(schema.users)
    .set({ failedLogins: 0, lockedUntil: null })
    .where(eq(schema.users.username, username));

afterEach(() => {
  vi.restoreAllMocks();
});

describe("sign-in hardening", () => {
  it("F3: 15 parallel wrong passwords check at most 5 of them, and lock the account", async () => {
    const checked = vi.spyOn(passwords, "verify");
    const answers = await Promise.all(
      Array.from({ length: 15 }, () => login({ username: "hz_reporter", password: "Wrong#Pass1" })),
    );
    expect(answers.every((a) => a.statusCode === 401)).toBe(true);
    // Every answer checks a hash (F11), but only five took a turn at the account's password.
    expect(checked).toHaveBeenCalledTimes(15);
    const { lockedUntil } = await account("hz_reporter");
    expect(lockedUntil?.getTime() ?? 0).toBeGreaterThan(Date.now() + 14 * 60_000);
    // The right password is refused too while locked.
    expect((await login({ username: "hz_reporter", password: TEST_PASSWORD })).statusCode).toBe(
      401,
    );
    const audit = await t.database.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.username, "hz_reporter"));
    const reasons = audit.map((a) => a.reason);
    expect(reasons.filter((r) => r === "wrong password")).toHaveLength(5);
    expect(reasons.filter((r) => r === "account locked")).toHaveLength(11);
    await unlock("hz_reporter");
  });

  it("F3: a lock that has run out starts the count again", async () => {
    for (let i = 0; i < 5; i++) await login({ username: "wz_reporter", password: "Wrong#Pass1" });
    await t.database.db
      .update(schema.users)
      .set({ lockedUntil: new Date(Date.now() - 1000) })
      .where(eq(schema.users.username, "wz_reporter"));
    expect((await login({ username: "wz_reporter", password: "Wrong#Pass1" })).statusCode).toBe(
      401,
    );
    expect((await account("wz_reporter")).lockedUntil).toBeNull();
    expect((await login({ username: "wz_reporter", password: TEST_PASSWORD })).statusCode).toBe(
      200,
    );
    expect((await account("wz_reporter")).failedLogins).toBe(0);
  });

  it("F11: unknown, locked and wrong-password sign-ins get the same status and message", async () => {
    const wrong = await login({ username: "zj_leader", password: "Wrong#Pass1" });
    const unknown = await login({ username: "nobody_here", password: "Wrong#Pass1" });
    await t.database.db
      .update(schema.users)
      .set({ disabled: true })
      .where(eq(schema.users.username, "gd_official"));
    const disabled = await login({ username: "gd_official", password: TEST_PASSWORD });
    await t.database.db
      .update(schema.users)
      .set({ lockedUntil: new Date(Date.now() + 60_000) })
      .where(eq(schema.users.username, "hz_reporter"));
    const locked = await login({ username: "hz_reporter", password: TEST_PASSWORD });
    for (const answer of [wrong, unknown, disabled, locked]) {
      expect(answer.statusCode).toBe(401);
      expect(answer.json()).toEqual({ statusCode: 401, error: "Unauthorized", message: WRONG });
    }
    await unlock("hz_reporter");
    await t.database.db
      .update(schema.users)
      .set({ disabled: false })
      .where(eq(schema.users.username, "gd_official"));
  });

  it("F11: an unknown user's sign-in checks a password hash as a known one's does", async () => {
    const checked = vi.spyOn(passwords, "verify");
    await login({ username: "nobody_here", password: "Wrong#Pass1" });
    expect(checked).toHaveBeenCalledTimes(1);
    const [hash, password] = checked.mock.calls[0] ?? [];
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(password).toBe("Wrong#Pass1");
    await checked.mock.results[0]?.value;
    checked.mockClear();
    await t.database.db
      .update(schema.users)
      .set({ lockedUntil: new Date(Date.now() + 60_000) })
      .where(eq(schema.users.username, "hz_reporter"));
    await login({ username: "hz_reporter", password: "Wrong#Pass1" });
    expect(checked).toHaveBeenCalledTimes(1);
    await unlock("hz_reporter");
  });

  it("F12: an authenticator code is accepted once", async () => {
    // A fresh start: as if the code of this step had not been used.
    await t.database.db
      .update(schema.users)
      .set({ totpLastStep: null })
      .where(eq(schema.users.username, "zj_official"));
    const totp = totpFor(TEST_TOTP_SECRET, "zj_official");
    const code = totp.generate();
    const first = await login({ username: "zj_official", password: TEST_PASSWORD, totp: code });
    expect(first.statusCode, first.body).toBe(200);
    const again = await login({ username: "zj_official", password: TEST_PASSWORD, totp: code });
    expect(again.statusCode).toBe(401);
    expect(again.json().rule).toBe("totp_reused");
    // An older code (still within the allowed drift) is refused too.
    const previous = totp.generate({ timestamp: Date.now() - 30_000 });
    const older = await login({ username: "zj_official", password: TEST_PASSWORD, totp: previous });
    expect(older.statusCode).toBe(401);
    // The next step's code is new: it works.
    const next = totp.generate({ timestamp: Date.now() + 30_000 });
    expect(
      (await login({ username: "zj_official", password: TEST_PASSWORD, totp: next })).statusCode,
    ).toBe(200);
  });

  it("F13: wrong current passwords on the password change count towards the lockout", async () => {
    const client = await signIn(t.app, "zj_leader");
    const change = (currentPassword: string) =>
      client.inject({
        method: "POST",
        url: "/api/auth/password",
        payload: { currentPassword, newPassword: "Another#Pass2027" },
      });
    for (let i = 0; i < 5; i++) expect((await change("Wrong#Pass1")).statusCode).toBe(400);
    // The right one is refused now, and the account is locked for sign-in as well.
    const locked = await change(TEST_PASSWORD);
    expect(locked.statusCode).toBe(423);
    expect((await account("zj_leader")).lockedUntil?.getTime() ?? 0).toBeGreaterThan(Date.now());
    expect((await login({ username: "zj_leader", password: TEST_PASSWORD })).statusCode).toBe(401);
    await unlock("zj_leader");
  });

  it("F13: a right current password clears the failures counted before", async () => {
    const client = await signIn(t.app, "hz_reporter");
    await client.inject({
      method: "POST",
      url: "/api/auth/password",
      payload: { currentPassword: "Wrong#Pass1", newPassword: "Another#Pass2027" },
    });
    expect((await account("hz_reporter")).failedLogins).toBe(1);
    const changed = await client.inject({
      method: "POST",
      url: "/api/auth/password",
      payload: { currentPassword: TEST_PASSWORD, newPassword: "Another#Pass2027" },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await account("hz_reporter")).failedLogins).toBe(0);
  });
});
