import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { openMonth } from "../../packages/domain/src/timeliness.js";
import { signIn } from "../support/auth.js";
import { openSession, type Session, useBrowser } from "../support/browser.js";

const browser = useBrowser();

/** Signs in from the site's root, with no page in mind: the app chooses where to start. */
async function signInAtRoot(username: string): Promise<Session> {
  const session = await openSession(browser(), { signedIn: false });
  await session.goto("/");
  await session.page.waitForURL((url) => url.pathname === "/login");
  await signIn(session.page, username);
  return session;
}

const numbers = (texts: string[]) => texts.map((text) => Number(text.replace(/\D/g, "")));

/** The years the period picker offers, as numbers, newest first. */
async function yearsOffered(page: Page): Promise<number[]> {
  const dropdown = page.locator(".ant-select-dropdown:visible");
  await page.getByTestId("year-select").click();
  const options = dropdown.locator(".ant-select-item-option");
  await options.first().waitFor();
  const years = numbers(await options.allTextContents());
  await page.keyboard.press("Escape");
  // Closed before the next look: a closing list still matched, and vanished while it was read.
  await expect.poll(() => dropdown.count()).toBe(0);
  return years;
}

/**
 * The years the picker offers, asked again until they are `expected`: a picker opened before
 * its periods arrived lists fewer, and its options are redrawn while they are read (runs here
 * read none, now and then).
 */
async function yearsOfferedAs(page: Page, expected: number[]): Promise<number[]> {
  let years: number[] = [];
  await expect
    .poll(async () => (years = await yearsOffered(page)), { timeout: 15_000 })
    .toEqual(expected);
  return years;
}

/** The period the screen shows: in its address and in its picker. */
async function shownPeriod(page: Page) {
  await page.getByTestId("month-select").waitFor();
  const url = new URL(page.url());
  const [year] = numbers([(await page.getByTestId("year-select").textContent()) ?? ""]);
  const [month] = numbers([(await page.getByTestId("month-select").textContent()) ?? ""]);
  return {
    url: { year: url.searchParams.get("year"), month: url.searchParams.get("month") },
    picker: { year, month },
  };
}

const DECEMBER_2022 = { url: { year: "2022", month: "12" }, picker: { year: 2022, month: 12 } };

describe("the latest month first", () => {
  for (const [username, region] of [
    ["latest_guangdong", "440000"],
    ["latest_leader", "330000"],
    ["latest_national", "440000"],
  ] as const) {
    it(`${username} signs in to the overview and every dashboard on December 2022`, async () => {
      const session = await signInAtRoot(username);
      const { page } = session;
      await page.getByTestId("indicator-tile").first().waitFor();
      expect(new URL(page.url()).pathname).toBe("/");
      await expect(shownPeriod(page)).resolves.toEqual(DECEMBER_2022);
      await session.screenshot(`latest-period-overview-${username}`);

      // Only years with targets or figures are offered: never the empty 2018, 2019 or 2026.
      const api = (await (
        await page.request.get(`${inject("baseUrl")}/api/periods?region=${region}`)
      ).json()) as { years: number[] };
      const years = await yearsOfferedAs(page, api.years);
      expect(years).toEqual(expect.arrayContaining([2022, 2021, 2020]));
      for (const empty of [2018, 2019, openMonth(new Date()).year]) {
        expect(years).not.toContain(empty);
      }
      if (region === "440000") expect(years).toEqual([2022, 2021, 2020]);

      for (const [path, ready] of [
        ["/comparison", "rect.comparison-bar"],
        ["/lagging", "[data-testid=lagging-table]"],
        ["/matrix", "[data-testid=matrix-cell]"],
        ["/bulletin", "[data-testid=bulletin-ranking]"],
      ] as const) {
        await session.goto(path);
        await page.locator(ready).first().waitFor();
        await expect(shownPeriod(page), path).resolves.toEqual(DECEMBER_2022);
      }
      await session.screenshot(`latest-period-bulletin-${username}`);
      await session.close();
    });
  }

  it("a bureau signs in to its form on the month being reported now, not a locked one", async () => {
    const session = await signInAtRoot("latest_wenzhou");
    const { page } = session;
    const open = openMonth(new Date());
    await page.waitForURL(
      (url) => url.pathname === "/entry" && url.searchParams.get("month") === String(open.month),
    );
    await expect(shownPeriod(page)).resolves.toEqual({
      url: { year: String(open.year), month: String(open.month) },
      picker: open,
    });
    // The month is not approved: a form to fill in, or (no targets set for the year yet) the
    // note that there is nothing to report.
    await page.locator("[data-testid=entry-form], .ant-empty").first().waitFor();
    const form = page.getByTestId("entry-form");
    if ((await form.count()) > 0) {
      await expect(form.getAttribute("data-status")).resolves.not.toBe("approved");
    } else {
      await expect(page.locator(".ant-empty").textContent()).resolves.toContain("没有目标任务");
    }
    await session.screenshot("latest-period-entry-bureau");

    // Its years: those with data, and the year of the month being reported.
    const api = (await (
      await page.request.get(`${inject("baseUrl")}/api/periods?region=330300`)
    ).json()) as { years: number[] };
    const years = await yearsOfferedAs(
      page,
      [...new Set([open.year, ...api.years])].sort((a, b) => b - a),
    );
    expect(years).toEqual(expect.arrayContaining([open.year, 2022, 2021, 2020]));
    expect(years).not.toContain(2019);

    // An address that names a period wins.
    await session.goto("/entry?region=330300&year=2022&month=11");
    await page.getByTestId("entry-form").waitFor();
    await expect(shownPeriod(page)).resolves.toEqual({
      url: { year: "2022", month: "11" },
      picker: { year: 2022, month: 11 },
    });
    await session.close();
  });

  it("a province official with months waiting signs in to the approvals", async () => {
    // A Zhejiang month sent in and waiting: Wenzhou's June 2023, which no other test touches.
    const bureau = await browser().newContext();
    const api = (path: string) => `${inject("baseUrl")}/api${path}`;
    const login = await bureau.request.post(api("/auth/login"), {
      data: { username: "latest_wenzhou", password: "Jindu@2026" },
    });
    expect(login.status()).toBe(200);
    const headers = { "x-csrf-token": ((await login.json()) as { csrfToken: string }).csrfToken };
    const month = api("/submissions/330300/2023/6");
    const form = (await (await bureau.request.get(month)).json()) as { status: string | null };
    if (form.status !== "submitted") {
      const saved = await bureau.request.put(month, {
        headers,
        data: { baseVersion: 0, entries: [{ indicator: "shantytown_starts", value: 12 }] },
      });
      expect(saved.status()).toBe(200);
      const { version } = (await saved.json()) as { version: number };
      const sent = await bureau.request.post(`${month}/submit`, { headers, data: { version } });
      expect(sent.status()).toBe(200);
    }
    await bureau.close();

    const session = await signInAtRoot("latest_zhejiang");
    const { page } = session;
    await page.getByTestId("approval-330300-2023-6").waitFor();
    expect(new URL(page.url()).pathname).toBe("/approvals");
    await session.screenshot("latest-period-approvals");
    await session.close();
  });
});
