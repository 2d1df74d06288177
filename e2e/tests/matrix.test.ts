import { describe, expect, it } from "vitest";
import { openSession, useBrowser } from "../support/browser.js";

const browser = useBrowser();

describe("status matrix", () => {
  it("colours every region × indicator cell by status with its completion rate", async () => {
    const session = await openSession(browser());
    const { page } = session;
    await session.goto("/matrix?region=330000&year=2020&month=10");
    const cells = page.getByTestId("matrix-cell");
    await cells.first().waitFor();

    await expect(cells.count()).resolves.toBe(11 * 19);
    for (const [code, rate] of [
      ["330300", "62.1%"],
      ["330700", "64.4%"],
      ["331100", "55.3%"],
    ]) {
      const cell = page.locator(
        `[data-testid=matrix-cell][data-region="${code}"][data-indicator="prefab_share"]`,
      );
      await expect(cell.getAttribute("data-status")).resolves.toBe("red");
      await expect(cell.textContent()).resolves.toBe(rate);
      await expect(cell.evaluate((td) => getComputedStyle(td).backgroundColor)).resolves.toBe(
        "rgb(184, 79, 0)",
      );
    }
    // Cells lead to the region's detail on that indicator.
    await page
      .locator('[data-testid=matrix-cell][data-region="331100"][data-indicator="prefab_share"] a')
      .click();
    await page.getByTestId("trend-card").first().waitFor();
    const url = new URL(page.url());
    expect(url.pathname).toBe("/region");
    expect(url.searchParams.get("indicator")).toBe("prefab_share");
    await session.close();
  });
});
