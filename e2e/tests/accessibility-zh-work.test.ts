import { describe, expect, it } from "vitest";
import { checkScreens, settled } from "../support/accessibility.js";
import { openSession, useBrowser } from "../support/browser.js";

const browser = useBrowser();

checkScreens(browser, "zh-CN", "work");

describe("keyboard alone", () => {
  it("reaches the menu and opens a screen with Tab and Enter", async () => {
    const session = await openSession(browser());
    const { page } = session;
    await session.goto("/?region=330000&year=2020&month=10");
    await settled(page);
    // Tab until the comparison's menu entry has the focus, then open it with Enter.
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press("Tab");
      reached = await page.evaluate(
        () => document.activeElement?.closest("a[href^='/comparison']") !== null,
      );
    }
    expect(reached).toBe(true);
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname === "/comparison");
    await session.close();
  });
});
