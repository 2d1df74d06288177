import { describe, expect, inject, it } from "vitest";
import { openSession, useBrowser } from "../support/browser.js";

const browser = useBrowser();

describe("overview", () => {
  it("shows Guangdong's Q1 2020 shantytown starts at 72.3% against a 25% schedule", async () => {
    const session = await openSession(browser());
    const { page } = session;
    const asked: string[] = [];
    page.on("request", (request) => asked.push(new URL(request.url()).pathname));
    await session.goto("/?region=440000&year=2020&month=3");
    const tile = page.locator('[data-testid=indicator-tile][data-indicator="shantytown_starts"]');
    await tile.locator("[data-testid=sparkline] polyline").first().waitFor({ state: "attached" });
    // The page carried who is signed in and these figures: drawn without asking for either.
    expect(asked).not.toContain("/api/auth/session");
    expect(asked).not.toContain("/api/overview");
    expect(asked).toContain("/api/regions");

    await expect(tile.getByTestId("tile-completion").textContent()).resolves.toBe("72.3%");
    await expect(tile.getByTestId("tile-schedule").textContent()).resolves.toBe("25.0%");
    await expect(tile.getByTestId("tile-lag").textContent()).resolves.toBe("+47.3 个百分点");
    await expect(tile.textContent()).resolves.toContain("7,899套");
    await expect(tile.textContent()).resolves.toContain("10,925套");
    await expect(tile.getAttribute("data-status")).resolves.toBe("green");
    await expect(tile.locator(".status-tag").textContent()).resolves.toBe("正常");

    // A tile per seeded indicator, each with its sparkline: the pace line and the actual line.
    await expect(page.getByTestId("indicator-tile").count()).resolves.toBe(19);
    await expect(page.locator("[data-testid=sparkline] polyline").count()).resolves.toBe(38);
    await expect(tile.locator("[data-testid=sparkline]").getAttribute("data-points")).resolves.toBe(
      "3",
    );

    // Rental subsidies and basic completions from the same bulletin.
    const subsidy = page.locator('[data-testid=indicator-tile][data-indicator="rental_subsidy"]');
    await expect(subsidy.getByTestId("tile-completion").textContent()).resolves.toBe("79.2%");
    const completions = page.locator(
      '[data-testid=indicator-tile][data-indicator="shantytown_completions"]',
    );
    await expect(completions.getByTestId("tile-completion").textContent()).resolves.toBe("34.5%");

    // Sub-regions by status and the five worst lags.
    const api = await page.request.get(
      `${inject("baseUrl")}/api/overview?region=440000&year=2020&month=3`,
    );
    const { regions } = (await api.json()) as { regions: Record<string, number> };
    for (const status of ["red", "yellow", "green", "completed"]) {
      await expect(page.getByTestId(`count-${status}`).textContent()).resolves.toMatch(
        new RegExp(`\\D${regions[status]}$`),
      );
    }
    await expect(page.getByTestId("worst-lag").count()).resolves.toBe(5);
    await session.close();
  });

  it("follows a tile to the comparison of that indicator", async () => {
    const session = await openSession(browser());
    const { page } = session;
    await session.goto("/?region=440000&year=2020&month=3");
    await page
      .locator('[data-testid=indicator-tile][data-indicator="rental_subsidy"] .tile-title')
      .click();
    await page.locator("rect.comparison-bar").first().waitFor();
    const url = new URL(page.url());
    expect(url.pathname).toBe("/comparison");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      region: "440000",
      year: "2020",
      month: "3",
      indicator: "rental_subsidy",
    });
    await expect(page.locator("rect.comparison-bar").count()).resolves.toBe(21);
    await session.close();
  });

  it("shows an empty state for a period without targets or reports", async () => {
    const session = await openSession(browser());
    const { page } = session;
    await session.goto("/?region=440000&year=2019&month=3");
    await page.locator(".ant-empty").waitFor();
    await expect(page.locator(".ant-empty").textContent()).resolves.toContain(
      "该地区本期没有目标任务或上报数据",
    );
    await expect(page.getByTestId("indicator-tile").count()).resolves.toBe(0);
    await session.close();
  });
});
