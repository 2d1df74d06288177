import { describe, expect, it } from "vitest";
import { openSession, toggleLanguage, useBrowser } from "../support/browser.js";

const browser = useBrowser();

describe("language", () => {
  it("switches labels, names, units and number formats to English and back", async () => {
    const session = await openSession(browser());
    const { page } = session;
    await session.goto("/?region=440000&year=2020&month=3");
    const tile = page.locator('[data-testid=indicator-tile][data-indicator="shantytown_starts"]');
    await tile.waitFor();
    await expect(page.getByTestId("nav-overview").textContent()).resolves.toBe("总览");
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("zh-CN");

    await toggleLanguage(page);
    await expect(page.getByTestId("nav-overview").textContent()).resolves.toBe("Overview");
    await expect(page.getByTestId("nav-matrix").textContent()).resolves.toBe("Status matrix");
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("en");
    const text = await tile.textContent();
    expect(text).toContain("Shantytown renovation starts");
    expect(text).toContain("7,899 units");
    expect(text).toContain("On track");
    // "Lag +47.3 pp" read as being behind: English says which way.
    await expect(tile.getByTestId("tile-lag").textContent()).resolves.toBe("ahead by 47.3 pp");
    // The page's title (the first heading; the cards below have their own).
    await expect(page.locator("h3").first().textContent()).resolves.toContain("Guangdong");
    // Ant Design's own texts follow: the month selector shows English month names.
    await expect(page.getByTestId("month-select").textContent()).resolves.toContain("Mar");

    // The choice survives a reload.
    await page.reload();
    await tile.waitFor();
    await expect(page.getByTestId("nav-overview").textContent()).resolves.toBe("Overview");

    await toggleLanguage(page);
    await expect(page.getByTestId("nav-overview").textContent()).resolves.toBe("总览");
    await expect(tile.textContent()).resolves.toContain("棚户区改造新开工");
    await session.close();
  });

  it("shows the comparison in English", async () => {
    const session = await openSession(browser(), { language: "en" });
    const { page } = session;
    await session.goto("/comparison?region=330000&year=2020&month=10&indicator=prefab_share");
    await page.locator("rect.comparison-bar").first().waitFor();
    const chart = await page.getByTestId("comparison-chart").textContent();
    expect(chart).toContain("Wenzhou");
    expect(chart).toContain("Schedule 100.0%");
    const lishui = page.locator("[data-testid=comparison-table] tbody tr", { hasText: "Lishui" });
    await expect(lishui.textContent()).resolves.toContain("−44.7 pp");
    await session.close();
  });
});
