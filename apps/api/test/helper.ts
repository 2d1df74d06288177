import { createRequire } from "node:module";
import { type Database, insertUser, schema } from "@jindu/db";
import { openTestDatabase, type TestDatabase } from "@jindu/db/testing";
import { type Role, requiresSecondFactor } from "@jindu/domain";
import { eq } from "drizzle-orm";
import type { InjectOptions, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll } from "vitest";
import { type App, type AppOptions, buildApp } from "../src/app.js";
import { storeSchemaCode } from "../src/precompile.js";
import type { SchemaCode } from "../src/precompiled-schemas.js";
import { hashPassword, totpFor } from "../src/services/auth.js";

export const TEST_PASSWORD = "Test#Pass2026";
export const TEST_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

/** Accounts every test app has, one per role and scope the tests need. */
export const TEST_USERS: { username: string; role: Role; regionCode: string | null }[] = [
  { username: "national", role: "province", regionCode: null },
  { username: "zj_official", role: "province", regionCode: "330000" },
  { username: "gd_official", role: "province", regionCode: "440000" },
  { username: "wz_reporter", role: "reporter", regionCode: "330300" },
  { username: "hz_reporter", role: "reporter", regionCode: "330100" },
  { username: "zj_leader", role: "leader", regionCode: "330000" },
  { username: "sysadmin", role: "admin", regionCode: null },
  { username: "inspector", role: "auditor", regionCode: null },
  { username: "secofficer", role: "security", regionCode: null },
];

export interface Client {
  username: string;
  csrfToken: string;
  cookie: string;
  inject(options: InjectOptions | string): Promise<LightMyRequestResponse>;
}

export const currentTotp = (username: string) => totpFor(TEST_TOTP_SECRET, username).generate();

/** Signs in through the API and returns a client that sends the session cookie and CSRF token. */
export async function signIn(
  app: App,
  username: string,
  password = TEST_PASSWORD,
): Promise<Client> {
  // Each code is good once, and tests sign in faster than codes change: each sign-in here stands
  // for one with the next code.
  await app.db
    .update(schema.users)
    .set({ totpLastStep: null })
    .where(eq(schema.users.username, username));
  const res = await app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { username, password, totp: currentTotp(username) },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === "jindu_session");
  if (!cookie) throw new Error("no session cookie");
  const { csrfToken } = res.json();
  const session = `jindu_session=${cookie.value}`;
  return {
    username,
    csrfToken,
    cookie: session,
    inject: (options) => {
      const o: InjectOptions = typeof options === "string" ? { url: options } : options;
      return app.inject({
        ...o,
        headers: { cookie: session, "x-csrf-token": csrfToken, ...(o.headers ?? {}) },
      });
    },
  };
}

export interface TestContext {
  app: App;
  database: TestDatabase;
  /** A national provincial-role official: may read and change anything figures-related. */
  api: Client;
  /** Signs in as one of TEST_USERS (a new session each call ends that account's other ones). */
  as(username: string): Promise<Client>;
}

/** Adds TEST_USERS, all with TEST_PASSWORD (and TEST_TOTP_SECRET where the role needs one). */
export async function insertTestUsers(db: Database): Promise<void> {
  const passwordHash = await hashPassword(TEST_PASSWORD);
  for (const user of TEST_USERS) {
    const secondFactor = requiresSecondFactor(user.role);
    await insertUser(db, {
      ...user,
      displayName: user.username,
      passwordHash,
      mustChangePassword: false,
      totpSecret: secondFactor ? TEST_TOTP_SECRET : null,
      totpEnabled: secondFactor,
    });
  }
}

/** A seeded app on its own throwaway database for one test file, closed after it. */
export function useTestApp(options: Omit<AppOptions, "database"> = {}): TestContext {
  const ctx = {} as TestContext;
  beforeAll(async () => {
    ctx.database = await openTestDatabase();
    await insertTestUsers(ctx.database.db);
    // Tests sign in far more often than people; the limit itself is tested on its own app.
    ctx.app = await buildApp({ database: ctx.database, loginsPerMinute: 100_000, ...options });
    await ctx.app.ready();
    ctx.api = await signIn(ctx.app, "national");
    ctx.as = (username) => signIn(ctx.app, username);
  });
  afterAll(async () => {
    await ctx.app?.close();
    await ctx.database?.close();
  });
  return ctx;
}

/**
 * Route schemas compiled in advance, as apps/api/build.ts compiles them for the built server:
 * the stored code runs here as CommonJS, requiring what it needs from beside the compilers
 * (the build bundles the same modules instead).
 */
export async function precompiledSchemaCode(): Promise<Extract<SchemaCode, { mode: "read" }>> {
  const stored = await storeSchemaCode();
  const fromHere = createRequire(import.meta.url);
  const besideCompilers = ["@fastify/ajv-compiler", "@fastify/fast-json-stringify-compiler"].map(
    (name) => createRequire(fromHere.resolve(name)),
  );
  const require = (id: string) => {
    for (const r of besideCompilers) {
      try {
        return r(id);
      } catch {}
    }
    throw new Error(`stored schema code requires ${id}, found beside no compiler`);
  };
  const run = (code: string) => () => {
    const module = { exports: {} };
    new Function("module", "exports", "require", code)(module, module.exports, require);
    return module.exports;
  };
  const functions = (byKey: Map<string, string>) =>
    Object.fromEntries([...byKey].map(([key, code]) => [key, run(code)]));
  return {
    mode: "read",
    schemas: { validators: functions(stored.validator), serializers: functions(stored.serializer) },
    compiledAtStart: [],
  };
}
