import { describe, expect, inject, it } from "vitest";
import { openSession, useBrowser } from "../support/browser.js";

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
});
