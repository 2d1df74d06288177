import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  type Browser,
  type BrowserContext,
  chromium,
  type Download,
  type Page,
} from "playwright-core";
import { afterAll, beforeAll, expect, inject } from "vitest";

export const DESKTOP = { width: 1366, height: 768 };
export const PHONE = { width: 390, height: 844 };

/** Screenshots go to the git-ignored artifacts/ folder at the workspace root. */
export const SCREENSHOT_DIR = fileURLToPath(
  new URL("../../artifacts/screenshots/", import.meta.url),
);

/** Connects to the Chromium that the global setup started, for the whole test file. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await chromium.connect(inject("browserEndpoint"));
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error("the browser is not connected yet");
    return browser;
  };
}

/**
 * Chromium itself logs every 4xx response as a console error. Some are answers the app expects
 * and shows to the user (not signed in yet; wrong password; a code needed; a new password that
 * breaks the policy), so only those are let through; the app logs nothing of its own for them.
 */
const EXPECTED_REFUSALS = [
  { status: 401, path: /^\/api\/auth\/(session|login)$/ },
  { status: 400, path: /^\/api\/auth\/password$/ },
  // An accounts file with bad rows: the screen lists them.
  { status: 422, path: /^\/api\/users\/import$/ },
  // A base map that does not validate: the upload dialog says why.
  { status: 400, path: /^\/api\/base-maps\/[0-9]{6}$/ },
];

function expectedRefusal(text: string, url: string): boolean {
  const status = /^Failed to load resource: the server responded with a status of (\d{3})/.exec(
    text,
  )?.[1];
  const path = new URL(url || "about:blank").pathname;
  return EXPECTED_REFUSALS.some((r) => String(r.status) === status && r.path.test(path));
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions seen so far. */
  errors: string[];
  goto(pathAndQuery: string): Promise<void>;
  /**
   * Opens a screen as a click on the menu does, without loading the page again (the app's router
   * follows the history change), and waits until no request has been in flight for 500 ms. A
   * load parses and runs the app's scripts afresh: about as much work as drawing the screen.
   */
  open(pathAndQuery: string): Promise<void>;
  /** Waits until no request has been in flight for 500 ms, counted from `since` at the earliest. */
  quiet(since: number): Promise<void>;
  screenshot(name: string): Promise<void>;
  /** Fails the test if the page logged an error, then closes the context. */
  close(): Promise<void>;
}

export async function openSession(
  browser: Browser,
  options: {
    viewport?: { width: number; height: number };
    language?: "zh-CN" | "en";
    /** Signed in as the dashboard account (the default), or signed out to sign in as another. */
    signedIn?: boolean;
    /** Another app than the shared one (the first-run test starts its own). */
    baseUrl?: string;
  } = {},
): Promise<Session> {
  const context = await browser.newContext({
    viewport: options.viewport ?? DESKTOP,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    ...(options.signedIn === false ? {} : { storageState: JSON.parse(inject("dashboardState")) }),
  });
  if (options.language === "en") {
    await context.addInitScript(() => localStorage.setItem("jindu.language", "en"));
  }
  // Two test files run at once on two cores (vitest maxWorkers: 2): a download or a click may
  // wait behind the other file's browser; 60 s instead of Playwright's 30 s absorbs that.
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() !== "error" || expectedRefusal(message.text(), message.location().url)) {
      return;
    }
    errors.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  const baseUrl = options.baseUrl ?? inject("baseUrl");
  const quiet = quietWatch(page);
  return {
    context,
    page,
    errors,
    async goto(pathAndQuery) {
      await page.goto(`${baseUrl}${pathAndQuery}`);
    },
    async open(pathAndQuery) {
      const asked = Date.now();
      await page.evaluate((to) => {
        history.pushState(null, "", to);
        dispatchEvent(new PopStateEvent("popstate"));
      }, pathAndQuery);
      await quiet(asked);
    },
    quiet,
    async screenshot(name) {
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      await page.screenshot({ path: `${SCREENSHOT_DIR}${name}.png`, fullPage: true });
    },
    async close() {
      await context.close();
      expect(errors, "console errors").toEqual([]);
    },
  };
}

/**
 * Playwright's "networkidle" (no request for 500 ms) for the page's life after its load, which
 * Playwright reports once per load: requests are counted as they start and end. The wait counts
 * from the later of the last request's start or end and `since` (when the screen was asked for,
 * before it had time to send anything).
 */
function quietWatch(page: Page): (since: number) => Promise<void> {
  let inFlight = 0;
  let lastChange = Date.now();
  const change = (by: number) => {
    inFlight += by;
    lastChange = Date.now();
  };
  page.on("request", () => change(1));
  page.on("requestfinished", () => change(-1));
  page.on("requestfailed", () => change(-1));
  return async (since) => {
    const deadline = Date.now() + 60_000;
    while (inFlight > 0 || Date.now() - Math.max(lastChange, since) < 500) {
      if (Date.now() > deadline) throw new Error(`${inFlight} requests still in flight after 60 s`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
}

/** A download's bytes (the browser runs remotely, so there is no local path to read). */
export async function downloaded(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Clicks the header's language toggle and waits until the interface speaks the other language:
 * English is downloaded on its first use, so the switch is not instant.
 */
export async function toggleLanguage(page: Page) {
  const toggle = page.getByTestId("language-toggle");
  const before = await toggle.textContent();
  await toggle.click();
  await page.waitForFunction(
    (label) => document.querySelector("[data-testid=language-toggle]")?.textContent !== label,
    before,
  );
}
