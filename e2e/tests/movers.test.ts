import { describe, expect, inject, it } from "vitest";
import { openSession, useBrowser } from "../support/browser.js";

const browser = useBrowser();

describe("movers on the overview", () => {
  it("Zhejiang October 2020: what changed since September, each line opening the region", async () => {
    const session = await openSession(browser());
    const { page } = session;
    await session.goto("/?region=330000&year=2020&month=10");
    const card = page.getByTestId("movers");
    await card.waitFor();
    await expect(card.textContent()).resolves.toContain("与2020年9月相比");

    // The card shows what the API says, list by list.
    const api = await page.request.get(
      `${inject("baseUrl")}/api/movers?region=330000&year=2020&month=10`,
    );
    const movers = await api.json();
    const lists = [
      ["movers-gains", movers.gains.length],
      ["movers-falls", movers.falls.length],
      ["movers-red", movers.turnedRed.length],
      ["movers-recovered", movers.recovered.length],
    ] as const;
    expect(lists.some(([, n]) => n > 0)).toBe(true);
    for (const [testId, n] of lists) {
      await expect(page.getByTestId(testId).count()).resolves.toBe(n > 0 ? 1 : 0);
      if (n > 0) {
        await expect(page.getByTestId(testId).locator("li").count()).resolves.toBe(Math.min(n, 6));
      }
    }
    if (movers.gains.length > 0) {
      const first = movers.gains[0];
      await expect(
        page.getByTestId("movers-gains").locator("li").first().textContent(),
      ).resolves.toContain(`↑${first.places}位`);
    }
    await session.screenshot("overview-movers-330000-2020-10");

    // A line opens the region's detail for that indicator.
    const line = page.locator("[data-testid=movers] li a").first();
    await line.click();
    await page.waitForURL((url) => url.pathname === "/region");
    expect(new URL(page.url()).searchParams.get("indicator")).toBeTruthy();
    await session.close();
  });
});
