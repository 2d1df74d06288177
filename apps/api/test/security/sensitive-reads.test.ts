import { describe, expect, it } from "vitest";
import { useTestApp } from "../helper.js";

const t = useTestApp();

interface Entry {
  username: string | null;
  action: string;
  entity: string | null;
  entityId: string | null;
  result: string;
  newValue: { filter: Record<string, unknown> | null; rows: number | null } | null;
}

/** The newest audit rows, as the auditor reads them. */
async function latestEntries(limit = 20): Promise<Entry[]> {
  const auditor = await t.as("inspector");
  return (await auditor.inject(`/api/audit?limit=${limit}`)).json().entries;
}

describe("reads of sensitive data", () => {
  it("F17: reading the accounts, the audit log and its export, and a month's export is audited", async () => {
    const admin = await t.as("sysadmin");
    const users = await admin.inject("/api/users");
    expect(users.statusCode).toBe(200);
    const official = await t.as("zj_official");
    const exported = await official.inject("/api/export/month?parent=330000&year=2020&month=10");
    expect(exported.statusCode).toBe(200);
    const auditor = await t.as("inspector");
    expect((await auditor.inject("/api/audit?username=sysadmin&limit=3")).statusCode).toBe(200);
    expect((await auditor.inject("/api/audit/export?result=denied")).statusCode).toBe(200);

    const entries = await latestEntries();
    const userList = entries.find((e) => e.action === "GET /api/users");
    expect(userList).toMatchObject({ username: "sysadmin", entity: "user", result: "success" });
    expect(userList?.newValue?.rows).toBe(users.json().users.length);
    expect(entries.find((e) => e.action === "GET /api/export/month")).toMatchObject({
      username: "zj_official",
      entity: "submission",
      entityId: "330000/2020/10",
    });
    const page = entries.find(
      (e) => e.action === "GET /api/audit" && e.newValue?.filter?.username === "sysadmin",
    );
    expect(page).toMatchObject({ username: "inspector", entity: "audit_log" });
    expect(page?.newValue?.rows).toBeLessThanOrEqual(3);
    expect(entries.find((e) => e.action === "GET /api/audit/export")).toMatchObject({
      username: "inspector",
      entity: "audit_log",
      newValue: { filter: { result: "denied" } },
    });
  });
});

describe("caching", () => {
  it("F18: personal and sensitive answers say Cache-Control: no-store", async () => {
    const admin = await t.as("sysadmin");
    const auditor = await t.as("inspector");
    const official = await t.as("zj_official");
    const answers = [
      await admin.inject("/api/users"),
      await auditor.inject("/api/audit?limit=1"),
      await auditor.inject("/api/audit/facets"),
      await auditor.inject("/api/audit/export?limit=1"),
      await official.inject("/api/auth/session"),
      await official.inject("/api/export/month?parent=330000&year=2020&month=10"),
      await official.inject("/api/submissions/330300/2020/10"),
      // Not signed in: the refusal is not kept either.
      await t.app.inject("/api/auth/session"),
    ];
    for (const answer of answers) {
      expect(answer.headers["cache-control"], answer.body.slice(0, 80)).toBe("no-store");
    }
    const login = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "zj_leader", password: "Wrong#Pass1" },
    });
    expect(login.headers["cache-control"]).toBe("no-store");
  });
});
