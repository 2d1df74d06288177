import { bumpDataVersion, schema } from "@jindu/db";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, buildApp } from "../../src/app.js";
import { signIn, TEST_PASSWORD, useTestApp } from "../helper.js";

const t = useTestApp();

/** The version up to which the app has heard every change ("41" of "41~2" or "41.1"). */
const heardUpTo = (app: App) => app.changes.version()?.split(/[~.]/)[0];

const ageSession = (username: string, minutes: number) =>
  t.database.db.execute(
    sql`update sessions set last_seen_at = now() - make_interval(mins => ${minutes})
        where user_id = (select id from users where username = ${username}) and ended_at is null`,
  );

describe("a request whose session has ended learns why (401 reason)", () => {
  it("replaced: the account signed in elsewhere", async () => {
    const first = await signIn(t.app, "zj_leader");
    await signIn(t.app, "zj_leader");
    const res = await first.inject("/api/regions");
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({
      statusCode: 401,
      error: "Unauthorized",
      reason: "replaced",
    });
    // The session route, which the sign-in page asks, says the same; so does a change.
    expect((await first.inject("/api/auth/session")).json().reason).toBe("replaced");
    const save = await first.inject({
      method: "PUT",
      url: "/api/submissions/330000/2024/7",
      payload: { entries: [] },
    });
    expect([save.statusCode, save.json().reason]).toEqual([401, "replaced"]);
  });

  it("idle: 30 minutes without a request", async () => {
    const client = await signIn(t.app, "hz_reporter");
    expect((await client.inject("/api/regions")).statusCode).toBe(200);
    await ageSession("hz_reporter", 31);
    await bumpDataVersion(t.database.db);
    await expect
      .poll(async () => (await client.inject("/api/regions")).json().reason, { timeout: 2_000 })
      .toBe("idle");
    // Kept as ended: asked again, the answer is the same, not a bare "sign in first".
    expect((await client.inject("/api/auth/session")).json()).toMatchObject({
      statusCode: 401,
      reason: "idle",
    });
  });

  it("signed_out, and idle when the dashboard signs out an unattended session", async () => {
    const client = await signIn(t.app, "zj_leader");
    await client.inject({ method: "POST", url: "/api/auth/logout" });
    expect((await client.inject("/api/regions")).json().reason).toBe("signed_out");

    const unattended = await signIn(t.app, "zj_leader");
    const out = await unattended.inject({
      method: "POST",
      url: "/api/auth/logout?reason=idle",
    });
    expect(out.statusCode).toBe(204);
    expect((await unattended.inject("/api/regions")).json().reason).toBe("idle");
  });

  it("password_changed and account_changed: an administrator's reset or edit", async () => {
    const admin = await signIn(t.app, "sysadmin");
    const [wz] = await t.database.db
      .select()
      .from(schema.users)
      .where(eq(schema.users.username, "wz_reporter"));
    const bureau = await signIn(t.app, "wz_reporter");
    const reset = await admin.inject({
      method: "POST",
      url: `/api/users/${wz?.id}/reset-password`,
      payload: { password: "Temp#Pass2027" },
    });
    expect(reset.statusCode).toBe(200);
    expect((await bureau.inject("/api/regions")).json().reason).toBe("password_changed");

    const again = await signIn(t.app, "wz_reporter", "Temp#Pass2027");
    const edit = await admin.inject({
      method: "PATCH",
      url: `/api/users/${wz?.id}`,
      payload: { displayName: "温州" },
    });
    expect(edit.statusCode).toBe(200);
    expect((await again.inject("/api/regions")).json().reason).toBe("account_changed");
  });

  it("a change of figures only keeps the sessions read in the last seconds; any other change empties them", async () => {
    const client = await signIn(t.app, "zj_official");
    // The sign-in's own announcement reaches the listener a moment later (on the server) and,
    // being no data-only change, would empty the memory: wait until a later one was heard.
    const settled = await bumpDataVersion(t.database.db);
    await expect.poll(() => heardUpTo(t.app), { timeout: 2_000 }).toBe(settled);
    expect((await client.inject("/api/regions")).statusCode).toBe(200);
    // Ended behind the API's back: only reading the session's row again shows it.
    await t.database.db.execute(
      sql`update sessions set ended_at = now(), end_reason = 'signed_out'
          where user_id = (select id from users where username = 'zj_official')
            and ended_at is null`,
    );
    const figuresOnly = await bumpDataVersion(t.database.db, undefined, { dataOnly: true });
    await expect.poll(() => heardUpTo(t.app), { timeout: 2_000 }).toBe(figuresOnly);
    expect((await client.inject("/api/regions")).statusCode).toBe(200);
    await bumpDataVersion(t.database.db);
    await expect
      .poll(async () => (await client.inject("/api/regions")).json().reason, { timeout: 2_000 })
      .toBe("signed_out");
  });

  it("keeps at most one generation of ended sessions per account", async () => {
    for (let i = 0; i < 4; i++) await signIn(t.app, "gd_official");
    const rows = await t.database.db
      .select({ endedAt: schema.sessions.endedAt })
      .from(schema.sessions)
      .innerJoin(schema.users, eq(schema.users.id, schema.sessions.userId))
      .where(eq(schema.users.username, "gd_official"));
    expect(rows.filter((r) => r.endedAt === null)).toHaveLength(1);
    expect(rows).toHaveLength(2);
  });

  it("a cookie nobody issued gets no reason", async () => {
    const res = await t.app.inject({
      url: "/api/regions",
      headers: { cookie: "jindu_session=made-up" },
    });
    expect(res.json()).toEqual({
      statusCode: 401,
      error: "Unauthorized",
      message: "sign in first",
    });
  });
});

describe("the idle timeout is configurable, and the session answer says it", () => {
  let short: App;
  beforeAll(async () => {
    short = await buildApp({
      database: t.database,
      loginsPerMinute: 1000,
      idleTimeoutSeconds: 2,
      idleWarningSeconds: 1,
    });
    await short.ready();
  });
  afterAll(() => short.close());

  it("answers the timeout, the warning's lead and when the session ends", async () => {
    const res = await t.api.inject("/api/auth/session");
    const body = res.json();
    expect(body).toMatchObject({ idleTimeoutSeconds: 1800, idleWarningSeconds: 120 });
    const left = (Date.parse(body.expiresAt) - Date.now()) / 1000;
    expect(left).toBeGreaterThan(1700);
    expect(left).toBeLessThanOrEqual(1800);
  });

  it("ends a session idle longer than a short timeout, and a request in time keeps it", {
    timeout: 20_000,
  }, async () => {
    const client = await signIn(short, "zj_leader", TEST_PASSWORD);
    const login = (await client.inject("/api/auth/session")).json();
    expect(login).toMatchObject({ idleTimeoutSeconds: 2, idleWarningSeconds: 1 });
    // Requests 1.5 s apart keep the session alive (each marks it used) ...
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect((await client.inject("/api/regions")).statusCode).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect((await client.inject("/api/regions")).statusCode).toBe(200);
    // ... and three seconds without one end it, saying why.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const res = await client.inject("/api/regions");
    expect([res.statusCode, res.json().reason]).toEqual([401, "idle"]);
  });
});
