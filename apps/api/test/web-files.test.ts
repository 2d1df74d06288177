import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { cacheControlOf } from "../src/app.js";
import { useTestApp } from "./helper.js";

// A built web app as apps/web's build leaves it: hashed assets with .br and .gz beside them.
const root = mkdtempSync(join(tmpdir(), "jindu-web-"));
const script = `console.log(${JSON.stringify("进度 ".repeat(400))});`;
mkdirSync(join(root, "assets"));
writeFileSync(join(root, "index.html"), '<!doctype html><script src="/assets/index-Ab3_x9Zq.js">');
writeFileSync(join(root, "assets", "index-Ab3_x9Zq.js"), script);
writeFileSync(join(root, "assets", "index-Ab3_x9Zq.js.br"), brotliCompressSync(script));
writeFileSync(join(root, "assets", "index-Ab3_x9Zq.js.gz"), gzipSync(script));
writeFileSync(join(root, "favicon.svg"), "<svg/>");
afterAll(() => rmSync(root, { recursive: true, force: true }));

const ctx = useTestApp({ webRoot: root });
const get = (url: string, headers: Record<string, string> = {}) =>
  ctx.app.inject({ method: "GET", url, headers });

describe("the web app's files", () => {
  it("sends a script compressed to a browser that accepts it, and kept for a year", async () => {
    const br = await get("/assets/index-Ab3_x9Zq.js", { "accept-encoding": "gzip, deflate, br" });
    expect(br.statusCode).toBe(200);
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers["content-type"]).toContain("javascript");
    expect(br.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(br.headers.vary).toContain("accept-encoding");
    expect(br.rawPayload.equals(brotliCompressSync(script))).toBe(true);

    const gz = await get("/assets/index-Ab3_x9Zq.js", { "accept-encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gz.rawPayload.equals(gzipSync(script))).toBe(true);

    const plain = await get("/assets/index-Ab3_x9Zq.js");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it("asks again for the page and the unhashed files each time, so a release shows at once", async () => {
    const page = await get("/overview", { accept: "text/html", "accept-encoding": "br" });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("/assets/index-Ab3_x9Zq.js");
    expect(page.headers["cache-control"]).toBe("no-cache");
    const icon = await get("/favicon.svg", { "accept-encoding": "br" });
    expect(icon.statusCode).toBe(200);
    expect(icon.headers["cache-control"]).toBe("no-cache");
  });

  it("never serves the compressed copies as files of their own", async () => {
    expect((await get("/assets/index-Ab3_x9Zq.js.br")).statusCode).toBe(404);
    expect((await get("/assets/index-Ab3_x9Zq.js.gz")).statusCode).toBe(404);
  });

  it("keeps for a year only names that carry a content hash", () => {
    expect(cacheControlOf("/srv/web/assets/react-DL8FGBQu.js")).toContain("immutable");
    expect(cacheControlOf("/srv/web/assets/react-DL8FGBQu.js.br")).toContain("immutable");
    expect(cacheControlOf("/srv/web/assets/tile-map-DvKXlXBo.css.gz")).toContain("immutable");
    expect(cacheControlOf("/srv/web/index.html")).toBe("no-cache");
    expect(cacheControlOf("/srv/web/assets/logo.svg")).toBe("no-cache");
  });
});
