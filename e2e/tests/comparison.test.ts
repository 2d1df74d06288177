import { describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD } from "../support/auth.js";
import { openSession, useBrowser } from "../support/browser.js";

const browser = useBrowser();
const RED = "#D55E00";
const ZHEJIANG_PREFAB = "/comparison?region=330000&year=2020&month=10&indicator=prefab_share";

describe("region comparison", () => {
  it("shows Wenzhou, Jinhua and Lishui red and below the schedule line (Zhejiang prefab, Oct 2020)", async () => {
    const session = await openSession(browser());
    const { page } = session;
    await session.goto(ZHEJIANG_PREFAB);
    await page.locator("rect.comparison-bar").first().waitFor();

    await expect(page.locator("rect.comparison-bar").count()).resolves.toBe(11);
    // The schedule of a ratio indicator is 100% all year.
    await expect(page.getByTestId("comparison-chart").getAttribute("data-schedule")).resolves.toBe(
      "1",
    );
    const scheduleX = await page
      .locator(".ref-schedule")
      .first()
      .evaluate((line) => {
        const box = line.getBoundingClientRect();
        return box.left + box.width / 2;
      });

    for (const code of ["330300", "330700", "331100"]) {
      const bar = page.locator(`rect.comparison-bar[data-region="${code}"]`);
      await expect(bar.getAttribute("fill")).resolves.toBe(RED);
      await expect(bar.getAttribute("data-status")).resolves.toBe("red");
      const right = await bar.evaluate((rect) => rect.getBoundingClientRect().right);
      expect(right, `bar ${code} ends left of the schedule line`).toBeLessThan(scheduleX - 20);
    }
    // The others are not red, and the bars are sorted by completion, highest first.
    await expect(page.locator(`rect.comparison-bar[fill="${RED}"]`).count()).resolves.toBe(3);
    const completions = await page
      .locator("rect.comparison-bar")
      .evaluateAll((bars) => bars.map((bar) => Number(bar.getAttribute("data-completion"))));
    expect(completions).toEqual([...completions].sort((a, b) => b - a));

    // Labels and the table carry the numbers.
    const chartText = await page.getByTestId("comparison-chart").textContent();
    expect(chartText).toContain("62.1%");
    expect(chartText).toContain("序时进度 100.0%");
    const table = page.getByTestId("comparison-table");
    await expect(table.locator("tbody tr.ant-table-row").count()).resolves.toBe(11);
    const lishui = table.locator("tbody tr.ant-table-row", { hasText: "丽水市" });
    await expect(lishui.textContent()).resolves.toContain("55.3%");
    await expect(lishui.textContent()).resolves.toContain("−44.7 个百分点");
    await session.close();
  });

  it("sorts the table by a column header", async () => {
    const session = await openSession(browser());
    const { page } = session;
    await session.goto(ZHEJIANG_PREFAB);
    const table = page.getByTestId("comparison-table");
    await table.locator("tbody tr.ant-table-row").first().waitFor();
    await table.locator("th", { hasText: "完成率" }).click();
    await expect(table.locator("tbody tr.ant-table-row").first().textContent()).resolves.toContain(
      "丽水市",
    );
    await session.close();
  });

  it("drills down from a bar to the region, up by the breadcrumb, and back with the browser", async () => {
    const session = await openSession(browser());
    const { page } = session;
    await session.goto(ZHEJIANG_PREFAB);
    await page.locator('rect.comparison-bar[data-region="330300"]').click();

    await page.getByTestId("trend-card").first().waitFor();
    expect(new URL(page.url()).searchParams.get("region")).toBe("330300");
    const breadcrumb = page.getByTestId("region-breadcrumb");
    await expect.poll(() => breadcrumb.textContent()).toMatch(/浙江省.*温州市/);
    // The indicator we came from comes first, red, with its trend chart.
    const first = page.getByTestId("trend-card").first();
    await expect(first.getAttribute("data-indicator")).resolves.toBe("prefab_share");
    await first.locator(".recharts-line-curve").first().waitFor({ state: "attached" });
    await expect(first.getAttribute("data-status")).resolves.toBe("red");
    await expect(first.textContent()).resolves.toContain("62.1%");

    await breadcrumb.getByRole("link", { name: "浙江省" }).click();
    await page.getByTestId("child-region").first().waitFor();
    expect(new URL(page.url()).searchParams.get("region")).toBe("330000");
    await expect(page.getByTestId("child-region").count()).resolves.toBe(11);

    await page.goBack();
    await page.waitForURL(/region=330300/);
    await expect
      .poll(() => page.getByTestId("region-breadcrumb").textContent())
      .toContain("温州市");
    await page.goBack();
    await page.locator("rect.comparison-bar").first().waitFor();
    expect(new URL(page.url()).pathname).toBe("/comparison");
    await session.close();
  });

  it("compares a city's group when it is opened with a city that has no sub-regions", async () => {
    const session = await openSession(browser());
    const { page } = session;
    await session.goto("/comparison?region=330300&year=2020&month=10&indicator=prefab_share");
    await page.locator("rect.comparison-bar").first().waitFor();
    expect(new URL(page.url()).searchParams.get("region")).toBe("330000");
    await expect(page.locator("rect.comparison-bar").count()).resolves.toBe(11);
    await session.close();
  });

  it("shows figures awaiting approval only when asked, marked as such", async () => {
    // Zhoushan's bureau submits January 2023 (a month nobody else touches) through the API.
    const bureau = await browser().newContext();
    const api = (path: string) => `${inject("baseUrl")}/api${path}`;
    const login = await bureau.request.post(api("/auth/login"), {
      data: { username: "zs_reporter", password: DEMO_PASSWORD },
    });
    expect(login.status()).toBe(200);
    const headers = { "x-csrf-token": ((await login.json()) as { csrfToken: string }).csrfToken };
    const month = api("/submissions/330900/2023/1");
    // A retry finds the month already submitted by the first attempt.
    const form = (await (await bureau.request.get(month)).json()) as { status: string | null };
    if (form.status !== "submitted") {
      const saved = await bureau.request.put(month, {
        headers,
        data: { baseVersion: 0, entries: [{ indicator: "shantytown_starts", value: 37 }] },
      });
      expect(saved.status()).toBe(200);
      const { version } = (await saved.json()) as { version: number };
      expect(
        (await bureau.request.post(`${month}/submit`, { headers, data: { version } })).status(),
      ).toBe(200);
    }
    await bureau.close();

    const session = await openSession(browser());
    const { page } = session;
    await session.goto("/comparison?region=330000&year=2023&month=1&indicator=shantytown_starts");
    const toggle = page.getByTestId("include-submitted");
    await toggle.waitFor();
    await expect(page.getByTestId("provisional-330900").count()).resolves.toBe(0);
    await toggle.click();
    await page.getByTestId("provisional-330900").waitFor();
    expect(new URL(page.url()).searchParams.get("include")).toBe("submitted");
    const row = page.locator("tr", { has: page.getByTestId("provisional-330900") });
    await expect(row.textContent()).resolves.toContain("37");
    await expect(page.getByTestId("provisional-330900").textContent()).resolves.toBe("待审核");
    // No targets for 2023 yet: no bar claims a rate of 0%.
    const chart = page.getByTestId("comparison-chart");
    await chart.locator("text", { hasText: "丽水市" }).first().waitFor();
    const texts = await chart.locator("text").allTextContents();
    expect(texts).not.toContain("0.0%");
    expect(texts.filter((text) => text === "—")).toHaveLength(11);
    await session.screenshot("comparison-provisional");
    await session.close();
  });
});
