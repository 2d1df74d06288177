import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { pageWithAnswers, scriptSafeJson } from "../src/plugins/app/web-page.js";
import { FIRST_ANSWERS_ID, type FirstAnswers } from "../src/schemas/index.js";
import { useTestApp } from "./helper.js";

// The page as apps/web's build leaves it: the scripts in the head.
const root = mkdtempSync(join(tmpdir(), "jindu-page-"));
const PAGE =
  '<!doctype html><html lang="zh-CN"><head><script type="module" src="/assets/index-Ab3_x9Zq.js"></script></head><body><div id="root"></div></body></html>';
writeFileSync(join(root, "index.html"), PAGE);
afterAll(() => rmSync(root, { recursive: true, force: true }));

const ctx = useTestApp({ webRoot: root });
const OVERVIEW = "region=440000&year=2020&month=3";

/** The answers a page carries, read back as the browser's JSON.parse would. */
function answersIn(html: string): FirstAnswers | undefined {
  const found = html.match(
    new RegExp(`<script id="${FIRST_ANSWERS_ID}" type="application/json">(.*?)</script>`),
  );
  return found ? (JSON.parse(found[1] as string) as FirstAnswers) : undefined;
}

describe("the page at /", () => {
  it("carries the session and the overview its address names, the same as the API answers them", async () => {
    const client = await ctx.as("gd_official");
    const page = await client.inject({ url: `/?${OVERVIEW}`, headers: { accept: "text/html" } });
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toContain("text/html");
    // One user's page: no browser or proxy keeps it.
    expect(page.headers["cache-control"]).toBe("no-store");
    expect(page.headers.vary).toContain("cookie");
    expect(page.body).toContain('src="/assets/index-Ab3_x9Zq.js"');
    const answers = answersIn(page.body);
    const session = (await client.inject("/api/auth/session")).json();
    expect(answers?.session.user).toEqual(session.user);
    expect(answers?.session.csrfToken).toBe(client.csrfToken);
    const overview = (await client.inject(`/api/overview?${OVERVIEW}`)).json();
    expect(answers?.overview).toEqual(overview);
    expect(answers?.overview?.tiles).toHaveLength(19);
  });

  it("without a region in the address, carries the user's own province (the screens' default)", async () => {
    const official = await ctx.as("gd_official");
    const answers = answersIn((await official.inject("/?year=2020&month=3")).body);
    expect(answers?.overview?.region.code).toBe("440000");
    expect(answers?.overview).toEqual((await official.inject(`/api/overview?${OVERVIEW}`)).json());
    // A Wenzhou bureau's dashboards are Zhejiang's.
    const bureau = await ctx.as("wz_reporter");
    const zhejiang = answersIn((await bureau.inject("/?year=2020&month=10")).body);
    expect(zhejiang?.overview?.region.code).toBe("330000");
  });

  it("carries only the session when the address names no period, or one the user may not read", async () => {
    const official = await ctx.as("gd_official");
    const bare = answersIn((await official.inject("/")).body);
    expect(bare?.session.user.username).toBe("gd_official");
    expect(bare?.overview).toBeUndefined();
    // Zhejiang is not Guangdong's official's: the API says 403, the page carries nothing of it.
    const other = await official.inject("/?region=330000&year=2020&month=10");
    expect(answersIn(other.body)?.overview).toBeUndefined();
    expect(other.body).not.toContain("330000");
    // A malformed period: the API refuses it, the page carries no overview and still loads.
    const bad = await official.inject("/?region=440000&year=2020&month=13");
    expect(bad.statusCode).toBe(200);
    expect(answersIn(bad.body)?.overview).toBeUndefined();
  });

  it("is the plain page without a session, or with an ended one", async () => {
    const anonymous = await ctx.app.inject({ url: `/?${OVERVIEW}` });
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.body).toBe(PAGE);
    expect(anonymous.headers["cache-control"]).toBe("no-cache");
    const client = await ctx.as("zj_official");
    await client.inject({ method: "POST", url: "/api/auth/logout" });
    const ended = await client.inject(`/?${OVERVIEW}`);
    expect(ended.body).toBe(PAGE);
  });

  it("keeps a name with </script> inside the data, never as markup", () => {
    const hostile = "</script><script>alert(1)</script><!--";
    const json = scriptSafeJson({ name: hostile });
    expect(json).not.toContain("<");
    expect(JSON.parse(json)).toEqual({ name: hostile });
    const page = pageWithAnswers(PAGE, {
      session: { user: { displayName: hostile } },
    } as unknown as FirstAnswers);
    // One script element more than the page had, and the name read back whole.
    expect(page.match(/<script/g)).toHaveLength(2);
    expect(answersIn(page)?.session.user.displayName).toBe(hostile);
  });
});
