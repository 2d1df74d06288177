import type { Browser, Page } from "playwright-core";
import { expect, inject } from "vitest";
import { DEMO_PASSWORD, signIn } from "./auth.js";
import { openSession, type Session } from "./browser.js";

const api = (path: string) => `${inject("baseUrl")}/api${path}`;
const POLL = { timeout: 30_000 };

/** A bureau's month sent in through the API (left as it is if it is already waiting). */
export async function sendMonthIn(
  browser: Browser,
  m: { username: string; region: string; year: number; month: number; value: number },
): Promise<void> {
  const bureau = await browser.newContext();
  try {
    const login = await bureau.request.post(api("/auth/login"), {
      data: { username: m.username, password: DEMO_PASSWORD },
    });
    expect(login.status()).toBe(200);
    const headers = { "x-csrf-token": ((await login.json()) as { csrfToken: string }).csrfToken };
    const url = api(`/submissions/${m.region}/${m.year}/${m.month}`);
    const form = (await (await bureau.request.get(url)).json()) as {
      status: string | null;
      version: number;
    };
    if (form.status === "submitted") return;
    const saved = await bureau.request.put(url, {
      headers,
      data: {
        baseVersion: form.version,
        entries: [{ indicator: "shantytown_starts", value: m.value }],
      },
    });
    expect(saved.status(), await saved.text()).toBe(200);
    const { version } = (await saved.json()) as { version: number };
    const sent = await bureau.request.post(`${url}/submit`, { headers, data: { version } });
    expect(sent.status(), await sent.text()).toBe(200);
  } finally {
    await bureau.close();
  }
}

/** A session of its own for `username`, signed in through the sign-in page, then at `path`. */
export async function signedInAt(
  browser: Browser,
  username: string,
  path: string,
): Promise<Session> {
  const session = await openSession(browser, { signedIn: false });
  await session.goto(path);
  await session.page.waitForURL((u) => u.pathname === "/login");
  await signIn(session.page, username);
  return session;
}

/** The bell's unread count, as it says it. */
export async function bellCount(page: Page): Promise<number> {
  return Number(await page.getByTestId("bell").getAttribute("data-count"));
}

/** On the approvals screen: returns a submitted month with a reason. */
export async function returnFromApprovals(
  page: Page,
  m: { region: string; year: number; month: number; reason: string },
): Promise<void> {
  const card = page.getByTestId(`approval-${m.region}-${m.year}-${m.month}`);
  await card.waitFor();
  await page.getByTestId(`return-${m.region}-${m.year}-${m.month}`).click();
  await page.getByTestId("reason-input").fill(m.reason);
  await page.getByTestId("reason-ok").click();
  await card.waitFor({ state: "detached" });
}

/**
 * From the bell: opens the inbox, finds the month's notification of `kind` (unread, saying
 * `text`), clicks it and waits for the month's entry page (the bell one lower). Returns the count
 * the bell showed first.
 */
export async function openFromInbox(
  page: Page,
  m: { region: string; year: number; month: number; kind: string; text: readonly string[] },
  beforeClick?: () => Promise<void>,
): Promise<number> {
  const bell = page.getByTestId("bell");
  await bell.waitFor();
  await expect.poll(() => bellCount(page), POLL).toBeGreaterThanOrEqual(1);
  const before = await bellCount(page);
  await expect(page.locator("[data-testid=bell] .ant-badge-count").textContent()).resolves.toBe(
    String(before),
  );
  await bell.click();
  await page.getByTestId("inbox").waitFor();
  const link = `/entry?region=${m.region}&year=${m.year}&month=${m.month}`;
  const item = page.locator(`.inbox-item[data-link="${link}"][data-kind="${m.kind}"]`).first();
  await item.waitFor();
  await expect(item.getAttribute("data-unread")).resolves.toBe("true");
  for (const text of m.text) await expect(item.textContent()).resolves.toContain(text);
  const id = Number((await item.getAttribute("data-testid"))?.replace("inbox-item-", ""));
  // The newest notification so far: the test files run side by side, and another file's return
  // or approval of the same city may notify this account meanwhile (the copies of one bureau all
  // hear of its months), so the bell's "one lower" is judged on the ones it had seen.
  const unreadBefore = await unreadOnServer(page);
  const seen = Math.max(...unreadBefore.map((n) => n.id));
  await beforeClick?.();
  await item.click();
  await page.waitForURL((u) => u.pathname === "/entry");
  const url = new URL(page.url());
  expect([url.searchParams.get("year"), url.searchParams.get("month")]).toEqual([
    String(m.year),
    String(m.month),
  ]);
  await expect
    .poll(async () => {
      const unread = await unreadOnServer(page);
      const shown = await bellCount(page);
      const old = unread.filter((n) => n.id <= seen).length;
      return {
        clickedRead: !unread.some((n) => n.id === id),
        old,
        fits: old <= shown && shown <= unread.length,
      };
    }, POLL)
    .toEqual({ clickedRead: true, old: unreadBefore.length - 1, fits: true });
  return before;
}

/** The account's unread notifications, as the API lists them. */
async function unreadOnServer(page: Page): Promise<{ id: number }[]> {
  const res = await page.request.get(
    `${inject("baseUrl")}/api/notifications?unread=true&limit=100`,
  );
  expect(res.status()).toBe(200);
  return ((await res.json()) as { notifications: { id: number }[] }).notifications;
}
