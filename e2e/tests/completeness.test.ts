import type { CompletenessResponse } from "@jindu/api/schemas";
import { describe, expect, inject, it } from "vitest";
import { openSession, useBrowser } from "../support/browser.js";

const browser = useBrowser();

// Guangdong's December 2022: the seed leaves two cities missing and one late. (Zhejiang's
// December 2022 is not used: another test changes Wenzhou's figures there.)
const QUERY = "parent=440000&year=2022&month=12";
const PAGE = "/completeness?region=440000&year=2022&month=12";

async function fromApi(page: import("playwright-core").Page): Promise<CompletenessResponse> {
  const response = await page.request.get(`${inject("baseUrl")}/api/completeness?${QUERY}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as CompletenessResponse;
}

describe("completeness", () => {
  it("shows Guangdong's December 2022 counts as the API gives them, names the regions to chase and opens a region's history", async () => {
    const session = await openSession(browser());
    const { page } = session;
    await session.goto(PAGE);
    await page.getByTestId("completeness-summary").waitFor();
    const api = await fromApi(page);
    expect(api.summary.total).toBe(21);
    expect(api.summary.missing).toBeGreaterThan(0);

    for (const key of ["total", "submitted", "onTime", "late", "missing"] as const) {
      const shown = page.getByTestId(`completeness-${key}`);
      await expect(shown.getAttribute("data-value")).resolves.toBe(String(api.summary[key]));
      await expect(shown.textContent()).resolves.toContain(String(api.summary[key]));
    }
    await expect(page.getByTestId("completeness-reportingRate").textContent()).resolves.toContain(
      `${(api.summary.reportingRate * 100).toFixed(1)}%`,
    );
    await expect(
      page.getByTestId("completeness-chart").getAttribute("aria-label"),
    ).resolves.toContain(`未报送 ${api.summary.missing}`);
    const rows = page.locator("[data-testid=completeness-table] tbody tr.ant-table-row");
    await expect(rows.count()).resolves.toBe(api.summary.total);

    // The chase list names every missing region, and the late ones after them.
    const chase = page.getByTestId("chase-list");
    const chaseText = (await chase.textContent()) ?? "";
    expect(api.chase.length).toBe(api.summary.missing);
    for (const region of api.chase) expect(chaseText).toContain(region.nameZh);
    for (const line of api.regions.filter((r) => r.timeliness === "late")) {
      expect(chaseText).toContain(line.region.nameZh);
    }
    await expect(chase.locator("li").count()).resolves.toBe(api.summary.missing + api.summary.late);
    const notice = (await page.getByTestId("chase-notice").textContent()) ?? "";
    for (const region of api.chase) expect(notice).toContain(region.nameZh);
    await session.screenshot("completeness-guangdong-2022-12");

    // A missing region's history: December missing, the months before reported.
    const missing = api.chase[0];
    if (!missing) throw new Error("no missing region");
    await chase.locator(`li[data-region="${missing.code}"] button`).click();
    await page.getByTestId("history-table").waitFor();
    await expect(page.getByTestId("history-content").getAttribute("data-region")).resolves.toBe(
      missing.code,
    );
    await expect(page.locator(".ant-drawer-title").textContent()).resolves.toContain(
      missing.nameZh,
    );
    const history = page.locator("[data-testid=history-table] tbody tr.ant-table-row");
    await expect(history.count()).resolves.toBe(12);
    await expect(history.nth(11).textContent()).resolves.toContain("未报送");
    await expect(history.nth(0).textContent()).resolves.not.toContain("未报送");
    await session.screenshot("completeness-history-drawer");
    await session.close();
  });

  it("reads in English on a 375 px phone", async () => {
    const session = await openSession(browser(), {
      language: "en",
      viewport: { width: 375, height: 812 },
    });
    const { page } = session;
    await session.goto(PAGE);
    await page.getByTestId("completeness-summary").waitFor();
    const api = await fromApi(page);
    await expect(page.getByTestId("completeness-missing").textContent()).resolves.toBe(
      `Missing${api.summary.missing}`,
    );
    const first = api.chase[0];
    if (!first) throw new Error("no missing region");
    await expect(page.getByTestId("chase-notice").textContent()).resolves.toContain(
      `${first.nameEn}`,
    );
    await expect(page.getByTestId("chase-notice").textContent()).resolves.toContain(
      "please report the figures for 12/2022",
    );
    await session.screenshot("completeness-en-375");
    await session.close();
  });
});
