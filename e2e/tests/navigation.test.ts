import { describe, expect, it } from "vitest";
import { openSession, SCREENSHOT_DIR, useBrowser } from "../support/browser.js";

const browser = useBrowser();

describe("menu", () => {
  it("folds away on a phone behind the header's menu button, and closes after a choice", async () => {
    const session = await openSession(browser(), { viewport: { width: 375, height: 812 } });
    const { page } = session;
    await session.goto("/?region=440000&year=2020&month=3");
    const comparison = page.getByTestId("nav-comparison");
    const toggle = page.getByTestId("menu-toggle");
    // Folded, the menu is zero pixels wide (its links are laid out but cut off).
    const menuWidth = async () => (await page.locator(".app-sider").boundingBox())?.width ?? 0;
    await toggle.waitFor();
    await expect(toggle.getAttribute("aria-expanded")).resolves.toBe("false");
    await expect.poll(menuWidth).toBe(0);
    await toggle.click();
    await expect(toggle.getAttribute("aria-expanded")).resolves.toBe("true");
    await expect.poll(menuWidth).toBeGreaterThan(150);
    await page.screenshot({ path: `${SCREENSHOT_DIR}menu-phone-open.png` });
    await comparison.click();
    await page.waitForURL((url) => url.pathname === "/comparison");
    await expect.poll(menuWidth).toBe(0);
    await session.close();
  });

  it("stays open beside the screen on a desktop, without a menu button", async () => {
    const session = await openSession(browser());
    const { page } = session;
    await session.goto("/?region=440000&year=2020&month=3");
    await page.getByTestId("nav-matrix").waitFor({ state: "visible" });
    await expect((await page.locator(".app-sider").boundingBox())?.width).toBeGreaterThan(150);
    await expect(page.getByTestId("menu-toggle").isVisible()).resolves.toBe(false);
    await session.close();
  });
});
