import { describe, expect, it } from "vitest";
import { type Client, TEST_PASSWORD, useTestApp } from "../helper.js";
import { multipartFile } from "../spreadsheet-helpers.js";
import { ADMIN_CASES } from "./cases/admin.js";
import { BULLETIN_CASES } from "./cases/bulletin.js";
import { CHANNEL_CASES } from "./cases/channels.js";
import { MAP_CASES } from "./cases/maps.js";
import { SUPERVISION_CASES } from "./cases/supervision.js";
import { TARGET_CASES } from "./cases/targets.js";
import { ACCOUNT, ALL, type Case, ENTRY, PROVINCE, READERS } from "./cases/types.js";

const t = useTestApp();

const csv = Buffer.from("t\nregion,name,shantytown_starts\n330300,温州市,5\n");

const CASES: Case[] = [
  { method: "GET", route: "/healthz", url: "/healthz", roles: "public" },
  {
    method: "POST",
    route: "/api/auth/login",
    url: "/api/auth/login",
    roles: "public",
    body: { username: "hz_reporter", password: TEST_PASSWORD },
  },
  { method: "GET", route: "/api/auth/session", url: "/api/auth/session", roles: "public" },
  {
    method: "POST",
    route: "/api/auth/password",
    url: "/api/auth/password",
    roles: ALL,
    body: { currentPassword: "wrong", newPassword: "x" },
  },
  { method: "POST", route: "/api/auth/totp/setup", url: "/api/auth/totp/setup", roles: ALL },
  {
    method: "POST",
    route: "/api/auth/totp/verify",
    url: "/api/auth/totp/verify",
    roles: ALL,
    body: { code: "000000" },
  },
  { method: "GET", route: "/api/users/", url: "/api/users", roles: ["admin", "security"] },
  // Business accounts are the administrator's, privileged ones the security officer's (F5).
  {
    method: "POST",
    route: "/api/users/",
    url: "/api/users",
    roles: ["admin"],
    body: {
      username: "new_user",
      displayName: "N",
      role: "leader",
      regionCode: "330000",
      password: "Fresh#Pass1",
    },
  },
  {
    method: "POST",
    route: "/api/users/",
    url: "/api/users",
    roles: ["security"],
    body: {
      username: "new_auditor",
      displayName: "N",
      role: "auditor",
      regionCode: null,
      password: "Fresh#Pass1",
    },
  },
  {
    method: "PATCH",
    route: "/api/users/:id",
    url: "/api/users/1",
    roles: ["admin"],
    body: { displayName: "national" },
  },
  {
    method: "POST",
    route: "/api/users/:id/reset-password",
    url: "/api/users/999/reset-password",
    roles: ["admin", "security"],
    body: { password: "Temp#Pass2026" },
  },
  { method: "GET", route: "/api/audit/", url: "/api/audit?limit=5", roles: ["auditor"] },
  {
    method: "GET",
    route: "/api/audit/export",
    url: "/api/audit/export?limit=5",
    roles: ["auditor"],
  },
  { method: "GET", route: "/api/regions/", url: "/api/regions", roles: ALL },
  { method: "GET", route: "/api/indicators/", url: "/api/indicators", roles: ALL },
  {
    method: "GET",
    route: "/api/targets/",
    url: "/api/targets?region={in}&year=2022",
    roles: READERS,
    scoped: true,
  },
  {
    method: "POST",
    route: "/api/targets/",
    url: "/api/targets",
    roles: PROVINCE,
    scoped: true,
    body: { indicator: "rural_seismic", region: "{in}", year: 2024, value: 10 },
  },
  {
    method: "PATCH",
    route: "/api/targets/:id",
    url: "/api/targets/{target}",
    roles: PROVINCE,
    scoped: true,
    body: { value: 10 },
  },
  {
    method: "GET",
    route: "/api/reports/",
    url: "/api/reports?region={in}&year=2022&month=3",
    roles: READERS,
    scoped: true,
  },
  {
    method: "GET",
    route: "/api/reports/:indicator/:region/:year/:month",
    url: "/api/reports/shantytown_starts/{in}/2022/3",
    roles: READERS,
    scoped: true,
  },
  {
    method: "GET",
    route: "/api/reports/:indicator/:region/:year/:month/history",
    url: "/api/reports/shantytown_starts/{in}/2022/3/history",
    roles: READERS,
    scoped: true,
  },
  {
    method: "PUT",
    route: "/api/reports/:indicator/:region/:year/:month",
    url: "/api/reports/rural_seismic/{in}/2024/1",
    roles: ENTRY,
    scoped: true,
    body: { value: 1, version: 0 },
  },
  {
    method: "GET",
    route: "/api/settings/provinces/:code/reporting",
    url: "/api/settings/provinces/{province}/reporting",
    roles: READERS,
    scoped: true,
  },
  {
    method: "PUT",
    route: "/api/settings/provinces/:code/reporting",
    url: "/api/settings/provinces/{province}/reporting",
    roles: PROVINCE,
    scoped: true,
    body: { allowPartialMonths: false },
  },
  {
    method: "GET",
    route: "/api/task-lists/:code/:year",
    url: "/api/task-lists/{province}/2031",
    roles: READERS,
    scoped: true,
  },
  {
    method: "PUT",
    route: "/api/task-lists/:code/:year",
    url: "/api/task-lists/{province}/2031",
    roles: PROVINCE,
    scoped: true,
    body: { items: [] },
  },
  {
    method: "POST",
    route: "/api/task-lists/:code/:year/copy",
    url: "/api/task-lists/{province}/2031/copy",
    roles: PROVINCE,
    scoped: true,
    body: { fromYear: 2030 },
  },
  {
    method: "GET",
    route: "/api/submissions/",
    url: "/api/submissions?parent={in}",
    roles: PROVINCE,
    scoped: true,
  },
  {
    method: "GET",
    route: "/api/submissions/:region/:year/:month",
    url: "/api/submissions/{in}/2022/3",
    roles: READERS,
    scoped: true,
  },
  {
    method: "GET",
    route: "/api/submissions/:region/:year/:month/history",
    url: "/api/submissions/{in}/2022/3/history",
    roles: READERS,
    scoped: true,
  },
  {
    method: "PUT",
    route: "/api/submissions/:region/:year/:month",
    url: "/api/submissions/{in}/2024/2",
    roles: ENTRY,
    scoped: true,
    body: { baseVersion: 0, entries: [{ indicator: "rural_seismic", value: 1 }] },
  },
  {
    method: "POST",
    route: "/api/submissions/:region/:year/:month/submit",
    url: "/api/submissions/{in}/2024/3/submit",
    roles: ENTRY,
    scoped: true,
    body: { version: 0 },
  },
  {
    method: "POST",
    route: "/api/submissions/:region/:year/:month/approve",
    url: "/api/submissions/{in}/2024/3/approve",
    roles: PROVINCE,
    scoped: true,
    body: { version: 0 },
  },
  {
    method: "POST",
    route: "/api/submissions/:region/:year/:month/return",
    url: "/api/submissions/{in}/2024/3/return",
    roles: PROVINCE,
    scoped: true,
    body: { version: 0, reason: "核对数据" },
  },
  {
    method: "POST",
    route: "/api/submissions/:region/:year/:month/reopen",
    url: "/api/submissions/{in}/2024/3/reopen",
    roles: PROVINCE,
    scoped: true,
    body: { version: 0, reason: "核对数据" },
  },
  {
    method: "GET",
    route: "/api/completeness/",
    url: "/api/completeness?parent={in}&year=2022&month=12",
    roles: ["province", "leader"],
    scoped: true,
  },
  {
    method: "POST",
    route: "/api/completeness/:parent/:year/:month/chase",
    url: "/api/completeness/{in}/2024/3/chase",
    roles: PROVINCE,
    scoped: true,
    body: { regions: ["330300"] },
  },
  {
    method: "GET",
    route: "/api/completeness/history",
    url: "/api/completeness/history?region={in}&year=2022",
    roles: READERS,
    scoped: true,
  },
  {
    method: "GET",
    route: "/api/import/template",
    url: "/api/import/template?parent={in}&year=2024&month=1",
    roles: ENTRY,
    scoped: true,
  },
  {
    method: "POST",
    route: "/api/import/",
    url: "/api/import?parent={in}&year=2024&month=4&dryRun=true",
    roles: ENTRY,
    scoped: true,
    upload: true,
  },
  {
    method: "POST",
    route: "/api/import/annotated",
    url: "/api/import/annotated?parent={in}&year=2024&month=4",
    roles: ENTRY,
    scoped: true,
    upload: true,
  },
  {
    method: "GET",
    route: "/api/export/month",
    url: "/api/export/month?parent={in}&year=2022&month=3",
    roles: READERS,
    scoped: true,
  },
  // Dashboards: a bureau sees its whole province, so that it knows its rank.
  {
    method: "GET",
    route: "/api/progress/",
    url: "/api/progress?indicator=prefab_share&parent={province}&year=2020&month=10",
    roles: READERS,
    scoped: true,
  },
  {
    method: "GET",
    route: "/api/lagging/",
    url: "/api/lagging?parent={province}&year=2020&month=10",
    roles: READERS,
    scoped: true,
  },
  {
    method: "GET",
    route: "/api/lagging/xlsx",
    url: "/api/lagging/xlsx?parent={province}&year=2020&month=10&status=red",
    roles: READERS,
    scoped: true,
  },
  {
    method: "GET",
    route: "/api/overview/",
    url: "/api/overview?region={province}&year=2020&month=10",
    roles: READERS,
    scoped: true,
  },
  {
    method: "GET",
    route: "/api/plans/progress",
    url: "/api/plans/progress?region={province}&year=2022&month=6",
    roles: READERS,
    scoped: true,
  },
  {
    method: "GET",
    route: "/api/movers/",
    url: "/api/movers?region={province}&year=2020&month=10",
    roles: READERS,
    scoped: true,
  },
  {
    method: "GET",
    route: "/api/periods/",
    url: "/api/periods?region={province}",
    roles: READERS,
    scoped: true,
  },
  {
    method: "GET",
    route: "/api/matrix/",
    url: "/api/matrix?parent={province}&year=2020&month=10",
    roles: READERS,
    scoped: true,
  },
  {
    method: "GET",
    route: "/api/trend/",
    url: "/api/trend?indicator=prefab_share&region={in}&year=2020",
    roles: READERS,
    scoped: true,
  },
  ...SUPERVISION_CASES,
  ...BULLETIN_CASES,
  ...TARGET_CASES,
  ...ADMIN_CASES,
  ...CHANNEL_CASES,
  ...MAP_CASES,
  // The inbox is everyone's own: another's notification is a 404 (the route tests).
  {
    method: "GET",
    route: "/api/notifications/",
    url: "/api/notifications?limit=5",
    roles: ALL,
  },
  {
    method: "GET",
    route: "/api/notifications/unread-count",
    url: "/api/notifications/unread-count",
    roles: ALL,
  },
  {
    method: "POST",
    route: "/api/notifications/:id/read",
    url: "/api/notifications/999999/read",
    roles: ALL,
  },
  {
    method: "POST",
    route: "/api/notifications/read-all",
    url: "/api/notifications/read-all",
    roles: ALL,
  },
  // Last: it ends the session.
  { method: "POST", route: "/api/auth/logout", url: "/api/auth/logout", roles: ALL },
];

const IN = { in: "330300", province: "330000" };
const OUT = { in: "440100", province: "440000" };

async function call(client: Client | null, c: Case, where: typeof IN, targetId: number) {
  const url = c.url
    .replace("{in}", where.in)
    .replace("{province}", where.province)
    .replace("{target}", String(targetId));
  const body = c.body && JSON.parse(JSON.stringify(c.body).replaceAll("{in}", where.in));
  const request = c.upload
    ? { method: c.method, url, ...multipartFile("figures.csv", csv) }
    : { method: c.method, url, ...(body ? { payload: body } : {}) };
  return client ? client.inject(request) : t.app.inject(request);
}

describe("authorization: every route × every role × in and out of scope", () => {
  it("has a case for every route the server has", () => {
    // A plugin's "/" route answers with and without the trailing slash.
    const key = (method: string, url: string) => `${method} ${url.replace(/\/$/, "")}`;
    const covered = new Set(CASES.map((c) => key(c.method, c.route)));
    const routes = t.app.routeList.filter((r) => r.method !== "HEAD" && !r.url.startsWith("/docs"));
    const missing = routes.map((r) => key(r.method, r.url)).filter((r) => !covered.has(r));
    expect(missing.join("\n")).toEqual("");
  });

  it("gives each role exactly the access its rules say", async () => {
    const targets = (
      await t.api.inject("/api/targets?indicator=shantytown_starts&year=2022")
    ).json().targets;
    const targetIn = targets.find((x: { region: string }) => x.region === IN.in).id;
    const targetOut = targets.find((x: { region: string }) => x.region === OUT.in).id;
    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const role of ALL) {
      const client = await t.as(ACCOUNT[role]);
      for (const c of CASES) {
        const allowed = c.roles === "public" || c.roles.includes(role);
        const inScope = await call(client, c, IN, targetIn);
        outcomes.push(
          `${role} ${c.method} ${c.url} in: ${[401, 403].includes(inScope.statusCode) ? inScope.statusCode : "allowed"}`,
        );
        expected.push(`${role} ${c.method} ${c.url} in: ${allowed ? "allowed" : 403}`);
        // A role's scope only matters where it may call the route at all.
        if (
          c.scoped &&
          allowed &&
          (c.scopedRoles?.includes(role) ?? true) &&
          c.route !== "/api/auth/logout"
        ) {
          const outOfScope = await call(client, c, OUT, targetOut);
          outcomes.push(`${role} ${c.method} ${c.url} out: ${outOfScope.statusCode}`);
          expected.push(`${role} ${c.method} ${c.url} out: 403`);
        }
      }
    }
    expect(outcomes.join("\n")).toEqual(expected.join("\n"));
  });

  it("answers 401 to anyone not signed in, except on public routes", async () => {
    for (const c of CASES) {
      const res = await call(null, c, IN, 1);
      // Public routes answer for themselves (the session route says "not signed in").
      if (c.roles === "public") expect(res.body, c.url).not.toContain("sign in first");
      else expect([res.statusCode, res.json().message], c.url).toEqual([401, "sign in first"]);
    }
  });
});

describe("a bureau never sees or touches another city's figures", () => {
  it("Wenzhou cannot read or write Hangzhou's month, or read its drafts", async () => {
    const hangzhou = await t.as("hz_reporter");
    const draft = await hangzhou.inject({
      method: "PUT",
      url: "/api/submissions/330100/2024/5",
      payload: { baseVersion: 0, entries: [{ indicator: "rural_seismic", value: 3 }] },
    });
    expect(draft.statusCode).toBe(200);
    const wenzhou = await t.as("wz_reporter");
    const read = await wenzhou.inject("/api/submissions/330100/2024/5");
    expect(read.statusCode).toBe(403);
    expect(read.body).not.toContain("rural_seismic");
    expect((await wenzhou.inject("/api/reports/rural_seismic/330100/2024/5")).statusCode).toBe(403);
    const write = await wenzhou.inject({
      method: "PUT",
      url: "/api/submissions/330100/2024/5",
      payload: { baseVersion: 1, entries: [{ indicator: "rural_seismic", value: 999 }] },
    });
    expect(write.statusCode).toBe(403);
    // Unfiltered lists only hold Wenzhou's own figures.
    const list = (await wenzhou.inject("/api/reports?year=2022&month=3")).json().reports;
    expect(list.length).toBeGreaterThan(0);
    expect(new Set(list.map((r: { region: string }) => r.region))).toEqual(new Set(["330300"]));
    const after = (await hangzhou.inject("/api/submissions/330100/2024/5")).json();
    expect(
      after.entries.find(
        (e: { indicator: { code: string } }) => e.indicator.code === "rural_seismic",
      ).value,
    ).toBe(3);
  });

  it("a bureau cannot approve its own figures through an import", async () => {
    const wenzhou = await t.as("wz_reporter");
    const res = await wenzhou.inject({
      method: "POST",
      url: "/api/import?parent=330300&year=2024&month=6&action=approved",
      ...multipartFile("figures.csv", csv),
    });
    expect(res.statusCode).toBe(403);
  });
});
