import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { signIn } from "../support/auth.js";
import { openSession, useBrowser } from "../support/browser.js";

const browser = useBrowser();

/** Types a date into an antd date picker found by its form field's id. */
async function pickDate(page: Page, id: string, date: string) {
  const input = page.locator(`#${id}`);
  await input.click();
  await input.fill(date);
  await input.press("Enter");
}

describe("supervision (督办)", () => {
  it("the Guangdong official interviews a lagging city, sees it open on the dashboards, closes it", async () => {
    const session = await openSession(browser(), { signedIn: false });
    const { page } = session;
    await session.goto("/");
    await page.waitForURL((url) => url.pathname === "/login");
    await signIn(page, "guangdong");
    await page.getByTestId("user-menu").waitFor();

    // From the lagging list: the row's 督办 link opens the form with region and indicator filled in.
    await session.goto("/lagging?region=440000&year=2020&month=10");
    const row = page.locator("[data-testid=lagging-table] tbody tr.ant-table-row").first();
    await row.waitFor();
    const link = row.getByTestId("supervise-link");
    const href = (await link.getAttribute("href")) ?? "";
    const search = new URL(href, "http://x").searchParams;
    const region = search.get("region") ?? "";
    expect(region).toMatch(/^44[0-9]{4}$/);
    expect(region).not.toBe("440000");
    const cityName = (await row.locator(".region-cell a").textContent())?.trim() ?? "";
    const indicatorName = (await row.locator("td").nth(2).textContent())?.trim() ?? "";
    await link.click();

    const form = page.getByTestId("supervision-form");
    await form.waitFor();
    await expect(form.getByTestId("supervision-region").textContent()).resolves.toContain(cityName);
    await expect(form.getByTestId("supervision-indicators").textContent()).resolves.toContain(
      indicatorName,
    );
    // The ladder suggests a level from the row's numbers; the official chooses an interview.
    await page.getByTestId("supervision-suggestion").waitFor();
    await form.getByTestId("supervision-kind-input").getByText("约谈").click();
    const actions = `召开约谈会，12月底前报送整改方案 #${Date.now()}`;
    await pickDate(page, "heldOn", "2020-11-05");
    await form.locator("#actions").fill(actions);
    await pickDate(page, "deadline", "2020-12-31");
    await page.locator(".ant-modal-title").click();
    await session.screenshot("supervision-form");
    await page.getByTestId("supervision-save").click();
    await form.waitFor({ state: "detached" });

    // Listed open, its passed deadline highlighted.
    const record = page.getByTestId("supervision-row").filter({ hasText: actions });
    await record.waitFor();
    await expect(record.getAttribute("data-status")).resolves.toBe("open");
    await expect(record.getAttribute("data-overdue")).resolves.toBe("true");
    const text = await record.textContent();
    expect(text).toContain(cityName);
    expect(text).toContain("约谈");
    expect(text).toContain("进行中");
    expect(text).toContain("2020-12-31");
    expect(text).toContain("已逾期");
    await session.screenshot("supervision-list");

    // Open on the city's page and on the province overview.
    await session.goto(`/region?region=${region}&year=2020&month=10`);
    const panel = page.getByTestId("open-supervision");
    await panel.waitFor();
    await expect(panel.textContent()).resolves.toContain("约谈");
    await expect(panel.textContent()).resolves.toContain(indicatorName);
    await session.screenshot("supervision-region-panel");
    await session.goto("/?region=440000&year=2020&month=10");
    const card = page.getByTestId("open-supervision");
    await card.waitFor();
    await expect(
      card.getByTestId("open-supervision-item").filter({ hasText: cityName }).count(),
    ).resolves.toBeGreaterThan(0);
    await session.screenshot("supervision-overview-card");

    // Closed with its outcome.
    await card.getByRole("link", { name: "全部督办" }).click();
    await record.waitFor();
    await record.getByTestId("supervision-close").click();
    await page.getByTestId("supervision-close-confirm").click();
    await page.getByText("请填写办结情况").waitFor();
    await page.locator("#outcome").fill("已完成整改，进度恢复至序时进度以上");
    await page.getByTestId("supervision-close-confirm").click();
    // The open-only list no longer holds it; the closed list does, with the outcome.
    await record.waitFor({ state: "detached" });
    await page.getByTestId("supervision-filter-status").getByText("已办结").click();
    const closed = page.getByTestId("supervision-row").filter({ hasText: actions });
    await closed.waitFor();
    await expect(closed.getAttribute("data-status")).resolves.toBe("closed");
    await expect(closed.getAttribute("data-overdue")).resolves.toBe("false");
    await expect(closed.getByTestId("supervision-outcome").textContent()).resolves.toContain(
      "已完成整改",
    );
    await session.screenshot("supervision-closed");

    // In English, the same record.
    await page.evaluate(() => localStorage.setItem("jindu.language", "en"));
    await page.reload();
    await closed.waitFor();
    const english = await closed.textContent();
    expect(english).toContain("Interview");
    expect(english).toContain("Closed");
    await page.evaluate(() => localStorage.removeItem("jindu.language"));
    await session.close();
  });
});
