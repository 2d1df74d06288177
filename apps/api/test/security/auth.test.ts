import { bumpDataVersion, schema } from "@jindu/db";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { WRONG } from "../../src/services/auth.js";
import { currentTotp, signIn, TEST_PASSWORD, useTestApp } from "../helper.js";

const t = useTestApp();

const login = (payload: object) =>
  t.app.inject({ method: "POST", url: "/api/auth/login", payload });

describe("sign-in", () => {
  it("locks an account for 15 minutes after 5 wrong passwords, even for the right one", async () => {
    for (let i = 0; i < 5; i++) {
      const res = await login({ username: "hz_reporter", password: "Wrong#Pass1" });
      expect(res.statusCode).toBe(401);
      expect(res.json().message).toBe(WRONG);
    }
    const locked = await login({ username: "hz_reporter", password: TEST_PASSWORD });
    expect(locked.statusCode).toBe(401);
    expect(locked.json().message).toBe(WRONG);
    const [row] = await t.database.db
      .select()
      .from(schema.users)
      .where(eq(schema.users.username, "hz_reporter"));
    const minutes = ((row?.lockedUntil?.getTime() ?? 0) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
    // Fifteen minutes later the right password works again.
    await t.database.db
      .update(schema.users)
      .set({ lockedUntil: new Date(Date.now() - 1000) })
      .where(eq(schema.users.username, "hz_reporter"));
    expect((await login({ username: "hz_reporter", password: TEST_PASSWORD })).statusCode).toBe(
      200,
    );
  });

  it("answers an unknown user exactly like a wrong password", async () => {
    const res = await login({ username: "nobody_here", password: "Wrong#Pass1" });
    expect(res.statusCode).toBe(401);
    expect(res.json().message).toBe(WRONG);
  });

  it("requires the authenticator code of a provincial official", async () => {
    const without = await login({ username: "zj_official", password: TEST_PASSWORD });
    expect(without.statusCode).toBe(401);
    expect(without.json().rule).toBe("totp_required");
    const wrong = await login({ username: "zj_official", password: TEST_PASSWORD, totp: "000000" });
    expect(wrong.statusCode).toBe(401);
    const right = await login({
      username: "zj_official",
      password: TEST_PASSWORD,
      totp: currentTotp("zj_official"),
    });
    expect(right.statusCode).toBe(200);
    expect(right.json().user).toMatchObject({ role: "province", regionCode: "330000" });
    const cookie = right.headers["set-cookie"] as string;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it("a second sign-in ends the first session", async () => {
    const first = await signIn(t.app, "zj_leader");
    expect((await first.inject("/api/auth/session")).statusCode).toBe(200);
    const second = await signIn(t.app, "zj_leader");
    expect((await first.inject("/api/regions")).statusCode).toBe(401);
    expect((await second.inject("/api/regions")).statusCode).toBe(200);
  });

  it("ends a session idle for more than 30 minutes", async () => {
    const client = await signIn(t.app, "zj_leader");
    expect((await client.inject("/api/regions")).statusCode).toBe(200);
    await t.database.db.execute(
      sql`update sessions set last_seen_at = now() - interval '31 minutes' where user_id = (select id from users where username = 'zj_leader')`,
    );
    // A change made outside the API announces itself as the API's own do: processes keep
    // sessions in memory for a few seconds between changes.
    await bumpDataVersion(t.database.db);
    // On a server the announcement arrives over the API's listening connection: moments later.
    await expect
      .poll(async () => (await client.inject("/api/regions")).statusCode, { timeout: 2_000 })
      .toBe(401);
  });

  it("signs out", async () => {
    const client = await signIn(t.app, "zj_leader");
    expect((await client.inject({ method: "POST", url: "/api/auth/logout" })).statusCode).toBe(204);
    expect((await client.inject("/api/regions")).statusCode).toBe(401);
  });
});

describe("CSRF", () => {
  it("refuses a change without the session's CSRF token, and with another session's", async () => {
    const client = await signIn(t.app, "wz_reporter");
    const url = "/api/submissions/330300/2024/7";
    const payload = { baseVersion: 0, entries: [{ indicator: "rural_seismic", value: 1 }] };
    const missing = await t.app.inject({
      method: "PUT",
      url,
      payload,
      headers: { cookie: client.cookie },
    });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().message).toMatch(/CSRF/);
    const forged = await t.app.inject({
      method: "PUT",
      url,
      payload,
      headers: { cookie: client.cookie, "x-csrf-token": t.api.csrfToken },
    });
    expect(forged.statusCode).toBe(403);
    expect((await client.inject({ method: "PUT", url, payload })).statusCode).toBe(200);
  });
});

describe("accounts", () => {
  it("an account created by the administrator must change its password first, within the policy", async () => {
    const admin = await signIn(t.app, "sysadmin");
    const weak = await admin.inject({
      method: "POST",
      url: "/api/users",
      payload: {
        username: "jx_reporter",
        displayName: "嘉兴",
        role: "reporter",
        regionCode: "330400",
        password: "password",
      },
    });
    expect(weak.statusCode).toBe(400);
    const created = await admin.inject({
      method: "POST",
      url: "/api/users",
      payload: {
        username: "jx_reporter",
        displayName: "嘉兴",
        role: "reporter",
        regionCode: "330400",
        password: "Temp#2026x",
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).not.toHaveProperty("passwordHash");
    const user = await signIn(t.app, "jx_reporter", "Temp#2026x");
    const blocked = await user.inject("/api/submissions/330400/2022/3");
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().message).toMatch(/new password/);
    const same = await user.inject({
      method: "POST",
      url: "/api/auth/password",
      payload: { currentPassword: "Temp#2026x", newPassword: "jx_reporter#2026A" },
    });
    expect(same.statusCode).toBe(400);
    const changed = await user.inject({
      method: "POST",
      url: "/api/auth/password",
      payload: { currentPassword: "Temp#2026x", newPassword: "Jiaxing#2026" },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await user.inject("/api/submissions/330400/2022/3")).statusCode).toBe(200);
  });

  it("a password older than 90 days must be changed", async () => {
    await t.database.db
      .update(schema.users)
      .set({ passwordChangedAt: new Date(Date.now() - 91 * 24 * 3600 * 1000) })
      .where(eq(schema.users.username, "zj_leader"));
    const client = await signIn(t.app, "zj_leader");
    const session = (await client.inject("/api/auth/session")).json();
    expect(session.user.mustChangePassword).toBe(true);
    expect((await client.inject("/api/regions")).statusCode).toBe(403);
  });

  it("a new provincial official enrols an authenticator before anything else", async () => {
    const admin = await signIn(t.app, "sysadmin");
    await admin.inject({
      method: "POST",
      url: "/api/users",
      payload: {
        username: "sx_official",
        displayName: "山西",
        role: "province",
        regionCode: "140000",
        password: "Temp#2026x",
      },
    });
    const res = await login({ username: "sx_official", password: "Temp#2026x" });
    const cookie = `jindu_session=${res.cookies.find((c) => c.name === "jindu_session")?.value}`;
    const headers = { cookie, "x-csrf-token": res.json().csrfToken };
    await t.app.inject({
      method: "POST",
      url: "/api/auth/password",
      headers,
      payload: { currentPassword: "Temp#2026x", newPassword: "Shanxi#2026" },
    });
    expect((await t.app.inject({ url: "/api/regions", headers })).json().message).toMatch(
      /authenticator/,
    );
    const setup = (
      await t.app.inject({ method: "POST", url: "/api/auth/totp/setup", headers })
    ).json();
    expect(setup.otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    const { totpFor } = await import("../../src/services/auth.js");
    const code = totpFor(setup.secret, "sx_official").generate();
    const verified = await t.app.inject({
      method: "POST",
      url: "/api/auth/totp/verify",
      headers,
      payload: { code },
    });
    expect(verified.statusCode, verified.body).toBe(200);
    expect((await t.app.inject({ url: "/api/regions", headers })).statusCode).toBe(200);
    // From now on the code is required at sign-in.
    expect((await login({ username: "sx_official", password: "Shanxi#2026" })).json().rule).toBe(
      "totp_required",
    );
  });
});

describe("audit log", () => {
  it("records every change with actor, address, old and new values; sign-ins too", async () => {
    const reporter = await signIn(t.app, "wz_reporter");
    const url = "/api/submissions/330300/2024/8";
    const first = await reporter.inject({
      method: "PUT",
      url,
      payload: { baseVersion: 0, entries: [{ indicator: "rural_seismic", value: 5 }] },
    });
    const second = await reporter.inject({
      method: "PUT",
      url,
      payload: {
        baseVersion: first.json().version,
        entries: [{ indicator: "rural_seismic", value: 8 }],
      },
    });
    expect(second.statusCode).toBe(200);
    const target = await t.api.inject({
      method: "PATCH",
      url: "/api/targets/1",
      payload: { value: 4242 },
    });
    expect(target.statusCode).toBe(200);
    const refused = await reporter.inject({
      method: "PUT",
      url: "/api/submissions/330100/2024/8",
      payload: { baseVersion: 0, entries: [{ indicator: "rural_seismic", value: 5 }] },
    });
    expect(refused.statusCode).toBe(403);

    const auditor = await signIn(t.app, "inspector");
    const entries = (await auditor.inject("/api/audit?limit=50")).json().entries as {
      username: string;
      action: string;
      entity: string;
      entityId: string;
      oldValue: {
        figures?: { indicator: string; value: number }[];
        value?: number;
      } | null;
      newValue: {
        figures?: { indicator: string; value: number }[];
        value?: number;
      } | null;
      result: string;
      reason: string | null;
      ip: string;
    }[];
    const saves = entries.filter(
      (e) => e.entity === "submission" && e.entityId === "330300/2024/8",
    );
    expect(saves).toHaveLength(2);
    const latest = saves[0];
    const seismic = (v: (typeof saves)[number]["oldValue"]) =>
      v?.figures?.find((e) => e.indicator === "rural_seismic")?.value;
    expect(latest).toMatchObject({ username: "wz_reporter", result: "success", ip: "127.0.0.1" });
    expect(seismic(latest?.oldValue ?? null)).toBe(5);
    expect(seismic(latest?.newValue ?? null)).toBe(8);
    const targetEntry = entries.find((e) => e.entity === "target" && e.entityId === "1");
    expect(targetEntry?.newValue?.value).toBe(4242);
    expect(targetEntry?.oldValue?.value).not.toBe(4242);
    const denied = entries.find((e) => e.entityId === "330100/2024/8");
    expect(denied).toMatchObject({ result: "denied", username: "wz_reporter" });
    expect(denied?.reason).toMatch(/outside your scope/);
    expect(
      entries.some(
        (e) => e.action === "login" && e.username === "wz_reporter" && e.result === "success",
      ),
    ).toBe(true);
  });

  it("records failed sign-ins", async () => {
    await login({ username: "zj_leader", password: "Nope#1234" });
    const auditor = await signIn(t.app, "inspector");
    const failures = (await auditor.inject("/api/audit?action=login&result=failure")).json()
      .entries;
    expect(failures.some((e: { username: string }) => e.username === "zj_leader")).toBe(true);
  });

  it("the database refuses to alter or delete audit rows and revisions, even to their owner", async () => {
    // The app's role has no right to try (F4, packages/db/test/roles.test.ts); the triggers
    // stop the schema's owner too.
    const owner = await t.database.owner();
    const refusal = async (statement: ReturnType<typeof sql>) => {
      try {
        await owner.execute(statement);
        return "allowed";
      } catch (error) {
        const e = error as { message: string; cause?: { message: string } };
        return e.cause?.message ?? e.message;
      }
    };
    expect(await refusal(sql`update audit_log set result = 'success'`)).toMatch(/append-only/);
    expect(await refusal(sql`delete from audit_log`)).toMatch(/append-only/);
    expect(await refusal(sql`truncate audit_log`)).toMatch(/append-only/);
    expect(await refusal(sql`delete from report_revisions`)).toMatch(/append-only/);
    expect(await refusal(sql`update report_revisions set actor = 'someone else'`)).toMatch(
      /append-only/,
    );
  });

  it("only the auditor reads the log; the administrator cannot", async () => {
    const admin = await signIn(t.app, "sysadmin");
    expect((await admin.inject("/api/audit")).statusCode).toBe(403);
    const auditor = await signIn(t.app, "inspector");
    const exported = await auditor.inject("/api/audit/export?limit=10");
    expect(exported.statusCode).toBe(200);
    expect(exported.headers["content-type"]).toMatch(/spreadsheetml/);
  });
});

describe("hardening", () => {
  it("sends security headers and a CSP", async () => {
    const res = await t.app.inject("/healthz");
    expect(res.headers["content-security-policy"]).toMatch(/default-src 'self'/);
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["x-frame-options"]).toBeDefined();
  });

  it("refuses bodies over the size limit", async () => {
    const res = await t.api.inject({
      method: "PUT",
      url: "/api/submissions/330300/2024/9",
      payload: {
        baseVersion: 0,
        entries: [{ indicator: "rural_seismic", value: 1, explanation: "x".repeat(2_000_000) }],
      },
    });
    expect(res.statusCode).toBe(413);
  });

  it("never shows internals in an error", async () => {
    const res = await t.api.inject({
      url: "/api/progress?indicator=prefab_share&parent=330000&year=2020&month=10&include=everything",
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toMatch(/node_modules|\.ts:|at [A-Z]/);
  });
});
