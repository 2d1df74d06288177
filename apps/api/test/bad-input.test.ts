import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { routes } from "../src/routes/index.js";
import { useTestApp } from "./helper.js";

const t = useTestApp();

/** Every route with a template to fill with hostile values. */
const endpoints = [
  { method: "GET", url: "/api/progress", query: ["indicator", "parent", "year", "month"] },
  { method: "GET", url: "/api/lagging", query: ["parent", "year", "month"] },
  { method: "GET", url: "/api/overview", query: ["region", "year", "month"] },
  { method: "GET", url: "/api/periods", query: ["region"] },
  { method: "GET", url: "/api/matrix", query: ["parent", "year", "month"] },
  { method: "GET", url: "/api/trend", query: ["indicator", "region", "year"] },
  { method: "GET", url: "/api/targets", query: ["indicator", "region", "year"] },
  { method: "GET", url: "/api/reports", query: ["indicator", "region", "year", "month"] },
  {
    method: "POST",
    url: "/api/targets",
    body: ["indicator", "region", "year", "value", "dueMonth"],
  },
  { method: "PATCH", url: "/api/targets/:id", body: ["value", "dueMonth"] },
  { method: "GET", url: "/api/targets/decomposition", query: ["parent", "indicator", "year"] },
  {
    method: "PUT",
    url: "/api/targets/decomposition",
    body: ["parent", "indicator", "year", "value", "dueMonth", "children"],
  },
  { method: "GET", url: "/api/targets/plans", query: ["indicator", "region"] },
  {
    method: "PUT",
    url: "/api/targets/plans",
    body: ["indicator", "region", "fromYear", "toYear", "total", "yearValues"],
  },
  { method: "GET", url: "/api/targets/import/template", query: ["parent", "year", "indicator"] },
  { method: "POST", url: "/api/targets/import", query: ["parent", "dryRun"], body: ["file"] },
  { method: "PUT", url: "/api/indicators/:code/profile", body: ["profile"] },
  {
    method: "PUT",
    url: "/api/reports/:indicator/:region/:year/:month",
    body: ["value", "numerator", "denominator"],
  },
  { method: "GET", url: "/api/reports/:indicator/:region/:year/:month" },
  { method: "GET", url: "/api/reports/:indicator/:region/:year/:month/history" },
  { method: "GET", url: "/api/submissions", query: ["parent", "status", "year", "month"] },
  { method: "GET", url: "/api/submissions/:region/:year/:month" },
  { method: "GET", url: "/api/submissions/:region/:year/:month/history" },
  { method: "PUT", url: "/api/submissions/:region/:year/:month", body: ["baseVersion", "entries"] },
  { method: "POST", url: "/api/submissions/:region/:year/:month/submit", body: ["version"] },
  { method: "POST", url: "/api/submissions/:region/:year/:month/approve", body: ["version"] },
  {
    method: "POST",
    url: "/api/submissions/:region/:year/:month/return",
    body: ["version", "reason"],
  },
  {
    method: "POST",
    url: "/api/submissions/:region/:year/:month/reopen",
    body: ["version", "reason"],
  },
  { method: "GET", url: "/api/completeness", query: ["parent", "year", "month", "deadlineDay"] },
  { method: "GET", url: "/api/completeness/history", query: ["region", "year", "deadlineDay"] },
  { method: "GET", url: "/api/import/template", query: ["parent", "year", "month"] },
  {
    method: "POST",
    url: "/api/import",
    query: ["parent", "year", "month", "action", "dryRun"],
    body: ["file"],
  },
  {
    method: "POST",
    url: "/api/import/annotated",
    query: ["parent", "year", "month"],
    body: ["file"],
  },
  { method: "GET", url: "/api/export/month", query: ["parent", "year", "month"] },
  { method: "GET", url: "/api/bulletin", query: ["region", "year", "month"] },
  { method: "GET", url: "/api/bulletin/xlsx", query: ["region", "year", "month", "lang"] },
  { method: "GET", url: "/api/supervision", query: ["region", "status"] },
  {
    method: "POST",
    url: "/api/supervision",
    body: ["region", "kind", "heldOn", "indicators", "actions", "deadline"],
  },
  { method: "POST", url: "/api/supervision/:id/close", body: ["outcome"] },
  { method: "POST", url: "/api/auth/login", body: ["username", "password", "totp"] },
  { method: "GET", url: "/api/auth/session" },
  { method: "POST", url: "/api/auth/password", body: ["currentPassword", "newPassword"] },
  { method: "GET", url: "/api/users" },
  {
    method: "POST",
    url: "/api/users",
    body: ["username", "displayName", "role", "regionCode", "password"],
  },
  {
    method: "PATCH",
    url: "/api/users/:id",
    body: ["displayName", "role", "regionCode", "disabled"],
  },
  { method: "POST", url: "/api/users/:id/unlock" },
  { method: "POST", url: "/api/users/:id/reset-password", body: ["password"] },
  {
    method: "GET",
    url: "/api/audit",
    query: ["username", "action", "entity", "result", "from", "to", "limit", "offset"],
  },
  { method: "GET", url: "/api/audit/facets" },
  {
    method: "PATCH",
    url: "/api/indicators/:code",
    body: ["nameZh", "nameEn", "unitZh", "unitEn", "category", "sortOrder"],
  },
  { method: "GET", url: "/api/regions" },
  { method: "GET", url: "/api/indicators" },
  { method: "GET", url: "/healthz" },
] as const;

const hostile = fc.oneof(
  fc.constantFrom(
    "",
    "13",
    "0",
    "-1",
    "2020",
    "1e309",
    "NaN",
    "null",
    "330000",
    "999999",
    "prefab_share",
    "'; drop table reports; --",
    "%00",
    "../../etc/passwd",
    "温州",
  ),
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.double(),
);
const jsonValue = fc.oneof(
  hostile,
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.object({ maxDepth: 1 }),
);

/** Any generated value as URL text; objects such as {toString: ""} cannot go through String(). */
const text = (v: unknown) => (typeof v === "object" && v !== null ? JSON.stringify(v) : String(v));

async function fingerprint() {
  const reports = (await t.api.inject({ url: "/api/reports?year=2021&region=330300" })).json()
    .reports;
  const targets = (await t.api.inject({ url: "/api/targets" })).json().targets;
  return JSON.stringify({ reports, targets });
}

describe("malformed input", () => {
  it("covers every registered route", () => {
    const covered = new Set(endpoints.map((e) => e.url.split("/").slice(0, 3).join("/")));
    for (const prefix of Object.keys(routes)) expect(covered).toContain(prefix);
  });

  it.each([
    "/api/progress?indicator[toString]=",
    "/api/progress?toString=1&indicator=prefab_share&parent=330000&year=2020&month=1",
    "/api/progress?__proto__=1",
    "/api/progress?constructor=x",
    "/api/progress?indicator=prefab_share&indicator=x&parent=330000&year=2020&month=1",
  ])("answers %s with 400", async (url) => {
    const res = await t.api.inject(url);
    expect(res.statusCode, res.body).toBe(400);
  });

  it("never answers 5xx and never changes data", async () => {
    const before = await fingerprint();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...endpoints),
        fc.dictionary(
          fc.constantFrom(
            "indicator",
            "region",
            "parent",
            "year",
            "month",
            "value",
            "numerator",
            "denominator",
            "dueMonth",
            "id",
            "extra",
          ),
          jsonValue,
          { maxKeys: 6 },
        ),
        async (endpoint, fields) => {
          const path = endpoint.url.replace(/:(\w+)/g, (_, name: string) =>
            encodeURIComponent(text(fields[name] ?? "x")),
          );
          const query = new URLSearchParams();
          if ("query" in endpoint) {
            for (const [k, v] of Object.entries(fields)) query.set(k, text(v));
          }
          const res = await t.api.inject({
            method: endpoint.method,
            url: `${path}?${query}`,
            ...("body" in endpoint ? { payload: fields } : {}),
          });
          expect(res.statusCode, `${endpoint.method} ${path}?${query} → ${res.body}`).toBeLessThan(
            500,
          );
          if (res.statusCode >= 400) expect(res.json().message).toBeTruthy();
        },
      ),
      { numRuns: 2000 },
    );
    // Writes with valid shapes may have passed validation; the fixtures above never target 2021 Wenzhou.
    expect(await fingerprint()).toBe(before);
  });
});
