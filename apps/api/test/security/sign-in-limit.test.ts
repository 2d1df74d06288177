import { schema } from "@jindu/db";
import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, buildApp } from "../../src/app.js";
import { useTestApp } from "../helper.js";

const t = useTestApp();

/** Two API processes over the one database, each allowing 3 sign-ins a minute, behind nginx. */
let first: App;
let second: App;
/** One that trusts no proxy: X-Forwarded-For is anybody's to write. */
let direct: App;
const NGINX = "10.0.0.2";

beforeAll(async () => {
  const options = { database: t.database, loginsPerMinute: 3, trustedProxies: NGINX };
  first = await buildApp(options);
  second = await buildApp(options);
  direct = await buildApp({ database: t.database, loginsPerMinute: 3 });
});
afterAll(async () => {
  await Promise.all([first?.close(), second?.close(), direct?.close()]);
});

const attempt = (app: App, username: string, socket: string, forwardedFor?: string) =>
  app.inject({
    method: "POST",
    url: "/api/auth/login",
    remoteAddress: socket,
    headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {},
    payload: { username, password: "Wrong#Pass1" },
  });

describe("F8: the sign-in limit", () => {
  it("F8: counts a client behind the proxy by its own address, across processes", async () => {
    const codes: number[] = [];
    // One client, alternating between the two processes, trying a new account each time.
    for (let i = 0; i < 4; i++) {
      const app = i % 2 === 0 ? first : second;
      codes.push((await attempt(app, `probe_${i}`, NGINX, "198.51.100.7")).statusCode);
    }
    expect(codes).toEqual([401, 401, 401, 429]);
    const refused = await attempt(first, "probe_9", NGINX, "198.51.100.7");
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    expect(Number(refused.headers["retry-after"])).toBeLessThanOrEqual(60);
    // Everyone else behind the same proxy is not held back by that client.
    expect((await attempt(second, "probe_other", NGINX, "198.51.100.8")).statusCode).toBe(401);
  });

  it("F8: counts attempts on one username from many addresses", async () => {
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) {
      const app = i % 2 === 0 ? first : second;
      codes.push((await attempt(app, "zj_leader", NGINX, `203.0.113.${i + 1}`)).statusCode);
    }
    expect(codes).toEqual([401, 401, 401, 429]);
  });

  it("F8: the audit log and the session record the client's address, not the proxy's", async () => {
    await attempt(first, "audit_probe", NGINX, "192.0.2.44");
    const [row] = await t.database.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.username, "audit_probe"))
      .orderBy(desc(schema.auditLog.id));
    expect(row?.ip).toBe("192.0.2.44");
  });

  it("F8: without a trusted proxy, X-Forwarded-For is ignored", async () => {
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) {
      codes.push((await attempt(direct, `spoof_${i}`, "198.51.100.99", `192.0.2.${i}`)).statusCode);
    }
    expect(codes).toEqual([401, 401, 401, 429]);
    // A client cannot pose as the proxy's other clients either: only the proxy's socket counts.
    expect((await attempt(first, "spoof_x", "198.51.100.99", "192.0.2.200")).statusCode).toBe(429);
  });
});
