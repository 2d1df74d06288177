import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { signIn } from "../support/auth.js";
import { openSession, useBrowser } from "../support/browser.js";

const browser = useBrowser();

const rowOf = (page: Page, code: string) =>
  page.locator("[data-testid=indicator-table] tr.ant-table-row", { hasText: code });

/** Opens the catalogue as a copy of a demo official (catalogue_<name>). */
async function openCatalogue(username: string) {
  const session = await openSession(browser(), { signedIn: false });
  await session.goto("/admin/indicators");
  await session.page.waitForURL((url) => url.pathname === "/login");
  await signIn(session.page, username);
  await session.page.getByTestId("indicator-table").first().waitFor();
  return session;
}

describe("a province's own indicators", () => {
  it("Zhejiang adds this year's new task, Guangdong never sees it, and an unused one is deleted", async () => {
    // A code per attempt: a retry must not meet the first attempt's indicator.
    const code = `urban_village_${Date.now().toString(36)}`;
    const zhejiang = await openCatalogue("catalogue_zhejiang");
    const { page } = zhejiang;

    await page.getByTestId("indicator-create").click();
    await page.getByTestId("indicator-owner-note").waitFor();
    await expect(page.getByTestId("indicator-owner-note").textContent()).resolves.toContain(
      "本省自有指标",
    );
    await page.getByTestId("indicator-code").fill(code);
    await page.locator("[data-testid=indicator-category] input").fill("urban_renewal");
    await page.getByTestId("indicator-new-name-zh").fill("城中村改造");
    await page.getByTestId("indicator-new-name-en").fill("Urban village renewal");
    await page.getByTestId("indicator-unit-zh").fill("个");
    await page.getByTestId("indicator-unit-en").fill("projects");
    await page.getByTestId("indicator-whole-number").click();
    await page.getByTestId("indicator-first-year").fill("2026");
    await zhejiang.screenshot("province-indicator-create");
    await page.getByTestId("indicator-create-save").click();

    const row = rowOf(page, code);
    await row.waitFor();
    await expect(row.getByTestId("indicator-own").textContent()).resolves.toBe("本省指标");
    await expect(row.getByTestId("indicator-years").textContent()).resolves.toBe("2026 年起");
    // Its own indicators are Zhejiang's to change; the national ones are not.
    await expect(row.getByTestId("indicator-edit").count()).resolves.toBe(1);
    await expect(
      rowOf(page, "shantytown_starts").getByTestId("indicator-edit").count(),
    ).resolves.toBe(0);
    await row.scrollIntoViewIfNeeded();
    await zhejiang.screenshot("province-indicator-listed");

    const guangdong = await openCatalogue("catalogue_guangdong");
    await rowOf(guangdong.page, "shantytown_starts").waitFor();
    await expect(rowOf(guangdong.page, code).count()).resolves.toBe(0);
    await guangdong.close();

    // Nothing names it yet: it can be deleted, and is gone.
    await row.getByTestId("indicator-delete").click();
    await page.locator(".ant-popover:visible [data-testid=indicator-delete-confirm]").click();
    await row.waitFor({ state: "detached" });
    await zhejiang.close();
  });
});
