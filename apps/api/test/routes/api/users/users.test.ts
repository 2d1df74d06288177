import { describe, expect, it } from "vitest";
import { signIn, TEST_PASSWORD, useTestApp } from "../../../helper.js";

const t = useTestApp();

const NEW_USER = {
  username: "nb_reporter",
  displayName: "宁波市住建局",
  role: "reporter",
  regionCode: "330200",
  password: "First#Pass2026",
};

describe("users: what the administration screen shows and changes", () => {
  it("lists accounts with their state and never a secret", async () => {
    const admin = await t.as("sysadmin");
    const res = await admin.inject("/api/users");
    expect(res.statusCode).toBe(200);
    const wenzhou = res
      .json()
      .users.find((u: { username: string }) => u.username === "wz_reporter");
    expect(wenzhou).toMatchObject({
      role: "reporter",
      regionCode: "330300",
      disabled: false,
      lockedUntil: null,
      totpEnabled: false,
    });
    expect(Date.parse(wenzhou.passwordChangedAt)).not.toBeNaN();
    expect(res.body).not.toMatch(/passwordHash|totpSecret|argon2/);
  });

  it("creates a bureau account that must choose its password at first sign-in", async () => {
    const admin = await t.as("sysadmin");
    const res = await admin.inject({ method: "POST", url: "/api/users", payload: NEW_USER });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      username: "nb_reporter",
      role: "reporter",
      regionCode: "330200",
      mustChangePassword: true,
    });
    // The log names the account it created, so that its later changes can be followed.
    const auditor = await t.as("inspector");
    const log = (
      await auditor.inject("/api/audit?action=POST%20%2Fapi%2Fusers&entity=user&result=success")
    ).json() as { entries: { entityId: string | null; newValue: { username: string } }[] };
    const created = log.entries.find((e) => e.newValue?.username === "nb_reporter");
    expect(created?.entityId).toBe(String(res.json().id));
    const again = await admin.inject({ method: "POST", url: "/api/users", payload: NEW_USER });
    expect(again.statusCode).toBe(409);
    const login = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "nb_reporter", password: NEW_USER.password },
    });
    expect(login.statusCode).toBe(200);
    expect(login.json().user.mustChangePassword).toBe(true);
  });

  it("refuses a region that does not exist", async () => {
    const admin = await t.as("sysadmin");
    const res = await admin.inject({
      method: "POST",
      url: "/api/users",
      payload: { ...NEW_USER, username: "nowhere", regionCode: "999999" },
    });
    expect([res.statusCode, res.json().field]).toEqual([400, "regionCode"]);
  });

  it("disables an account: its session ends and it cannot sign in until enabled", async () => {
    const admin = await t.as("sysadmin");
    const hangzhou = await t.as("hz_reporter");
    const id = (await admin.inject("/api/users"))
      .json()
      .users.find((u: { username: string }) => u.username === "hz_reporter").id;
    const off = await admin.inject({
      method: "PATCH",
      url: `/api/users/${id}`,
      payload: { disabled: true },
    });
    expect([off.statusCode, off.json().disabled]).toEqual([200, true]);
    expect((await hangzhou.inject("/api/auth/session")).statusCode).toBe(401);
    await expect(signIn(t.app, "hz_reporter")).rejects.toThrow(/sign-in of hz_reporter failed/);
    const on = await admin.inject({
      method: "PATCH",
      url: `/api/users/${id}`,
      payload: { disabled: false },
    });
    expect(on.json().disabled).toBe(false);
    await expect(signIn(t.app, "hz_reporter")).resolves.toBeTruthy();
  });

  it("changes role, scope and name together", async () => {
    const admin = await t.as("sysadmin");
    const id = (await admin.inject("/api/users"))
      .json()
      .users.find((u: { username: string }) => u.username === "nb_reporter").id;
    const res = await admin.inject({
      method: "PATCH",
      url: `/api/users/${id}`,
      payload: { role: "leader", regionCode: "330000", displayName: "浙江领导" },
    });
    expect(res.json()).toMatchObject({
      role: "leader",
      regionCode: "330000",
      displayName: "浙江领导",
    });
  });

  it("a security officer cannot disable or demote their own account", async () => {
    const security = await t.as("secofficer");
    const me = (await security.inject("/api/users"))
      .json()
      .users.find((u: { username: string }) => u.username === "secofficer");
    for (const payload of [{ disabled: true }, { role: "auditor" }]) {
      const res = await security.inject({ method: "PATCH", url: `/api/users/${me.id}`, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(409);
    }
    const renamed = await security.inject({
      method: "PATCH",
      url: `/api/users/${me.id}`,
      payload: { displayName: "安全保密管理员", role: "security" },
    });
    expect(renamed.statusCode).toBe(200);
    // The administrator's own account is the security officer's to manage (F5).
    const admin = await t.as("sysadmin");
    const adminId = (await admin.inject("/api/users"))
      .json()
      .users.find((u: { username: string }) => u.username === "sysadmin").id;
    const own = await admin.inject({
      method: "PATCH",
      url: `/api/users/${adminId}`,
      payload: { disabled: true },
    });
    expect(own.statusCode).toBe(403);
  });

  it("resets a password: the old one stops working, the temporary one must be changed", async () => {
    const admin = await t.as("sysadmin");
    const id = (await admin.inject("/api/users"))
      .json()
      .users.find((u: { username: string }) => u.username === "wz_reporter").id;
    const weak = await admin.inject({
      method: "POST",
      url: `/api/users/${id}/reset-password`,
      payload: { password: "short" },
    });
    expect(weak.statusCode).toBe(400);
    const res = await admin.inject({
      method: "POST",
      url: `/api/users/${id}/reset-password`,
      payload: { password: "Temp#Pass2027" },
    });
    expect([res.statusCode, res.json().mustChangePassword]).toEqual([200, true]);
    await expect(signIn(t.app, "wz_reporter", TEST_PASSWORD)).rejects.toThrow();
    const login = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "wz_reporter", password: "Temp#Pass2027" },
    });
    expect(login.json().user.mustChangePassword).toBe(true);
  });

  it("unlocks an account locked by failed sign-ins", async () => {
    const wrong = () =>
      t.app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { username: "zj_leader", password: "wrong" },
      });
    for (let i = 0; i < 5; i++) await wrong();
    const locked = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "zj_leader", password: TEST_PASSWORD },
    });
    // Refused like any wrong sign-in: a locked account does not say so (F11).
    expect(locked.statusCode).toBe(401);
    const admin = await t.as("sysadmin");
    const user = (await admin.inject("/api/users"))
      .json()
      .users.find((u: { username: string }) => u.username === "zj_leader");
    expect(user.lockedUntil).not.toBeNull();
    const res = await admin.inject({ method: "POST", url: `/api/users/${user.id}/unlock` });
    expect([res.statusCode, res.json().lockedUntil]).toEqual([200, null]);
    await expect(signIn(t.app, "zj_leader")).resolves.toBeTruthy();
    const missing = await admin.inject({ method: "POST", url: "/api/users/99999/unlock" });
    expect(missing.statusCode).toBe(404);
  });
});
