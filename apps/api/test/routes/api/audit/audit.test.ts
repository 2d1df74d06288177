import { auditActionWords } from "@jindu/domain";
import ExcelJS from "exceljs";
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

describe("audit log: read by an auditor, not a developer", () => {
  it("has words for every action the API records", () => {
    const changing = t.app.routeList.filter((r) =>
      ["POST", "PUT", "PATCH", "DELETE"].includes(r.method),
    );
    expect(changing.length).toBeGreaterThan(40);
    const unnamed = changing
      .map((r) => `${r.method} ${r.url}`)
      .filter((action) => auditActionWords(action) === null);
    expect(unnamed).toEqual([]);
  });

  it("names the account a change was made to, and a month by its region", async () => {
    const admin = await t.as("sysadmin");
    const created = await admin.inject({
      method: "POST",
      url: "/api/users",
      payload: {
        username: "audit_named",
        displayName: "审计测试员",
        role: "leader",
        regionCode: "330000",
        password: "Fresh#Pass2026",
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const bureau = await t.as("wz_reporter");
    await bureau.inject({
      method: "PUT",
      url: "/api/reports/shantytown_starts/330300/2031/1",
      payload: { value: 1 },
    });
    const auditor = await t.as("inspector");
    const page = (
      await auditor.inject(`/api/audit?action=${encodeURIComponent(CREATE)}&limit=50`)
    ).json();
    const entry = page.entries.find(
      (e: { entityId: string }) => e.entityId === String(created.json().id),
    );
    expect(entry.entityName).toEqual({
      zh: "审计测试员（audit_named）",
      en: "审计测试员 (audit_named)",
    });
    const report = (
      await auditor.inject(
        `/api/audit?action=${encodeURIComponent("PUT /api/reports/:indicator/:region/:year/:month")}&limit=5`,
      )
    ).json().entries[0];
    expect(report.entityName.zh).toBe("棚户区改造新开工 · 温州市 · 2031 · 1");

    // The export reads in words, Beijing time, the route kept in its own column.
    const res = await auditor.inject(`/api/audit/export?action=${encodeURIComponent(CREATE)}`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    if (!sheet) throw new Error("no sheet");
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header[0]).toBe("时间（北京）Time (Beijing)");
    const row = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(row[3]).toBe("创建用户 Create user");
    expect(row[4]).toBe("用户 User");
    expect(String(row[0])).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  });
});
