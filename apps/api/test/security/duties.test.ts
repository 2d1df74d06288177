import { schema } from "@jindu/db";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { type Client, useTestApp } from "../helper.js";

const t = useTestApp();

const idOf = async (username: string) => {
  const [row] = await t.database.db
    .select()
    .from(schema.users)
    .where(eq(schema.users.username, username));
  if (!row) throw new Error(`no account ${username}`);
  return row;
};

const create = (client: Client, username: string, role: string, regionCode: string | null) =>
  client.inject({
    method: "POST",
    url: "/api/users",
    payload: { username, displayName: username, role, regionCode, password: "Temp#2026x" },
  });

describe("separation of duties (三员分立)", () => {
  it("F5: the administrator cannot create an auditor, a security officer or another administrator", async () => {
    const admin = await t.as("sysadmin");
    for (const role of ["auditor", "security", "admin"]) {
      const res = await create(admin, `fake_${role}`, role, null);
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().message).toMatch(/security officer/);
    }
    expect((await create(admin, "jx_leader", "leader", "330400")).statusCode).toBe(201);
    // The security officer creates privileged accounts, and no business ones.
    const security = await t.as("secofficer");
    expect((await create(security, "second_auditor", "auditor", null)).statusCode).toBe(201);
    const business = await create(security, "sec_reporter", "reporter", "330400");
    expect(business.statusCode).toBe(403);
    expect(business.json().message).toMatch(/system administrator/);
  });

  it("F5: the administrator cannot disable, demote, rename, reset or unlock the auditor", async () => {
    const admin = await t.as("sysadmin");
    const auditor = await idOf("inspector");
    const attempts = [
      { method: "PATCH" as const, url: `/api/users/${auditor.id}`, payload: { disabled: true } },
      { method: "PATCH" as const, url: `/api/users/${auditor.id}`, payload: { role: "leader" } },
      { method: "PATCH" as const, url: `/api/users/${auditor.id}`, payload: { displayName: "x" } },
      {
        method: "POST" as const,
        url: `/api/users/${auditor.id}/reset-password`,
        payload: { password: "Taken#Over2026" },
      },
      { method: "POST" as const, url: `/api/users/${auditor.id}/unlock` },
    ];
    for (const attempt of attempts) {
      expect((await admin.inject(attempt)).statusCode, attempt.url).toBe(403);
    }
    const after = await idOf("inspector");
    expect([after.disabled, after.role, after.displayName, after.passwordHash]).toEqual([
      false,
      "auditor",
      auditor.displayName,
      auditor.passwordHash,
    ]);
    // Nor the security officer's account.
    const officer = await idOf("secofficer");
    const disable = { method: "PATCH" as const, url: `/api/users/${officer.id}` };
    expect((await admin.inject({ ...disable, payload: { disabled: true } })).statusCode).toBe(403);
  });

  it("F5: the administrator cannot grant itself or anyone another's powers", async () => {
    const admin = await t.as("sysadmin");
    const self = await idOf("sysadmin");
    const leader = await idOf("zj_leader");
    for (const role of ["auditor", "security"]) {
      for (const id of [self.id, leader.id]) {
        const res = await admin.inject({
          method: "PATCH",
          url: `/api/users/${id}`,
          payload: { role },
        });
        expect(res.statusCode, `${id} → ${role}`).toBe(403);
      }
    }
    expect((await idOf("sysadmin")).role).toBe("admin");
    expect((await idOf("zj_leader")).role).toBe("leader");
    // Neither may read the log.
    expect((await admin.inject("/api/audit")).statusCode).toBe(403);
    expect((await (await t.as("secofficer")).inject("/api/audit")).statusCode).toBe(403);
  });

  it("F5: the administrator cannot enrol another account's second factor; the security officer resets one", async () => {
    const admin = await t.as("sysadmin");
    const withSecret = await admin.inject({
      method: "POST",
      url: "/api/users",
      payload: {
        username: "sx_official",
        displayName: "山西",
        role: "province",
        regionCode: "140000",
        password: "Temp#2026x",
        totpSecret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
        totpEnabled: true,
      },
    });
    expect(withSecret.statusCode).toBe(400);
    const created = await create(admin, "sx_official", "province", "140000");
    expect(created.json()).toMatchObject({ totpEnabled: false, mustChangePassword: true });
    const official = await idOf("sx_official");
    const enrol = await admin.inject({
      method: "PATCH",
      url: `/api/users/${official.id}`,
      payload: { totpSecret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", totpEnabled: true },
    });
    expect(enrol.statusCode).toBe(400);
    expect((await idOf("sx_official")).totpSecret).toBeNull();

    // A lost phone: only the security officer removes an authenticator.
    const zj = await idOf("zj_official");
    const reset = { method: "POST" as const, url: `/api/users/${zj.id}/reset-second-factor` };
    expect((await admin.inject(reset)).statusCode).toBe(403);
    const security = await t.as("secofficer");
    const done = await security.inject(reset);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().totpEnabled).toBe(false);
    expect((await idOf("zj_official")).totpSecret).toBeNull();
    // Its owner must enrol a new one before anything else.
    const login = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "zj_official", password: "Test#Pass2026" },
    });
    expect(login.statusCode).toBe(200);
    expect(login.json().user.mustSetUpSecondFactor).toBe(true);
    const self = await security.inject({
      method: "POST",
      url: `/api/users/${(await idOf("secofficer")).id}/reset-second-factor`,
    });
    expect(self.statusCode).toBe(409);
  });
});
