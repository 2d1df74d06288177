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

describe("a repeated dashboard request (ETag) still checks its session and scope", () => {
  const url = "/api/progress?indicator=rural_seismic&parent=330000&year=2022&month=5";
  /** The ETag of the dashboard answer now, asked by `client` (every viewer gets the same). */
  const etagNow = async (client: { inject: (url: string) => Promise<{ headers: object }> }) =>
    ((await client.inject(url)).headers as { etag: string }).etag;

  it("a session answered from memory is refused on the very next request once it ends: replaced, signed out", async () => {
    const first = await signIn(t.app, "zj_leader");
    // Settled: the sign-in's own announcement, heard a moment later, empties the memory too.
    const settled = await bumpDataVersion(t.database.db);
    await expect.poll(() => heardUpTo(t.app), { timeout: 2_000 }).toBe(settled);
    const etag = await etagNow(first);
    const repeat = () => first.inject({ url, headers: { "if-none-match": etag } });
    // The session was read with the first request; these are answered from memory, no query.
    expect((await repeat()).statusCode).toBe(304);
    expect((await repeat()).statusCode).toBe(304);

    // Replaced by a sign-in elsewhere: the very next request, with the ETag of now, is refused.
    const second = await signIn(t.app, "zj_leader");
    const etagAfter = await etagNow(second);
    const refused = await first.inject({ url, headers: { "if-none-match": etagAfter } });
    expect([refused.statusCode, refused.json().reason]).toEqual([401, "replaced"]);

    // Signed out: the same, for a session whose conditional requests were answered 304 just before.
    const settledAgain = await bumpDataVersion(t.database.db);
    await expect.poll(() => heardUpTo(t.app), { timeout: 2_000 }).toBe(settledAgain);
    const etagThen = await etagNow(second);
    const again = () => second.inject({ url, headers: { "if-none-match": etagThen } });
    expect((await again()).statusCode).toBe(304);
    expect((await again()).statusCode).toBe(304);
    await second.inject({ method: "POST", url: "/api/auth/logout" });
    const out = await again();
    expect([out.statusCode, out.json().reason]).toEqual([401, "signed_out"]);
  });

  it("a region outside the caller's scope is refused with a valid ETag too, also once its ancestry is known", async () => {
    const bureau = await signIn(t.app, "hz_reporter");
    const own = await etagNow(bureau);
    // A bureau sees its own province's rankings (reach: province) ...
    for (let i = 0; i < 2; i++) {
      const res = await bureau.inject({ url, headers: { "if-none-match": own } });
      expect(res.statusCode).toBe(304);
    }
    // ... and not another province's, however often it asks with the ETag of its own.
    const elsewhere = "/api/progress?indicator=rural_seismic&parent=440000&year=2022&month=5";
    for (let i = 0; i < 2; i++) {
      const res = await bureau.inject({ url: elsewhere, headers: { "if-none-match": own } });
      expect(res.statusCode).toBe(403);
    }
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
