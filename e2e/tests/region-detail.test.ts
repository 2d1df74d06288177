import { describe, expect, inject, it } from "vitest";
import { openSession, useBrowser } from "../support/browser.js";
import { SHANXI_OWN_INDICATOR } from "../support/catalogue.js";

const browser = useBrowser();

describe("region detail", () => {
  it("draws every indicator's year-to-date line against the target pace", async () => {
    const session = await openSession(browser());
    const { page } = session;
    await session.goto("/region?region=440000&year=2020&month=3&indicator=shantytown_starts");
    await page.waitForFunction(
      () => document.querySelectorAll("[data-testid=trend-chart]").length === 19,
    );
    const card = page.getByTestId("trend-card").first();
    await expect(card.getAttribute("data-indicator")).resolves.toBe("shantytown_starts");
    const text = await card.textContent();
    expect(text).toContain("72.3%");
    expect(text).toContain("25.0%");
    expect(text).toContain("10,925套");
    // The legend names the pace the schedule line follows: even here, the national profile
    // for rural renovations (seeded), and so on.
    expect(text).toContain("序时目标（均匀进度）");
    await expect(card.getByTestId("trend-chart").getAttribute("data-pace")).resolves.toBe("even");
    const rural = page.locator("[data-testid=trend-card][data-indicator=rural_dilapidated]");
    await expect(rural.textContent()).resolves.toContain("序时目标（全国季节分布）");
    // Two lines (pace and actual) and a dot per reported month.
    await expect(card.locator(".recharts-line-curve").count()).resolves.toBe(2);
    await expect(card.locator(".recharts-line-dots circle").count()).resolves.toBe(12);
    await expect(
      page.locator("[data-testid=trend-chart] .recharts-line-curve").count(),
    ).resolves.toBe(38);
    await expect(page.getByTestId("region-breadcrumb").textContent()).resolves.toBe("广东省");
    await expect(page.getByTestId("child-region").count()).resolves.toBe(21);
    // The national reader's catalogue holds Shanxi's own indicator; Guangdong's page does not.
    const catalogue = await page.request.get(`${inject("baseUrl")}/api/indicators`);
    const codes = ((await catalogue.json()) as { indicators: { code: string }[] }).indicators.map(
      (i) => i.code,
    );
    expect(codes).toContain(SHANXI_OWN_INDICATOR.code);
    await expect(page.getByTestId("trend-card").count()).resolves.toBe(19);
    await expect(
      page.locator(`[data-testid=trend-card][data-indicator=${SHANXI_OWN_INDICATOR.code}]`).count(),
    ).resolves.toBe(0);
    await session.close();
  });

  it("goes down to a city from the list of sub-regions", async () => {
    const session = await openSession(browser());
    const { page } = session;
    await session.goto("/region?region=440000&year=2020&month=3");
    await page.getByTestId("child-region").filter({ hasText: "广州市" }).click();
    await page.waitForURL(/region=440100/);
    await expect
      .poll(() => page.getByTestId("region-breadcrumb").textContent())
      .toMatch(/广东省.*广州市/);
    await page.getByTestId("trend-chart").first().waitFor();
    await session.close();
  });
});
