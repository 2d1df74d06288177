import { openDatabase } from "@jindu/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, buildApp } from "../../src/app.js";
import { currentTotp, TEST_PASSWORD, useTestApp } from "../helper.js";

const t = useTestApp();

/**
 * Two API instances on two ports over one database, spoken to over real HTTP. On a PostgreSQL
 * server each has its own connection pool, as two processes would; the embedded database can
 * only be opened once, so there they share it. Nothing of a signed-in user lives in either.
 */
let second: App;
let closeSecond = async () => {};
const base: string[] = [];

beforeAll(async () => {
  const own = t.database.url
    ? await openDatabase({ url: t.database.url, maxConnections: 5 })
    : null;
  second = await buildApp({ database: own ?? t.database, loginsPerMinute: 100_000 });
  closeSecond = async () => {
    await second.close();
    await own?.close();
  };
  base.push(await t.app.listen({ port: 0, host: "127.0.0.1" }));
  base.push(await second.listen({ port: 0, host: "127.0.0.1" }));
});
afterAll(async () => {
  await closeSecond();
});

describe("stateless API", () => {
  it("signs in on one instance, submits on the other, reads back on the first", async () => {
    const [a, b] = base as [string, string];
    expect(a).not.toBe(b);
    const login = await fetch(`${a}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        username: "zj_official",
        password: TEST_PASSWORD,
        totp: currentTotp("zj_official"),
      }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] as string;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const headers = { cookie, "x-csrf-token": csrfToken, "content-type": "application/json" };

    const month = "/api/submissions/330500/2024/10";
    // A dashboard answer the first instance computes, caches and then must not serve stale.
    const progress = `${a}/api/progress?indicator=rural_seismic&parent=330000&year=2024&month=10&include=submitted`;
    const actualOf = async () => {
      const body = (await (await fetch(progress, { headers })).json()) as {
        children: { region: { code: string }; actual: number | null }[];
      };
      return body.children.find((line) => line.region.code === "330500")?.actual ?? null;
    };
    expect(await actualOf()).not.toBe(21);
    const saved = await fetch(`${b}${month}`, {
      method: "PUT",
      headers,
      body: JSON.stringify({
        baseVersion: 0,
        entries: [{ indicator: "rural_seismic", value: 21 }],
      }),
    });
    expect(saved.status).toBe(200);
    const { version } = (await saved.json()) as { version: number };
    const submitted = await fetch(`${b}${month}/submit`, {
      method: "POST",
      headers,
      body: JSON.stringify({ version }),
    });
    expect(submitted.status).toBe(200);

    const read = await fetch(`${a}${month}`, { headers });
    expect(read.status).toBe(200);
    const form = (await read.json()) as {
      status: string;
      entries: { indicator: { code: string }; value: number }[];
    };
    expect(form.status).toBe("submitted");
    expect(form.entries.find((e) => e.indicator.code === "rural_seismic")?.value).toBe(21);
    // The change on the second instance reached the first one's cache (announced, not polled).
    await expect.poll(actualOf, { timeout: 2_000 }).toBe(21);

    // Signing out on one instance ends the session on both.
    const signOut = { cookie, "x-csrf-token": csrfToken };
    expect((await fetch(`${b}/api/auth/logout`, { method: "POST", headers: signOut })).status).toBe(
      204,
    );
    // The first instance kept the session in memory; the sign-out's announcement ends it there
    // within moments (milliseconds: the notification is sent when the sign-out commits).
    await expect
      .poll(async () => (await fetch(`${a}${month}`, { headers })).status, { timeout: 2_000 })
      .toBe(401);
  });
});
