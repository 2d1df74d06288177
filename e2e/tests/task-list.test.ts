import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { signIn } from "../support/auth.js";
import { openSession, useBrowser } from "../support/browser.js";

const browser = useBrowser();

/** Guangdong's 2026: no other test reads it, and it has no list until this test sets one. */
const PAGE = "/targets?region=440000&year=2026";

async function apiGet(page: Page, path: string) {
  const res = await page.request.get(`${inject("baseUrl")}/api${path}`);
  expect(res.status()).toBe(200);
  return res.json();
}

describe("the annual task list (年度目标任务清单)", () => {
  it("Guangdong's official lists two tasks for 2026, one for Guangzhou alone", async () => {
    const session = await openSession(browser(), { signedIn: false });
    const { page } = session;
    await session.goto("/login");
    await signIn(page, "tasklist_guangdong");
    // A retry (or a rerun on the same database) starts from no list again.
    const csrf = (await apiGet(page, "/auth/session")).csrfToken as string;
    await page.request.put(`${inject("baseUrl")}/api/task-lists/440000/2026`, {
      data: { items: [] },
      headers: { "x-csrf-token": csrf },
    });
    await session.goto(PAGE);
    await page.getByRole("tab", { name: "年度任务清单" }).click();
    const panel = page.getByTestId("task-list");
    await panel.waitFor();
    await expect(panel.textContent()).resolves.toContain("本年度尚未设置任务清单");

    // Everything starts ticked (no list asks for everything): keep 棚改 and the prefab share.
    const boxes = panel.getByRole("checkbox");
    const count = await boxes.count();
    expect(count).toBeGreaterThan(5);
    const keep = ["列入清单: 棚户区改造新开工", "列入清单: 新开工装配式建筑占比"];
    for (let i = 0; i < count; i++) {
      const label = (await boxes.nth(i).getAttribute("aria-label")) ?? "";
      const wanted = keep.some((k) => label.startsWith(k));
      if ((await boxes.nth(i).isChecked()) !== wanted) await boxes.nth(i).click();
    }
    const regions = page.getByTestId("task-regions-prefab_share");
    await regions.click();
    await page.keyboard.type("广州");
    await page.locator(".ant-select-item-option", { hasText: /^广州市$/ }).click();
    // Close the dropdown by clicking away, as a user would.
    await panel.getByRole("heading").click();
    await page.getByTestId("task-list-save").click();
    await page.locator(".ant-message-success").last().waitFor();
    await expect(panel.textContent()).resolves.toContain("已列入 2 项任务");
    await session.screenshot("task-list-guangdong-2026");

    const list = await apiGet(page, "/task-lists/440000/2026");
    expect(list.items).toEqual([
      { indicatorCode: "shantytown_starts", regions: null },
      { indicatorCode: "prefab_share", regions: ["440100"] },
    ]);

    await session.close();
  });
});
