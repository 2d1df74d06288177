import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  type Database,
  insertUser,
  saveReportingSettings,
  schema,
  submissionsOfChildren,
  userByUsername,
} from "@jindu/db";
import { openTestDatabase } from "@jindu/db/testing";
import { type BrowserContextOptions, chromium } from "playwright-core";
import type { TestProject } from "vitest/node";
import { buildApp } from "../apps/api/src/app.js";
import { hashPassword } from "../apps/api/src/services/auth.js";
import {
  DEMO_PASSWORD,
  DEMO_TOTP_SECRET,
  seedDemoUsers,
} from "../apps/api/src/services/demo-users.js";
import {
  A11Y_PARTS,
  A11Y_TEST_ACCOUNTS,
  ACCOUNTS_TEST_ACCOUNTS,
  AUTH_TEST_ACCOUNTS,
  a11yAccount,
  CATALOGUE_TEST_ACCOUNTS,
  CHANNELS_TEST_ACCOUNTS,
  CHASE_BUREAU,
  CHASE_TEST_ACCOUNTS,
  DASHBOARD_USER,
  IDLE_USER,
  INBOX_TEST_ACCOUNTS,
  LATEST_TEST_ACCOUNTS,
  NEWCOMER,
  SESSION_LOSS_USER,
  SETTINGS_TEST_ACCOUNTS,
  SHORT_IDLE,
  signIn,
  TASK_LIST_TEST_ACCOUNTS,
} from "./support/auth.js";
import { SHANXI_OWN_INDICATOR } from "./support/catalogue.js";
import { CHROMIUM_ARGS, chromiumMissing, findChromium } from "./support/chromium.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Where the API serves the built dashboard, e.g. http://127.0.0.1:41234 */
    baseUrl: string;
    /** The shared Chromium's endpoint: one browser for all test files. */
    browserEndpoint: string;
    /**
     * Cookies of the one session of the dashboard account, signed in through the sign-in page:
     * a second sign-in of an account ends its first session, so test files running side by side
     * share this one rather than each signing in (which the rate limit would refuse anyway).
     */
    dashboardState: string;
    /** The same app and database with a short idle timeout, for the idle warning's test. */
    shortIdleBaseUrl: string;
    /** The session tests' city: Zhejiang's other city that has not reported December 2022. */
    sessionTestRegion: string;
  }
}

type StorageState = Exclude<BrowserContextOptions["storageState"], string | undefined>;

const webDir = fileURLToPath(new URL("../apps/web", import.meta.url));
// JINDU_WEB_OUT lets test runs that work side by side build into their own folders.
const webDist = process.env.JINDU_WEB_OUT ?? join(webDir, "dist");

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
  execFileSync(
    "pnpm",
    ["--filter", "@jindu/web", "exec", "vite", "build", "--outDir", webDist, "--emptyOutDir"],
    {
      stdio: "inherit",
      env: { ...process.env, NODE_ENV: "production" },
    },
  );
}

/**
 * The demo accounts, plus two the tests need: the national read-only leader (added here while
 * the API's demo list lacks it) and a newcomer who has not chosen a password nor enrolled an
 * authenticator yet.
 */
async function seedUsers(db: Database): Promise<string> {
  await seedDemoUsers(db);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  if (!(await userByUsername(db, DASHBOARD_USER))) {
    await insertUser(db, {
      username: DASHBOARD_USER,
      displayName: "国家级只读 National leadership",
      role: "leader",
      regionCode: null,
      passwordHash,
      mustChangePassword: false,
    });
  }
  await insertUser(db, {
    username: NEWCOMER.username,
    displayName: "新用户 Newcomer",
    role: "province",
    regionCode: NEWCOMER.regionCode,
    passwordHash,
    mustChangePassword: true,
  });
  // The sign-in tests' own copies of demo accounts: other test files sign in as the originals at
  // the same time, and a second sign-in of an account ends its first session.
  const copies = [
    ...AUTH_TEST_ACCOUNTS.map((name) => [name, `auth_${name}`]),
    ...LATEST_TEST_ACCOUNTS.map((name) => [name, `latest_${name}`]),
    ...CATALOGUE_TEST_ACCOUNTS.map((name) => [name, `catalogue_${name}`]),
    ...SETTINGS_TEST_ACCOUNTS.map((name) => [name, `settings_${name}`]),
    ...TASK_LIST_TEST_ACCOUNTS.map((name) => [name, `tasklist_${name}`]),
    ...ACCOUNTS_TEST_ACCOUNTS.map((name) => [name, `accounts_${name}`]),
    ...INBOX_TEST_ACCOUNTS.map((name) => [name, `inbox_${name}`]),
    ...CHANNELS_TEST_ACCOUNTS.map((name) => [name, `channels_${name}`]),
    ...CHASE_TEST_ACCOUNTS.map((name) => [name, `chase_${name}`]),
    ...A11Y_PARTS.flatMap((part) =>
      A11Y_TEST_ACCOUNTS.map((name) => [name, a11yAccount(part, name)]),
    ),
  ];
  for (const [name, username] of copies) {
    const original = await userByUsername(db, name as string);
    if (!original) throw new Error(`demo account ${name} is missing`);
    const { id: _id, createdAt: _createdAt, ...account } = original;
    await insertUser(db, { ...account, username: username as string });
  }
  await insertUser(db, {
    username: CHASE_BUREAU.username,
    displayName: "湖州市住建局 Huzhou bureau",
    role: "reporter",
    regionCode: CHASE_BUREAU.regionCode,
    passwordHash,
    mustChangePassword: false,
  });
  // The comparison test's own bureau, which submits a month to be shown as awaiting approval.
  await insertUser(db, {
    username: "zs_reporter",
    displayName: "舟山市住建局 Zhoushan bureau",
    role: "reporter",
    regionCode: "330900",
    passwordHash,
    mustChangePassword: false,
  });
  // The session tests' own bureaus: one whose session a second sign-in ends, one left idle on the
  // short-timeout server. Their city is Zhejiang's other one with December 2022 open (the month
  // cycle test takes Wenzhou; Zhejiang's December 2022 counts are tested nowhere).
  const open = (await submissionsOfChildren(db, { parentCode: "330000", year: 2022, month: 12 }))
    .filter((child) => child.status === null && child.code !== "330300")
    .at(0);
  if (!open) throw new Error("the demo data has no second open month in Zhejiang");
  for (const username of [SESSION_LOSS_USER, IDLE_USER]) {
    await insertUser(db, {
      username,
      displayName: "会话测试填报单位 Session test bureau",
      role: "reporter",
      regionCode: open.code,
      passwordHash,
      mustChangePassword: false,
    });
  }
  // The targets test's own Zhejiang official, so that its sign-in ends no other test's session.
  await insertUser(db, {
    username: "zj_planner",
    displayName: "浙江省厅计划处 Zhejiang planning",
    role: "province",
    regionCode: "330000",
    passwordHash,
    mustChangePassword: false,
    totpSecret: DEMO_TOTP_SECRET,
    totpEnabled: true,
  });
  // The five-year plan test's own Zhejiang official, for the same reason.
  await insertUser(db, {
    username: "zj_fiveyear",
    displayName: "浙江省厅规划处 Zhejiang five-year plan",
    role: "province",
    regionCode: "330000",
    passwordHash,
    mustChangePassword: false,
    totpSecret: DEMO_TOTP_SECRET,
    totpEnabled: true,
  });
  return open.code;
}

/** Signs the dashboard account in through the real sign-in page and keeps its cookies. */
async function signInDashboardUser(baseUrl: string, endpoint: string): Promise<StorageState> {
  const browser = await chromium.connect(endpoint);
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);
    await page.waitForURL((url) => url.pathname === "/login");
    await signIn(page, DASHBOARD_USER);
    await page.getByTestId("user-menu").waitFor();
    return await context.storageState();
  } finally {
    await browser.close();
  }
}

export default async function setup(project: TestProject) {
  // First, before the build: without a browser there is nothing to run (and CI must fail).
  const executablePath = findChromium();
  if (!executablePath) throw new Error(`Browser tests cannot run: ${chromiumMissing()}`);
  ensureWebBuild();
  const database = await openTestDatabase();
  const sessionTestRegion = await seedUsers(database.db);
  // The month's cycle walks Wenzhou's December 2022 with one figure of nineteen: Zhejiang lets
  // partial months be submitted (the default, a partial month stays a draft, is tested in the
  // API's tests).
  await saveReportingSettings(database.db, "330000", { allowPartialMonths: true }, "e2e");
  // A province's own indicator that no test's screens are about (Shanxi's): a national reader's
  // catalogue holds it, and no other province's screen may show it (region-detail.test.ts).
  await database.db.insert(schema.indicators).values({
    ...SHANXI_OWN_INDICATOR,
    nameZh: "山西自有指标",
    nameEn: "Shanxi's own indicator",
    unitZh: "个",
    unitEn: "projects",
    kind: "cumulative",
    direction: "higher_is_better",
    category: "urban_renewal",
    wholeNumber: true,
    sortOrder: 0,
  });
  // Every test file signs in from this one address: the per-address sign-in limit is tested in
  // the API's tests, not here.
  const app = await buildApp({ database, webRoot: webDist, loginsPerMinute: 10_000 });
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  const shortIdle = await buildApp({
    database,
    webRoot: webDist,
    loginsPerMinute: 10_000,
    idleTimeoutSeconds: SHORT_IDLE.timeoutSeconds,
    idleWarningSeconds: SHORT_IDLE.warningSeconds,
  });
  project.provide("shortIdleBaseUrl", await shortIdle.listen({ port: 0, host: "127.0.0.1" }));
  const browser = await chromium.launchServer({
    executablePath,
    args: CHROMIUM_ARGS,
  });
  project.provide("baseUrl", address);
  project.provide("sessionTestRegion", sessionTestRegion);
  project.provide("browserEndpoint", browser.wsEndpoint());
  const state = await signInDashboardUser(address, browser.wsEndpoint());
  project.provide("dashboardState", JSON.stringify(state));

  return async () => {
    await browser.close();
    await shortIdle.close();
    await app.close();
    await database.close();
  };
}
