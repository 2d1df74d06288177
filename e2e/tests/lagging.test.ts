import type { LaggingResponse } from "@jindu/api/schemas";
import { describe, expect, inject, it } from "vitest";
import { loadWorkbook } from "../../apps/api/test/spreadsheet-helpers.js";
import { downloaded, openSession, useBrowser } from "../support/browser.js";

const PERIOD = "region=330000&year=2020&month=10";

const browser = useBrowser();

describe("lagging list", () => {
  it("lists every region behind schedule, worst first, with projection and months behind", async () => {
    const session = await openSession(browser());
    const { page } = session;
    await session.goto("/lagging?region=330000&year=2020&month=10");
    const rows = page.locator("[data-testid=lagging-table] tbody tr.ant-table-row");
    await rows.first().waitFor();

    const api = await page.request.get(
      `${inject("baseUrl")}/api/lagging?parent=330000&year=2020&month=10`,
    );
    const { items } = (await api.json()) as { items: unknown[] };
    expect(items.length).toBeGreaterThan(3);
    await expect(rows.count()).resolves.toBe(Math.min(50, items.length));
    const first = await rows.first().textContent();
    expect(first).toContain("丽水市");
    expect(first).toContain("新开工装配式建筑占比");
    expect(first).toContain("−44.7 个百分点");
    expect(first).toContain("55.3%"); // projected year-end completion
    expect(first).toContain("10个月");
    await expect(rows.nth(1).textContent()).resolves.toContain("温州市");
    await expect(rows.nth(2).textContent()).resolves.toContain("金华市");

    const lags = await rows.evaluateAll((trs) =>
      trs.map((tr) => {
        const match = tr.textContent?.match(/([−+]?[0-9.]+) 个百分点/);
        return Number((match?.[1] ?? "").replace("−", "-"));
      }),
    );
    expect(lags.every((lag) => lag < 0)).toBe(true);
    expect(lags).toEqual([...lags].sort((a, b) => a - b));
    await session.close();
  });

  it("filters by indicator, region and status in the URL, and exports what it shows", async () => {
    const session = await openSession(browser());
    const { page } = session;
    await session.goto(`/lagging?${PERIOD}&only_indicator=prefab_share`);
    const rows = page.locator("[data-testid=lagging-table] tbody tr.ant-table-row");
    await rows.first().waitFor();
    const api = async (filters: string) => {
      const res = await page.request.get(
        `${inject("baseUrl")}/api/lagging?parent=330000&year=2020&month=10${filters}`,
      );
      return ((await res.json()) as LaggingResponse).items;
    };
    const all = await api("");
    const prefab = await api("&indicator=prefab_share");
    expect(prefab.length).toBeLessThan(all.length);
    await expect(rows.count()).resolves.toBe(prefab.length);
    for (const text of await rows.allTextContents()) expect(text).toContain("新开工装配式建筑占比");
    await expect(page.getByTestId("lagging-count").textContent()).resolves.toBe(
      `显示${prefab.length}项，共${all.length}项`,
    );

    // Status, picked on the page: the URL keeps it, the rows follow.
    await page.getByTestId("lagging-filter-status").click();
    await page.locator(".ant-select-item-option[title='严重滞后']").click();
    await page.waitForURL(/only_status=red/);
    const red = await api("&indicator=prefab_share&status=red");
    expect(red.length).toBeGreaterThan(0);
    expect(red.length).toBeLessThan(prefab.length);
    await expect.poll(() => rows.count()).toBe(red.length);
    for (const text of await rows.allTextContents()) expect(text).toContain("严重滞后");
    await session.screenshot("lagging-330000-2020-10-filtered");

    // The workbook holds exactly the rows shown, in their order.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("lagging-xlsx").click(),
    ]);
    expect(download.suggestedFilename()).toBe("滞后清单-浙江省-2020年10月.xlsx");
    const workbook = await loadWorkbook(await downloaded(download));
    const sheet = workbook.getWorksheet("滞后清单");
    const names: unknown[] = [];
    sheet?.eachRow((row, n) => {
      if (n > 1) names.push(row.getCell(3).value);
    });
    const shown = await rows.evaluateAll((trs) =>
      trs.map((tr) => tr.querySelector(".region-cell a")?.textContent ?? ""),
    );
    expect(names).toEqual(shown);
    expect(names).toEqual(red.map((x) => x.line.region.nameZh));

    // A region, by URL: a link reproduces the view.
    const lishui = await api("&region=331100");
    await session.goto(`/lagging?${PERIOD}&only_region=331100`);
    await rows.first().waitFor();
    await expect.poll(() => rows.count()).toBe(lishui.length);
    for (const text of await rows.allTextContents()) expect(text).toContain("丽水市");
    await session.close();
  });

  it("on a 375 px phone: one card per line, nothing wider than the screen", async () => {
    const session = await openSession(browser(), { viewport: { width: 375, height: 812 } });
    const { page } = session;
    await session.goto(`/lagging?${PERIOD}`);
    const cards = page.getByTestId("lagging-card");
    await cards.first().waitFor();
    await expect(page.getByTestId("lagging-table").count()).resolves.toBe(0);
    await expect(cards.count()).resolves.toBe(20);
    const first = await cards.first().textContent();
    expect(first).toContain("丽水市");
    expect(first).toContain("新开工装配式建筑占比");
    expect(first).toContain("−44.7 个百分点");
    // No sideways scrolling: the page is as wide as the phone.
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);
    const box = await cards.first().boundingBox();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(375);
    await session.screenshot("lagging-330000-2020-10-phone");
    await session.close();
  });
});
