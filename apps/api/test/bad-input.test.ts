import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { routes } from "../src/routes/index.js";
import { precompiledSchemaCode, useTestApp } from "./helper.js";

// The route schemas compiled in advance, as the built server runs them (apps/api/build.ts): the
// standalone code must refuse what the compiled-at-start schemas refuse.
const schemaCode = await precompiledSchemaCode();
const t = useTestApp({ schemaCode });

/** Every route with a template to fill with hostile values. */
const endpoints = [
  { method: "GET", url: "/api/progress", query: ["indicator", "parent", "year", "month"] },
  {
    method: "GET",
    url: "/api/lagging",
    query: ["parent", "year", "month", "indicator", "region", "status"],
  },
  {
    method: "GET",
    url: "/api/lagging/xlsx",
    query: ["parent", "year", "month", "indicator", "region", "status", "lang"],
  },
  { method: "GET", url: "/api/overview", query: ["region", "year", "month"] },
  { method: "GET", url: "/api/plans/progress", query: ["region", "year", "month"] },
  { method: "GET", url: "/api/movers", query: ["region", "year", "month"] },
  { method: "GET", url: "/api/periods", query: ["region"] },
  { method: "GET", url: "/api/matrix", query: ["parent", "year", "month"] },
  { method: "GET", url: "/api/trend", query: ["indicator", "region", "year"] },
  { method: "GET", url: "/api/targets", query: ["indicator", "region", "year"] },
  { method: "GET", url: "/api/reports", query: ["indicator", "region", "year", "month"] },
  {
    method: "POST",
    url: "/api/targets",
    body: ["indicator", "region", "year", "value", "dueMonth", "linear"],
  },
  { method: "PATCH", url: "/api/targets/:id", body: ["value", "dueMonth", "linear"] },
  { method: "GET", url: "/api/targets/decomposition", query: ["parent", "indicator", "year"] },
  {
    method: "PUT",
    url: "/api/targets/decomposition",
    body: ["parent", "indicator", "year", "value", "dueMonth", "linear", "children"],
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
  { method: "GET", url: "/api/indicators/:code/profiles" },
  { method: "PUT", url: "/api/indicators/:code/profiles/:province", body: ["profile"] },
  { method: "DELETE", url: "/api/indicators/:code/profiles/:province" },
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
  { method: "GET", url: "/api/completeness", query: ["parent", "year", "month"] },
  { method: "GET", url: "/api/completeness/history", query: ["region", "year"] },
  {
    method: "POST",
    url: "/api/completeness/:parent/:year/:month/chase",
    body: ["regions", "message"],
  },
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
  {
    method: "GET",
    url: "/api/supervision/suggestion",
    query: ["region", "indicators", "year", "month"],
  },
  { method: "GET", url: "/api/supervision/:id" },
  { method: "POST", url: "/api/supervision/:id/answer", body: ["explanation", "measures"] },
  { method: "PUT", url: "/api/supervision/:id/minutes", body: ["attendees", "minutes"] },
  { method: "GET", url: "/api/settings/provinces/:code/supervision" },
  {
    method: "PUT",
    url: "/api/settings/provinces/:code/supervision",
    body: ["reminder", "interview", "listed", "closeAfterMonths"],
  },
  { method: "GET", url: "/api/channels" },
  {
    method: "POST",
    url: "/api/channels",
    body: ["kind", "name", "provinceCode", "kinds", "config"],
  },
  { method: "PATCH", url: "/api/channels/:id", body: ["name", "enabled", "kinds", "config"] },
  { method: "DELETE", url: "/api/channels/:id" },
  { method: "POST", url: "/api/channels/:id/test" },
  { method: "GET", url: "/api/channels/deliveries", query: ["limit", "before", "channel"] },
  { method: "GET", url: "/api/channels/runs" },
  { method: "GET", url: "/api/base-maps/:province" },
  { method: "PUT", url: "/api/base-maps/:province", body: ["approvalNumber", "geojson"] },
  { method: "DELETE", url: "/api/base-maps/:province" },
  { method: "GET", url: "/api/notifications/preferences" },
  { method: "PUT", url: "/api/notifications/preferences", body: ["preferences"] },
  { method: "GET", url: "/api/notifications", query: ["limit", "before", "unread"] },
  { method: "GET", url: "/api/notifications/unread-count" },
  { method: "POST", url: "/api/notifications/:id/read" },
  { method: "POST", url: "/api/notifications/read-all" },
  { method: "POST", url: "/api/auth/login", body: ["username", "password", "totp"] },
  { method: "GET", url: "/api/auth/session" },
  { method: "POST", url: "/api/auth/password", body: ["currentPassword", "newPassword"] },
  { method: "GET", url: "/api/users" },
  {
    method: "POST",
    url: "/api/users",
    body: ["username", "displayName", "role", "regionCode", "phone", "email", "password"],
  },
  { method: "GET", url: "/api/users/import/template" },
  {
    method: "PATCH",
    url: "/api/users/:id",
    body: ["displayName", "role", "regionCode", "phone", "email", "disabled"],
  },
  { method: "POST", url: "/api/users/:id/unlock" },
  { method: "POST", url: "/api/users/:id/reset-password", body: ["password"] },
  { method: "POST", url: "/api/users/:id/reset-second-factor" },
  { method: "GET", url: "/api/settings/provinces" },
  { method: "PUT", url: "/api/settings/provinces/:code", body: ["fourEyes"] },
  { method: "GET", url: "/api/settings/provinces/:code/reporting" },
  { method: "GET", url: "/api/task-lists/:code/:year" },
  { method: "PUT", url: "/api/task-lists/:code/:year", body: ["items"] },
  { method: "POST", url: "/api/task-lists/:code/:year/copy", body: ["fromYear"] },
  {
    method: "PUT",
    url: "/api/settings/provinces/:code/reporting",
    body: ["allowPartialMonths", "deadlineDay", "graceDays", "noReportMonths"],
  },
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
    // Issue 12 F14/F15: these gave 500 (or a wrong number) on about 35 routes.
    "Infinity",
    "-Infinity",
    "2147483648",
    "9007199254740993",
    "0x10",
    "a\u0000b",
    "\u0000",
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
  it("checks requests and writes answers with code compiled in advance, for every route", () => {
    expect(Object.keys(schemaCode.schemas.validators).length).toBeGreaterThan(100);
    expect(schemaCode.compiledAtStart).toEqual([]);
  });

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
      // About 20 random requests per endpoint; the named cases below cover the known holes.
      { numRuns: 600 },
    );
    // Writes with valid shapes may have passed validation; the fixtures above never target 2021 Wenzhou.
    expect(await fingerprint()).toBe(before);
  });
});

/** A schema as the OpenAPI document shows it, as far as these tests read it. */
interface Schema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  anyOf?: Schema[];
  oneOf?: Schema[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
}
interface Operation {
  parameters?: { in: string; name: string; required?: boolean; schema: Schema }[];
  requestBody?: { content?: Record<string, { schema: Schema }> };
}

const operations = () =>
  Object.entries(
    (t.app.swagger() as { paths: Record<string, Record<string, Operation>> }).paths,
  ).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
  );

const typesOf = (s: Schema) => [s.type].flat();
const numeric = (s: Schema): boolean =>
  typesOf(s).some((x) => x === "integer" || x === "number") ||
  Boolean(s.anyOf?.some(numeric) || s.oneOf?.some(numeric));

/** A valid value for a schema, by its constraints and, for patterned codes, its field name. */
function sample(s: Schema, name: string): unknown {
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  const branch = (s.anyOf ?? s.oneOf)?.find((b) => !typesOf(b).includes("null"));
  if (branch) return sample(branch, name);
  const type = typesOf(s)[0];
  if (type === "integer" || type === "number") {
    if (name === "year" || name.endsWith("Year")) return 2023;
    if (name === "month" || name === "dueMonth") return 3;
    return s.minimum ?? 0;
  }
  if (type === "boolean") return false;
  if (type === "array") {
    return Array.from({ length: Math.max(1, s.minItems ?? 1) }, () => sample(s.items ?? {}, name));
  }
  if (type === "object") {
    return Object.fromEntries(
      (s.required ?? []).map((key) => [key, sample(s.properties?.[key] ?? {}, key)]),
    );
  }
  if (s.format === "date-time") return "2023-03-01T00:00:00.000Z";
  if (s.pattern === "^[0-9]{6}$") return /totp|code$/.test(name) ? "123456" : "330000";
  if (s.pattern?.startsWith("^[a-z]"))
    return name === "category" ? "housing_security" : "shantytown_starts";
  if (s.pattern?.startsWith("^[0-9]{4}-")) return "2023-03-01";
  return "x".repeat(Math.max(s.minLength ?? 1, 8));
}

/** Who may call a route, so that the request reaches validation. */
const callerOf = (method: string, path: string) =>
  (path.startsWith("/api/settings") &&
    !path.endsWith("/reporting") &&
    !path.endsWith("/supervision")) ||
  path.endsWith("/reset-second-factor")
    ? "secofficer"
    : path.startsWith("/api/users") ||
        path.startsWith("/api/channels") ||
        (method === "PATCH" && path.startsWith("/api/indicators"))
      ? "sysadmin"
      : path.endsWith("/answer")
        ? "wz_reporter"
        : path.startsWith("/api/audit")
          ? "inspector"
          : "national";

describe("F14: hostile numbers and NUL characters", () => {
  it("F14: every string a route accepts has a maxLength, every number a range, every list a length", () => {
    const unbounded: string[] = [];
    const walk = (s: Schema, where: string) => {
      if (s.enum || s.const !== undefined) return;
      for (const b of [...(s.anyOf ?? []), ...(s.oneOf ?? [])]) walk(b, where);
      const types = typesOf(s);
      if (types.includes("string") && s.maxLength === undefined)
        unbounded.push(`${where} (string)`);
      if (numeric(s) && !s.anyOf && (s.minimum === undefined || s.maximum === undefined)) {
        unbounded.push(`${where} (number)`);
      }
      if (types.includes("array") && s.maxItems === undefined) unbounded.push(`${where} (list)`);
      for (const [k, v] of Object.entries(s.properties ?? {})) walk(v, `${where}.${k}`);
      if (s.items) walk(s.items, `${where}[]`);
    };
    for (const { path, method, op } of operations()) {
      for (const p of op.parameters ?? []) walk(p.schema, `${method} ${path} ${p.in} ${p.name}`);
      const body = op.requestBody?.content?.["application/json"]?.schema;
      if (body) walk(body, `${method} ${path} body`);
    }
    expect(unbounded).toEqual([]);
  });

  it("F14: Infinity, 2³¹, hex, exponents and NUL in any field of any route answer 400 naming the field", async () => {
    const clients = new Map<string, Awaited<ReturnType<typeof t.as>>>();
    const failures: string[] = [];
    let sent = 0;
    for (const { path, method, op } of operations()) {
      const caller = callerOf(method, path);
      // Signing in again would end t.api's session, which the other tests use.
      const client = caller === "national" ? t.api : (clients.get(caller) ?? (await t.as(caller)));
      clients.set(caller, client);
      const params = (op.parameters ?? []).filter((p) => p.in === "query" || p.in === "path");
      const bodySchema = op.requestBody?.content?.["application/json"]?.schema;
      const valid = {
        params: Object.fromEntries(params.map((p) => [p.name, sample(p.schema, p.name)])),
        body: bodySchema ? (sample(bodySchema, "body") as Record<string, unknown>) : undefined,
      };
      const fields = [
        ...params.map((p) => ({ where: "url" as const, name: p.name, schema: p.schema })),
        ...Object.entries(bodySchema?.properties ?? {}).map(([name, schema]) => ({
          where: "body" as const,
          name,
          schema,
        })),
      ];
      for (const field of fields) {
        // As text in the URL; as raw JSON in a body, where 1e3 is a fine number but "0x10",
        // null, true and 1e309 (Infinity once parsed) are not, nor 2³¹ for an integer.
        const integer = typesOf(field.schema).includes("integer");
        const hostile =
          field.where === "url"
            ? [
                "a\u0000b",
                ...(numeric(field.schema)
                  ? ["Infinity", "2147483648", "0x10", "1e3", " 7", ""]
                  : []),
              ]
            : [
                '"a\\u0000b"',
                ...(numeric(field.schema)
                  ? ["1e309", '"0x10"', '"7"', "true", ...(integer ? ["2147483648"] : ["1e13"])]
                  : []),
              ];
        for (const value of hostile) {
          // An empty last segment addresses the collection (GET /api/supervision/ lists), not a bad id.
          const lastSegment = path.endsWith(`{${field.name}}`);
          if (method === "GET" && field.where === "url" && value === "" && lastSegment) continue;
          const url = { ...valid.params } as Record<string, unknown>;
          let payload: string | undefined =
            valid.body === undefined ? undefined : JSON.stringify(valid.body);
          if (field.where === "url") url[field.name] = value;
          else {
            payload = JSON.stringify({ ...valid.body, [field.name]: "\u0001" }).replace(
              '"\\u0001"',
              value,
            );
          }
          const pathParams = new Set(params.filter((p) => p.in === "path").map((p) => p.name));
          const filled = path.replace(/\{(\w+)\}/g, (_, n: string) =>
            encodeURIComponent(String(url[n])),
          );
          const query = new URLSearchParams(
            Object.entries(url)
              .filter(([k]) => !pathParams.has(k))
              .map(([k, v]): [string, string] => [k, String(v)]),
          );
          const res = await client.inject({
            method: method as "GET",
            url: `${filled}?${query}`,
            ...(payload !== undefined
              ? { payload, headers: { "content-type": "application/json" } }
              : {}),
          });
          sent++;
          const body = res.json() as { field?: string };
          if (res.statusCode !== 400 || body.field !== field.name) {
            failures.push(
              `${method} ${path} ${field.where} ${field.name}=${JSON.stringify(value)} → ${res.statusCode} ${res.body.slice(0, 160)}`,
            );
          }
        }
      }
    }
    expect(sent).toBeGreaterThan(150);
    expect(failures).toEqual([]);
  });
});

describe("F15: JSON bodies keep their JSON types; URLs take plain decimals only", () => {
  const targetOf = async (id: number) =>
    (
      (await t.api.inject({ url: "/api/targets?year=2020" })).json().targets as {
        id: number;
        value: number;
        dueMonth: number;
      }[]
    ).find((x) => x.id === id);

  it("F15: PATCH /api/targets/0x10 is refused and target 16 stays as it was", async () => {
    const before = await targetOf(16);
    expect(before).toBeDefined();
    for (const id of ["0x10", "0o20", "0b10000", "1.6e1", " 16", "16 ", "+16", ""]) {
      const res = await t.api.inject({
        method: "PATCH",
        url: `/api/targets/${encodeURIComponent(id)}`,
        payload: { value: 123 },
      });
      expect([400, 404], `${id} → ${res.statusCode}`).toContain(res.statusCode);
      if (res.statusCode === 400) expect(res.json().field).toBe("id");
    }
    expect(await targetOf(16)).toEqual(before);
  });

  it("F15: null, true and numeric strings in a body are refused, not stored as 0, 1 or 16", async () => {
    const before = await targetOf(16);
    for (const value of ["null", "true", "false", '"0x10"', '"16"', '""', "[16]"]) {
      const res = await t.api.inject({
        method: "PATCH",
        url: "/api/targets/16",
        payload: `{"value": ${value}}`,
        headers: { "content-type": "application/json" },
      });
      expect(res.statusCode, `${value} → ${res.body}`).toBe(400);
      expect(res.json().field).toBe("value");
    }
    const report = "/api/reports/shantytown_starts/330300/2021/5";
    for (const value of ["null", "true", '"0x10"']) {
      const res = await t.api.inject({
        method: "PUT",
        url: report,
        payload: `{"value": ${value}}`,
        headers: { "content-type": "application/json" },
      });
      expect(res.statusCode, `${value} → ${res.body}`).toBe(400);
      expect(res.json().field).toBe("value");
    }
    expect(await targetOf(16)).toEqual(before);
    // The same change with a JSON number goes through.
    const ok = await t.api.inject({
      method: "PATCH",
      url: "/api/targets/16",
      payload: { value: 16 },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().value).toBe(16);
    await t.api.inject({
      method: "PATCH",
      url: "/api/targets/16",
      payload: { value: before?.value },
    });
  });

  it("F15: query numbers are plain decimals: 0x7E7, 2.023e3 and a blank are not 2023", async () => {
    for (const year of ["0x7E7", "2.023e3", "", " 2023", "2023 "]) {
      const res = await t.api.inject(
        `/api/progress?indicator=shantytown_starts&parent=330000&year=${encodeURIComponent(year)}&month=3`,
      );
      expect(res.statusCode, `${year} → ${res.body}`).toBe(400);
      expect(res.json().field).toBe("year");
    }
    const ok = await t.api.inject(
      "/api/progress?indicator=shantytown_starts&parent=330000&year=2023&month=3",
    );
    expect(ok.statusCode).toBe(200);
  });
});
