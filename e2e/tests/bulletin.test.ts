import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { BulletinResponse } from "@jindu/api/schemas";
import type { Download, Page } from "playwright-core";
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, inject, it } from "vitest";
import { loadWorkbook } from "../../apps/api/test/spreadsheet-helpers.js";
import { openSession, SCREENSHOT_DIR, useBrowser } from "../support/browser.js";

const WIDE = { width: 1440, height: 900 };

const browser = useBrowser();

/** PDFs go to the git-ignored artifacts/ folder at the workspace root, beside the screenshots. */
const ARTIFACTS = fileURLToPath(new URL("../../artifacts/", import.meta.url));

// Guangdong's December 2022: two cities have not reported, one reported late (the demo facts).
// Not Zhejiang's: another test changes Wenzhou's figures there.
const QUERY = "region=440000&year=2022&month=12";

async function bulletinOf(page: Page): Promise<BulletinResponse> {
  const res = await page.request.get(`${inject("baseUrl")}/api/bulletin?${QUERY}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as BulletinResponse;
}

/** A download's bytes: the browser runs apart from the test, so its file is saved here first. */
async function downloaded(download: Download): Promise<Buffer> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = `${ARTIFACTS}${download.suggestedFilename()}`;
  await download.saveAs(path);
  return readFileSync(path);
}

/** How far each of the document's tables reaches past its right edge, in pixels (≤ 0: fits). */
function overflowPastDocument(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const doc = document.querySelector(".bulletin-doc")?.getBoundingClientRect();
    const tables = Array.from(document.querySelectorAll(".bulletin-doc table"));
    return tables.map((t) => Math.round(t.getBoundingClientRect().right - (doc?.right ?? 0)));
  });
}

/** Text without any white space: PDF extraction breaks lines and spaces where layout does. */
const squeeze = (text: string) => text.replace(/\s+/g, "");

/** A cell's value as exceljs gives it, or null. */
function cellsOf(
  sheet: { eachRow: (cb: (row: { values: unknown }, n: number) => void) => void } | undefined,
) {
  if (!sheet) throw new Error("no such sheet");
  const rows: unknown[][] = [];
  sheet.eachRow((row, n) => {
    // exceljs's row.values is 1-based: index 0 is empty.
    rows[n - 1] = (row.values as unknown[]).slice(1).map((v) => v ?? null);
  });
  return rows;
}

describe("monthly bulletin (工作情况通报)", () => {
  it("Guangdong December 2022: prints to an A4 PDF and exports the same numbers to Excel", async () => {
    const session = await openSession(browser());
    const { page } = session;
    await session.goto(`/bulletin?${QUERY}`);
    const rankingRows = page.locator("[data-testid=bulletin-ranking] tbody tr.ant-table-row");
    await rankingRows.first().waitFor();
    const api = await bulletinOf(page);

    await expect(page.getByTestId("bulletin-title").textContent()).resolves.toBe(
      "广东省住房和城乡建设厅 2022年1–12月 目标任务进度通报",
    );
    // One row per city, in the API's order, the city's name in its row.
    await expect(rankingRows.count()).resolves.toBe(21);
    const rankingTexts = await rankingRows.allTextContents();
    api.ranking.forEach((row, i) => {
      expect(rankingTexts[i]).toContain(row.region.nameZh);
      expect(rankingTexts[i]).toContain((row.score as number).toFixed(1));
    });
    const firstCity = api.ranking[0]?.region.nameZh as string;
    const laggingRows = page.locator("[data-testid=bulletin-lagging] tbody tr.ant-table-row");
    await expect(laggingRows.count()).resolves.toBe(api.lagging.length);
    expect(api.lagging.length).toBeGreaterThan(10);
    const firstLag = api.lagging[0];
    const firstLagText = await laggingRows.first().textContent();
    expect(firstLagText).toContain(firstLag?.line.region.nameZh);
    expect(firstLagText).toContain(firstLag?.indicator.nameZh);
    const missing = await page.getByTestId("bulletin-missing").textContent();
    for (const name of ["深圳市", "中山市", "肇庆市"]) expect(missing).toContain(name);
    const summary = await page.getByTestId("bulletin-summary").textContent();
    expect(summary).toContain("已报送19个（报送率90.5%）");
    expect(summary).toContain("未报送2个");
    const indicatorRows = page.locator("[data-testid=bulletin-indicators] tbody tr.ant-table-row");
    await expect(indicatorRows.count()).resolves.toBe(api.indicators.length);
    await session.screenshot("bulletin-440000-2022-12");
    // What a reader sees first, without scrolling.
    await page.screenshot({ path: `${SCREENSHOT_DIR}bulletin-440000-2022-12-top.png` });

    // Print: only the document, on A4.
    await page.emulateMedia({ media: "print" });
    await expect(page.locator(".app-header").isVisible()).resolves.toBe(false);
    await expect(page.locator(".app-sider").isVisible()).resolves.toBe(false);
    await expect(page.getByTestId("bulletin-print").isVisible()).resolves.toBe(false);
    await expect(page.getByTestId("region-select").isVisible()).resolves.toBe(false);
    await session.screenshot("bulletin-440000-2022-12-print");
    mkdirSync(ARTIFACTS, { recursive: true });
    const path = `${ARTIFACTS}bulletin-440000-2022-12.pdf`;
    await page.pdf({ format: "A4", path, printBackground: true });
    expect(existsSync(path)).toBe(true);
    expect(statSync(path).size).toBeGreaterThan(10_000);
    const pdf = await getDocumentProxy(new Uint8Array(readFileSync(path)));
    expect(pdf.numPages).toBeGreaterThan(1);
    const firstPage = await pdf.getPage(1);
    const [, , width, height] = firstPage.view;
    // A4 in points: 595 × 842 (Chromium rounds to whole CSS pixels).
    expect(Math.abs((width as number) - 595.3)).toBeLessThan(2);
    expect(Math.abs((height as number) - 841.9)).toBeLessThan(2);
    const text = squeeze((await extractText(pdf, { mergePages: true })).text);
    // Every page numbered at its foot, out of the total.
    const pages = (await extractText(pdf, { mergePages: false })).text.map(squeeze);
    expect(pages).toHaveLength(pdf.numPages);
    pages.forEach((pageText, i) => {
      expect(pageText).toContain(`第${i + 1}页，共${pdf.numPages}页`);
    });
    expect(text).toContain(squeeze("广东省住房和城乡建设厅 2022年1–12月 目标任务进度通报"));
    expect(text).toContain("三、各地区综合排名");
    expect(text).toContain(firstCity);
    expect(text).toContain("四、滞后事项清单");
    for (const item of api.lagging.slice(0, 3)) {
      expect(text).toContain(squeeze(item.indicator.nameZh));
      expect(text).toContain(item.line.region.nameZh);
    }
    // Every lagging line's region is in the printed list, the last one too (no pagination).
    expect(text).toContain(`${api.lagging.length}${api.lagging.at(-1)?.line.region.nameZh}`);
    // No menu, header or buttons on paper.
    for (const screenOnly of ["数据填报", "导出Excel", "打印/导出PDF"]) {
      expect(text).not.toContain(screenOnly);
    }
    await page.emulateMedia({ media: "screen" });

    // Excel: downloaded through the page's button, holding the page's and the API's numbers.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("bulletin-xlsx").click(),
    ]);
    expect(download.suggestedFilename()).toBe("通报-广东省-2022年12月.xlsx");
    const workbook = await loadWorkbook(await downloaded(download));
    const ranking = cellsOf(workbook.getWorksheet("排名"));
    expect(ranking[0]?.slice(0, 4)).toEqual(["综合排名", "地区代码", "地区", "综合得分"]);
    expect(ranking.slice(1).map((r) => [r[0], r[2], r[3], r[5]])).toEqual(
      api.ranking.map((r) => [r.rank, r.region.nameZh, r.score, r.behind]),
    );
    expect(ranking[1]?.[2]).toBe(firstCity);
    // The page's first row shows the workbook's first score, rounded.
    expect(rankingTexts[0]).toContain(Number(ranking[1]?.[3]).toFixed(1));
    const indicators = cellsOf(workbook.getWorksheet("指标"));
    expect(indicators.slice(1).map((r) => [r[1], r[5], r[6]])).toEqual(
      api.indicators.map((x) => [x.indicator.nameZh, x.line.completion, x.line.schedule]),
    );
    const lagging = cellsOf(workbook.getWorksheet("滞后"));
    expect(lagging).toHaveLength(api.lagging.length + 1);
    expect(lagging.slice(1).map((r) => [r[2], r[8]])).toEqual(
      api.lagging.map((x) => [x.line.region.nameZh, x.line.lag]),
    );
    const reporting = cellsOf(workbook.getWorksheet("报送"));
    expect(reporting.slice(1).map((r) => [r[1], r[2]])).toEqual([
      ...api.missing.map((r) => [r.nameZh, "未报送"]),
      ...api.late.map((r) => [r.region.nameZh, "逾期报送"]),
    ]);
    await session.close();
  });

  it("reads in English, and exports an English workbook", async () => {
    const session = await openSession(browser(), { language: "en" });
    const { page } = session;
    await session.goto(`/bulletin?${QUERY}`);
    const rankingRows = page.locator("[data-testid=bulletin-ranking] tbody tr.ant-table-row");
    await rankingRows.first().waitFor();
    const api = await bulletinOf(page);
    await expect(page.getByTestId("bulletin-title").textContent()).resolves.toBe(
      "Guangdong Department of Housing and Urban-Rural Development Progress bulletin, January–December 2022",
    );
    await expect(rankingRows.first().textContent()).resolves.toContain(
      api.ranking[0]?.region.nameEn,
    );
    const missing = await page.getByTestId("bulletin-missing").textContent();
    expect(missing).toContain("Not reported: Shenzhen, Zhongshan");
    expect(missing).toContain("Reported late: Zhaoqing");
    const summary = await page.getByTestId("bulletin-summary").textContent();
    expect(summary).toContain("19 reported (reporting rate 90.5%)");
    await expect(
      page.locator("[data-testid=bulletin-lagging] thead").textContent(),
    ).resolves.toContain("Behind for");
    // Nothing Chinese is left in the document but what the data itself names.
    const documentText = await page.getByTestId("bulletin-document").textContent();
    expect(documentText).not.toMatch(/[\u4e00-\u9fff]/);
    // English names and units are longer: the tables still fit the page.
    for (const past of await overflowPastDocument(page)) expect(past).toBeLessThanOrEqual(0);
    await session.screenshot("bulletin-440000-2022-12-en");
    await page.screenshot({ path: `${SCREENSHOT_DIR}bulletin-440000-2022-12-en-top.png` });

    // Printed in English, its pages are numbered in English.
    await page.emulateMedia({ media: "print" });
    const pdf = await getDocumentProxy(
      new Uint8Array(await page.pdf({ format: "A4", printBackground: true })),
    );
    expect(pdf.numPages).toBeGreaterThan(1);
    const pages = (await extractText(pdf, { mergePages: false })).text;
    pages.forEach((pageText, i) => {
      expect(pageText.replace(/\s+/g, " ")).toContain(`Page ${i + 1} of ${pdf.numPages}`);
    });
    await page.emulateMedia({ media: "screen" });

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("bulletin-xlsx").click(),
    ]);
    expect(download.suggestedFilename()).toBe("bulletin-440000-2022-12.xlsx");
    const workbook = await loadWorkbook(await downloaded(download));
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      "Summary",
      "Indicators",
      "Ranking",
      "Lagging",
      "Reporting",
    ]);
    const ranking = cellsOf(workbook.getWorksheet("Ranking"));
    expect(ranking.slice(1).map((r) => [r[2], r[3]])).toEqual(
      api.ranking.map((r) => [r.region.nameEn, r.score]),
    );
    await session.close();
  });

  it("on screen at 1440 px: no column narrower than four characters, a shorter page, the score axis from 0", async () => {
    const session = await openSession(browser(), { viewport: WIDE });
    const { page } = session;
    await session.goto(`/bulletin?${QUERY}`);
    await page.locator("[data-testid=bulletin-ranking] tbody tr.ant-table-row").first().waitFor();
    // Every column of every table in the document at least four characters of its text wide,
    // the indicator names' column most of all (it was 31 px: one character a line).
    const font = await page
      .locator("[data-testid=bulletin-indicators] tbody td.bulletin-indicator-name")
      .first()
      .evaluate((td) => Number.parseFloat(getComputedStyle(td).fontSize));
    const columns = await page
      .locator(".bulletin-doc .bulletin-table thead th")
      .evaluateAll((ths) =>
        ths.map((th) => ({ text: th.textContent ?? "", width: th.getBoundingClientRect().width })),
      );
    expect(columns.length).toBeGreaterThan(20);
    for (const column of columns) {
      expect(column.width, column.text).toBeGreaterThanOrEqual(4 * font);
    }
    // Every table fits the page: nothing sticks out past the document's edge.
    for (const past of await overflowPastDocument(page)) expect(past).toBeLessThanOrEqual(0);
    // An indicator's name takes at most two lines.
    const names = await page
      .locator("[data-testid=bulletin-indicators] tbody td.bulletin-indicator-name")
      .evaluateAll((tds) =>
        tds.map((td) => {
          const range = document.createRange();
          range.selectNodeContents(td);
          const lines = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top)));
          return { text: td.textContent ?? "", lines: lines.size };
        }),
      );
    expect(names).toHaveLength(19);
    for (const name of names) expect(name.lines, name.text).toBeLessThanOrEqual(2);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    // Before: 13,470 px and more, most of it indicator names one character a line.
    expect(height).toBeLessThan(8000);
    // The score axis starts at 0, with 100 at its top.
    const ticks = await page
      .locator("[data-testid=bulletin-chart] .recharts-yAxis-tick-labels text")
      .allTextContents();
    expect(ticks[0]).toBe("0");
    expect(ticks.at(-1)).toBe("100");
    await session.screenshot("bulletin-440000-2022-12-1440");
    await session.close();
  });

  it("a month without approved figures says so instead of tables of dashes", async () => {
    const session = await openSession(browser(), { viewport: WIDE });
    const { page } = session;
    await session.goto("/bulletin?region=440000&year=2023&month=1");
    const notice = page.getByTestId("bulletin-no-figures");
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toContain("本月暂无已审核数据");
    await expect(page.getByTestId("bulletin-indicators").count()).resolves.toBe(0);
    await expect(page.getByTestId("bulletin-ranking").count()).resolves.toBe(0);
    await expect(page.getByTestId("bulletin-chart").count()).resolves.toBe(0);
    // Who has not reported still shows, not said to be ranked on last month's figures.
    const missing = await page.getByTestId("bulletin-missing").textContent();
    expect(missing).toContain("未报送：广州市");
    expect(missing).not.toContain("计入排名");
    await expect(page.getByTestId("bulletin-title").textContent()).resolves.toContain("2023年1月");
    await session.screenshot("bulletin-440000-2023-01-empty");
    await session.close();
  });
});
