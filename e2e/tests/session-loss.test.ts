import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import {
  DEMO_PASSWORD,
  IDLE_USER,
  SESSION_LOSS_USER,
  SHORT_IDLE,
  signIn,
} from "../support/auth.js";
import { openSession, PHONE, SCREENSHOT_DIR, useBrowser } from "../support/browser.js";

const browser = useBrowser();

// Zhejiang's other city with December 2022 open (global setup): the month is the tests' own.
const REGION = inject("sessionTestRegion");
const YEAR = 2022;
const MONTH = 12;
const onLogin = (page: Page) => page.waitForURL((url) => url.pathname === "/login");

/** An antd number input by the test id it carries (on the input itself or around it). */
const numberInput = (page: Page, id: string) =>
  page.locator(`input[data-testid="${id}"], [data-testid="${id}"] input`).first();

interface Line {
  code: string;
  /** A figure that passes the form's checks and differs from what is stored. */
  fresh: string;
}

/**
 * The first cumulative indicators of the month's form, each with a figure to type: a little above
 * last month's year-to-date (never below it, which the form refuses) and unlike the stored one.
 */
async function cumulativeLines(page: Page, base: string, count: number): Promise<Line[]> {
  const form = (await (
    await page.request.get(`${base}/api/submissions/${REGION}/${YEAR}/${MONTH}`)
  ).json()) as {
    entries: {
      indicator: { code: string; kind: string };
      value: number | null;
      previous: { value: number | null };
    }[];
  };
  const lines = form.entries
    .filter((e) => e.indicator.kind === "cumulative")
    .slice(0, count)
    .map((e) => ({
      code: e.indicator.code,
      fresh: String(
        Math.max(e.previous.value ?? 0, e.value ?? 0) + 1 + Math.floor(Math.random() * 9),
      ),
    }));
  expect(lines).toHaveLength(count);
  return lines;
}

describe("typed figures survive a lost session", () => {
  it("signed in elsewhere: 保存草稿 leads to the sign-in page, which says why; signing in again restores the figures", async () => {
    const session = await openSession(browser(), { signedIn: false });
    const { page } = session;
    const entry = `/entry?region=${REGION}&year=${YEAR}&month=${MONTH}`;
    await session.goto(entry);
    await onLogin(page);
    await signIn(page, SESSION_LOSS_USER);
    await page.getByTestId("entry-form").waitFor();
    const [first, second] = (await cumulativeLines(page, inject("baseUrl"), 2)) as [Line, Line];
    await numberInput(page, `entry-value-${first.code}`).fill(first.fresh);
    await numberInput(page, `entry-value-${second.code}`).fill(second.fresh);
    await expect.poll(() => page.getByTestId("entry-save").isDisabled()).toBe(false);

    // The same account signs in on another device (here: the API, from the test).
    const elsewhere = await fetch(`${inject("baseUrl")}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: SESSION_LOSS_USER, password: DEMO_PASSWORD }),
    });
    expect(elsewhere.status).toBe(200);

    await page.getByTestId("entry-save").click();
    await onLogin(page);
    const notice = page.getByTestId("login-notice");
    await expect(notice.textContent()).resolves.toContain("您的账号已在其他地方登录");
    await expect(notice.getAttribute("data-reason")).resolves.toBe("replaced");
    // Back to the same address afterwards.
    expect(new URL(page.url()).searchParams.get("next")).toBe(entry);
    await session.screenshot("session-ended-elsewhere-zh-CN-desktop");
    // On a phone the reason shows too.
    await page.setViewportSize({ width: 375, height: PHONE.height });
    await page.screenshot({ path: `${SCREENSHOT_DIR}session-ended-elsewhere-zh-CN-phone.png` });
    await page.setViewportSize({ width: 1366, height: 768 });

    await signIn(page, SESSION_LOSS_USER);
    await page.getByTestId("entry-form").waitFor();
    const url = new URL(page.url());
    expect(`${url.pathname}${url.search}`).toBe(entry);
    const restored = page.getByTestId("entry-restored");
    await restored.waitFor();
    await expect(restored.textContent()).resolves.toContain("已恢复您上次未保存的 2 项填报数据");
    await expect(numberInput(page, `entry-value-${first.code}`).inputValue()).resolves.toBe(
      first.fresh,
    );
    await expect(numberInput(page, `entry-value-${second.code}`).inputValue()).resolves.toBe(
      second.fresh,
    );
    await session.screenshot("entry-restored-zh-CN-desktop");

    // Saved now: the copy in the browser is gone, and a reload restores nothing.
    await page.getByTestId("entry-save").click();
    await expect
      .poll(() => page.getByTestId("entry-form").getAttribute("data-status"))
      .toBe("draft");
    await expect
      .poll(() =>
        page.evaluate(() =>
          Object.keys(localStorage).filter((k) => k.startsWith("jindu.entry.unsaved")),
        ),
      )
      .toEqual([]);
    await page.reload();
    await page.getByTestId("entry-form").waitFor();
    await expect(page.getByTestId("entry-restored").count()).resolves.toBe(0);
    await expect(numberInput(page, `entry-value-${first.code}`).inputValue()).resolves.toBe(
      first.fresh,
    );

    // The one refused request was the save, which the browser logs; nothing else.
    const refused = session.errors.splice(0);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toContain("status of 401");
    await session.close();
  });

  it("idle: a warning counts down, 继续使用 keeps the session, and at zero the sign-in page says why", {
    timeout: 120_000,
  }, async () => {
    const base = inject("shortIdleBaseUrl");
    const session = await openSession(browser(), { signedIn: false });
    const { page } = session;
    const entry = `/entry?region=${REGION}&year=${YEAR}&month=${MONTH}`;
    await page.goto(`${base}${entry}`);
    await onLogin(page);
    await signIn(page, IDLE_USER);
    await page.getByTestId("entry-form").waitFor();
    const [first] = (await cumulativeLines(page, base, 1)) as [Line];
    await numberInput(page, `entry-value-${first.code}`).fill(first.fresh);

    // Left alone, the dialog comes before the timeout, with a countdown.
    const text = page.getByTestId("idle-warning-text");
    await text.waitFor({ timeout: 30_000 });
    // The session ends at most the warning's lead (plus the API's one write a minute, here 1.6 s)
    // after the dialog shows.
    const shownAt = Date.now();
    await expect(text.textContent()).resolves.toMatch(
      /您已 \d+ 秒未操作，为安全起见将在 0:\d\d 后退出登录/,
    );
    await session.screenshot("idle-warning-zh-CN-desktop");

    // 继续使用: the dialog goes, and the session outlives the end it had when the dialog showed.
    await page.getByTestId("idle-stay").click();
    await text.waitFor({ state: "detached" });
    await expect
      .poll(() => Date.now() - shownAt, { timeout: 20_000, interval: 250 })
      .toBeGreaterThan((SHORT_IDLE.warningSeconds + 2) * 1000);
    const alive = await page.request.get(`${base}/api/auth/session`);
    expect(alive.status()).toBe(200);

    // Left alone again until the end: the sign-in page says the session ended for inactivity.
    await text.waitFor({ timeout: 30_000 });
    await onLogin(page);
    const notice = page.getByTestId("login-notice");
    await expect(notice.getAttribute("data-reason")).resolves.toBe("idle");
    await expect(notice.textContent()).resolves.toContain("长时间未操作");
    await session.screenshot("session-ended-idle-zh-CN-desktop");

    await signIn(page, IDLE_USER);
    await page.getByTestId("entry-restored").waitFor();
    await expect(numberInput(page, `entry-value-${first.code}`).inputValue()).resolves.toBe(
      first.fresh,
    );
    await session.close();
  });
});
