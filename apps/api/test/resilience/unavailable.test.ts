import { insertUser, isDatabaseUnavailable } from "@jindu/db";
import { openTestDatabase, type TestDatabase } from "@jindu/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, buildApp } from "../../src/app.js";
import { hashPassword } from "../../src/services/auth.js";
import { type Client, signIn, TEST_PASSWORD } from "../helper.js";

/** An app on a database of its own, which the tests break. */
let database: TestDatabase;
let app: App;
let bureau: Client;
let closed = false;

beforeAll(async () => {
  database = await openTestDatabase();
  await insertUser(database.db, {
    username: "wz_reporter",
    role: "reporter",
    regionCode: "330300",
    displayName: "wz_reporter",
    passwordHash: await hashPassword(TEST_PASSWORD),
    mustChangePassword: false,
  });
  app = await buildApp({ database });
  await app.ready();
  bureau = await signIn(app, "wz_reporter");
});
afterAll(async () => {
  await app?.close();
  if (!closed) await database?.close();
});

const month = "/api/submissions/330300/2023/3";
const save = (value: number, baseVersion = 0) =>
  bureau.inject({
    method: "PUT",
    url: month,
    payload: { baseVersion, entries: [{ indicator: "shantytown_starts", value }] },
  });

describe("the database going away", () => {
  it("tells a lost connection, a restart or a full disk from a wrong request", () => {
    const coded = (code: string) => Object.assign(new Error("x"), { code });
    for (const code of ["57P01", "57P02", "57P03", "08006", "08001", "53100", "58030"]) {
      expect(isDatabaseUnavailable(coded(code)), code).toBe(true);
    }
    expect(isDatabaseUnavailable(coded("ECONNREFUSED"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("PGlite is closed"))).toBe(true);
    // drizzle wraps the driver's error
    const wrapped = new Error("Failed query: select 1", { cause: coded("57P01") });
    expect(isDatabaseUnavailable(wrapped)).toBe(true);
    for (const code of ["23505", "23514", "40001", "42P01", "57014"]) {
      expect(isDatabaseUnavailable(coded(code)), code).toBe(false);
    }
    expect(isDatabaseUnavailable(new Error("something else"))).toBe(false);
    expect(isDatabaseUnavailable("57P01")).toBe(false);
  });

  it("answers 503 with Retry-After, not 500, when the database fails to write (I/O error)", async () => {
    // What the embedded database raises when its disk fails under it: SQLSTATE 58030. A test
    // trigger needs the schema owner's rights (the app's role may not create one).
    const owner = await database.owner();
    await owner.execute(sql`
      create function fail_io() returns trigger language plpgsql as $$
      begin raise exception 'could not write block' using errcode = '58030'; end $$`);
    await owner.execute(
      sql`create trigger fail_io before insert or update on reports execute function fail_io()`,
    );
    try {
      const res = await save(100);
      expect(res.statusCode, res.body).toBe(503);
      expect(Number(res.headers["retry-after"])).toBeGreaterThan(0);
      expect(res.json()).toMatchObject({
        statusCode: 503,
        error: "Service Unavailable",
        rule: "database_unavailable",
      });
      expect(res.json().message).toMatch(/database is unavailable/);
      expect(res.body).not.toMatch(/could not write block/);
    } finally {
      await owner.execute(sql`drop trigger fail_io on reports`);
      await owner.execute(sql`drop function fail_io()`);
    }
    expect((await save(100)).statusCode).toBe(200);
  });

  it("answers 503 on every route and at /healthz once the database is closed", async () => {
    const healthy = await app.inject({ url: "/healthz" });
    expect(healthy.statusCode).toBe(200);
    expect(healthy.json()).toMatchObject({ status: "ok" });

    await database.close();
    closed = true;
    const health = await app.inject({ url: "/healthz" });
    expect(health.statusCode).toBe(503);
    expect(health.json()).toMatchObject({ status: "unavailable", problem: "unreachable" });
    const read = await bureau.inject({ url: month });
    expect(read.statusCode, read.body).toBe(503);
    expect(read.headers["retry-after"]).toBeDefined();
    const write = await save(120, 1);
    expect(write.statusCode, write.body).toBe(503);
    const anonymous = await app.inject({ url: "/api/regions" });
    expect([401, 503]).toContain(anonymous.statusCode);
  });
});
