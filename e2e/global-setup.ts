import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openTestDatabase } from "@jindu/db/testing";
import { chromium } from "playwright-core";
import type { TestProject } from "vitest/node";
import { buildApp } from "../apps/api/src/app.js";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./support/chromium.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Where the API serves the built dashboard, e.g. http://127.0.0.1:41234 */
    baseUrl: string;
    /** The shared Chromium's endpoint: one browser for all test files. */
    browserEndpoint: string;
  }
}

const webDir = fileURLToPath(new URL("../apps/web", import.meta.url));
const webDist = join(webDir, "dist");

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/** Builds the dashboard unless dist/ is newer than everything it is built from. */
function ensureWebBuild() {
  const sources = ["src", "public", "index.html", "vite.config.ts", "package.json"]
    .map((name) => join(webDir, name))
    .filter(existsSync);
  const built = join(webDist, "index.html");
  if (existsSync(built) && statSync(built).mtimeMs >= Math.max(...sources.map(newestMtime))) {
    return;
  }
  // Vitest sets NODE_ENV=test, which would give Vite a development build of React and antd.
  execFileSync("pnpm", ["--filter", "@jindu/web", "build"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
}

export default async function setup(project: TestProject) {
  ensureWebBuild();
  const database = await openTestDatabase();
  const app = await buildApp({ database, webRoot: webDist });
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  const browser = await chromium.launchServer({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
  project.provide("baseUrl", address);
  project.provide("browserEndpoint", browser.wsEndpoint());

  return async () => {
    await browser.close();
    await app.close();
    await database.close();
  };
}
