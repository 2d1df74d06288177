import { describe, expect, it } from "vitest";
import { useTestApp } from "../../../helper.js";

const t = useTestApp();

const CREATE = "POST /api/users";

describe("audit log: filters, pages and facets for the viewer", () => {
  it("filters by user, action, entity, result and time, with a total across pages", async () => {
    const admin = await t.as("sysadmin");
    for (const username of ["audit_a", "audit_b", "audit_c"]) {
      await admin.inject({
        method: "POST",
        url: "/api/users",
        payload: {
          username,
          displayName: username,
          role: "leader",
          regionCode: "330000",
          password: "Fresh#Pass2026",
        },
      });
    }
    const auditor = await t.as("inspector");
    const q = new URLSearchParams({
      username: "sysadmin",
      action: CREATE,
      entity: "user",
      result: "success",
      from: new Date(Date.now() - 60_000).toISOString(),
      to: new Date(Date.now() + 60_000).toISOString(),
      limit: "2",
    });
    const first = (await auditor.inject(`/api/audit?${q}`)).json();
    expect(first.total).toBe(3);
    expect(first.entries).toHaveLength(2);
    expect(first.entries[0].newValue.username).toBe("audit_c");
    q.set("offset", "2");
    const second = (await auditor.inject(`/api/audit?${q}`)).json();
    expect(
      second.entries.map((e: { newValue: { username: string } }) => e.newValue.username),
    ).toEqual(["audit_a"]);
    expect(second.total).toBe(3);
    q.set("from", new Date(Date.now() + 30_000).toISOString());
    expect((await auditor.inject(`/api/audit?${q}`)).json()).toEqual({ entries: [], total: 0 });
  });

  it("offers the users, actions and entities the log holds", async () => {
    const auditor = await t.as("inspector");
    const res = await auditor.inject("/api/audit/facets");
    expect(res.statusCode).toBe(200);
    const facets = res.json();
    expect(facets.usernames).toContain("sysadmin");
    expect(facets.actions).toContain(CREATE);
    expect(facets.actions).toContain("login");
    expect(facets.entities).toContain("user");
    expect(facets.actions).toEqual([...facets.actions].sort());
  });

  it("exports what the filter matches, up to the limit", async () => {
    const auditor = await t.as("inspector");
    const res = await auditor.inject(`/api/audit/export?action=${encodeURIComponent(CREATE)}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
  });

  it("rejects a negative offset", async () => {
    const auditor = await t.as("inspector");
    expect((await auditor.inject("/api/audit?offset=-1")).statusCode).toBe(400);
  });
});
