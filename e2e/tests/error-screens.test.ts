import { describe, expect, it } from "vitest";
import { openSession, useBrowser } from "../support/browser.js";

const browser = useBrowser();

const DEVELOPER_PAGE = /Unexpected Application Error|Hey developer/;

describe("failure screens in the interface's language", () => {
  it("a screen whose code cannot be downloaded (a deploy, a dropped connection) offers 重新加载", async () => {
    const session = await openSession(browser());
    const { page } = session;
    await session.goto("/?region=330000&year=2020&month=10");
    await page.getByTestId("indicator-tile").first().waitFor();

    // From now on no script downloads: the matrix screen's chunk fails to load.
    await page.route("**/assets/**", (route) => route.abort("connectionrefused"));
    await page.getByTestId("nav-matrix").click();
    const screen = page.getByTestId("route-error");
    await screen.waitFor();
    await expect(screen.getAttribute("data-kind")).resolves.toBe("chunk");
    await expect(screen.textContent()).resolves.toContain("页面加载失败");
    await expect(page.getByTestId("route-error-retry").textContent()).resolves.toContain(
      "重新加载",
    );
    await expect(page.getByTestId("route-error-home").textContent()).resolves.toContain("返回首页");
    // The menu stays: the error shows inside the layout.
    await page.getByTestId("nav-overview").waitFor();
    expect(await page.locator("body").textContent()).not.toMatch(DEVELOPER_PAGE);
    await session.screenshot("error-chunk-zh-CN-desktop");

    // Connection back: 重新加载 opens the screen.
    await page.unroute("**/assets/**");
    await page.getByTestId("route-error-retry").click();
    await page.locator("[data-testid=matrix-cell]").first().waitFor();

    // The failed downloads are what the browser logged; nothing else.
    const logged = session.errors.splice(0);
    expect(logged.length).toBeGreaterThan(0);
    for (const line of logged) expect(line).toMatch(/Failed to load resource|dynamically imported/);
    await session.close();
  });

  it("with the server unreachable, a screen says so in Chinese and offers 重试", async () => {
    const session = await openSession(browser());
    const { page } = session;
    await page.route("**/api/**", (route) => route.abort("connectionrefused"));
    await session.goto("/lagging?region=330000&year=2020&month=10");
    const text = page.getByText("无法连接服务器：读取登录状态未完成");
    await text.waitFor();
    expect(await page.locator("body").textContent()).not.toMatch(DEVELOPER_PAGE);
    await session.screenshot("error-offline-zh-CN-desktop");

    // Reachable again: 重试 opens the screen.
    await page.unroute("**/api/**");
    await page.getByTestId("session-retry").click();
    await page.locator("[data-testid=lagging-table] tbody tr.ant-table-row").first().waitFor();
    session.errors.splice(0);
    await session.close();
  });

  it("in English, the same screens are in English", async () => {
    const session = await openSession(browser(), { language: "en" });
    const { page } = session;
    await page.route("**/api/**", (route) => route.abort("connectionrefused"));
    await session.goto("/lagging?region=330000&year=2020&month=10");
    await page
      .getByText("Cannot reach the server: checking your session did not complete")
      .waitFor();
    session.errors.splice(0);
    await session.close();
  });
});
