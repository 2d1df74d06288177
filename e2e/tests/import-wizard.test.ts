import { randomBytes } from "node:crypto";
import type { BrowserContext, Page } from "playwright-core";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { columnOf, loadWorkbook, workbookBytes } from "../../apps/api/test/spreadsheet-helpers.js";
import { signIn } from "../support/auth.js";
import { downloaded, openSession, type Session, useBrowser } from "../support/browser.js";

const browser = useBrowser();

// Hangzhou's March 2023: no seeded data and no other test touches it.
const REGION = "330100";
const YEAR = 2023;
const MONTH = 3;
const WIZARD = `/import?year=${YEAR}&month=${MONTH}`;

interface StoredReport {
  indicator: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  status: string;
}

/** Hangzhou's March 2023 figures as the API holds them, by indicator. */
async function stored(page: Page): Promise<Map<string, StoredReport>> {
  const response = await page.request.get(
    `${inject("baseUrl")}/api/reports?region=${REGION}&year=${YEAR}&month=${MONTH}`,
  );
  expect(response.status()).toBe(200);
  const { reports } = (await response.json()) as { reports: StoredReport[] };
  return new Map(reports.map((r) => [r.indicator, r]));
}

// One sign-in for the file: a second sign-in of an account would end the first session.
let cookies: Awaited<ReturnType<BrowserContext["cookies"]>> = [];

/** A browser session signed in as the Hangzhou bureau (a reporter of 330100). */
async function hangzhou(viewport?: { width: number; height: number }): Promise<Session> {
  const session = await openSession(browser(), {
    signedIn: false,
    ...(viewport ? { viewport } : {}),
  });
  await session.context.addCookies(cookies);
  return session;
}

/** The import's 422 (a file with errors) is an answer the wizard shows, not a page error. */
function closeAllowing422(session: Session) {
  const refused = /status of 422/;
  session.errors.splice(
    0,
    session.errors.length,
    ...session.errors.filter((error) => !refused.test(error)),
  );
  return session.close();
}

/** Records every value the upload progress bar shows, from before the upload starts. */
async function watchProgress(page: Page) {
  await page.evaluate(() => {
    const seen: number[] = [];
    (window as unknown as { progressSeen: number[] }).progressSeen = seen;
    new MutationObserver(() => {
      const bar = document.querySelector("[data-testid=upload-progress]");
      const value = Number(bar?.getAttribute("data-percent"));
      if (bar && seen.at(-1) !== value) seen.push(value);
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
}

const progressSeen = (page: Page) =>
  page.evaluate(() => (window as unknown as { progressSeen: number[] }).progressSeen);

/** Slows the upload down so that its progress is seen between 0 and 100%. */
async function slowUpload(session: Session) {
  const cdp = await session.context.newCDPSession(session.page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 20,
    downloadThroughput: -1,
    uploadThroughput: 1024 * 1024,
  });
}

/** Downloads the template through the wizard's first step and opens it. */
async function downloadTemplate(page: Page) {
  await page.getByTestId("import-choose").waitFor();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("template-download").click(),
  ]);
  const workbook = await loadWorkbook(await downloaded(download));
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error("the template has no sheet");
  return { workbook, sheet, filename: download.suggestedFilename() };
}

async function upload(page: Page, name: string, buffer: Buffer) {
  await page.locator("[data-testid=import-upload] input[type=file]").setInputFiles({
    name,
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer,
  });
}

describe("import wizard", () => {
  beforeAll(async () => {
    const session = await openSession(browser(), { signedIn: false });
    await session.goto("/login");
    await signIn(session.page, "hangzhou");
    cookies = await session.context.cookies();
    await session.close();
  });

  it("takes Hangzhou's March 2023 from the template through preview (old → new) to stored figures", async () => {
    const session = await hangzhou();
    const { page } = session;
    await session.goto(WIZARD);
    const before = await stored(page);

    const { workbook, sheet, filename } = await downloadTemplate(page);
    expect(filename).toBe(`月报模板-${REGION}-${YEAR}-${MONTH}.xlsx`);
    expect(String(sheet.getCell(3, 1).value)).toBe(REGION);
    expect(sheet.rowCount).toBe(3); // Hangzhou has no sub-regions in the demo data: one row
    // New figures that differ from whatever a first attempt of this test may have stored.
    const starts = (before.get("shantytown_starts")?.value ?? 100) + 7;
    const prefab = {
      numerator: 31,
      denominator: (before.get("prefab_share")?.denominator ?? 99) + 1,
    };
    sheet.getCell(3, columnOf(sheet, "shantytown_starts")).value = starts;
    sheet.getCell(3, columnOf(sheet, "prefab_share.numerator")).value = prefab.numerator;
    sheet.getCell(3, columnOf(sheet, "prefab_share.denominator")).value = prefab.denominator;
    // A rate under its "（%）" header is typed as a percentage: 92.5 is 92.5%, never 9,250%.
    const sludgeColumn = columnOf(sheet, "sludge_safe_disposal");
    expect(sheet.getCell(1, sludgeColumn).value).toBe("城市污泥无害化处置率（%）");
    const sludge = before.get("sludge_safe_disposal")?.value === 0.925 ? 93.5 : 92.5;
    sheet.getCell(3, sludgeColumn).value = sludge;

    await page.getByTestId("import-next").click();
    await page.getByTestId("import-upload").waitFor();
    await watchProgress(page);
    await slowUpload(session);
    // A notes sheet of incompressible text makes the file big enough to be seen going up.
    const notes = workbook.addWorksheet("备注 Notes");
    for (let i = 0; i < 1500; i++) notes.addRow([randomBytes(600).toString("base64")]);
    await upload(page, "杭州-2023-03.xlsx", await workbookBytes(workbook));

    // The progress bar shows the upload going up, then the file is checked and previewed.
    await page.getByTestId("import-preview").waitFor();
    const seen = await progressSeen(page);
    expect(seen.at(-1)).toBe(100);
    expect(
      seen.some((p) => p > 0 && p < 100),
      `progress seen: ${seen}`,
    ).toBe(true);
    await expect(page.getByTestId("upload-progress").isVisible()).resolves.toBe(true);

    await expect(page.getByTestId("preview-rows").getAttribute("data-value")).resolves.toBe("1");
    await expect(page.getByTestId("preview-changed").getAttribute("data-value")).resolves.toBe("3");
    await expect(page.getByTestId("preview-regions").getAttribute("data-value")).resolves.toBe("1");
    const startsRow = page.locator(
      "[data-testid=preview-table] tr[data-indicator=shantytown_starts]",
    );
    await expect(startsRow.textContent()).resolves.toContain("杭州市");
    await expect(startsRow.textContent()).resolves.toContain("棚户区改造新开工");
    const oldStarts = before.get("shantytown_starts")?.value;
    await expect(startsRow.getByTestId("preview-old").textContent()).resolves.toBe(
      oldStarts == null ? "（空）" : `${oldStarts.toLocaleString("zh-CN")}套`,
    );
    await expect(startsRow.getByTestId("preview-new").textContent()).resolves.toBe(
      `${starts.toLocaleString("zh-CN")}套`,
    );
    const prefabRow = page.locator("[data-testid=preview-table] tr[data-indicator=prefab_share]");
    await expect(prefabRow.getByTestId("preview-new").textContent()).resolves.toBe(
      `31 / ${prefab.denominator} (${((31 / prefab.denominator) * 100).toFixed(1)}%)`,
    );
    const sludgeRow = page.locator(
      "[data-testid=preview-table] tr[data-indicator=sludge_safe_disposal]",
    );
    await expect(sludgeRow.getByTestId("preview-new").textContent()).resolves.toBe(`${sludge}%`);
    await session.screenshot("import-preview");
    // Nothing is written before the confirmation.
    expect(await stored(page)).toEqual(before);

    // Saving drafts is the default; submitting is the bureau's explicit choice.
    const action = page.getByTestId("import-action");
    await expect(action.locator("input[value=draft]").isChecked()).resolves.toBe(true);
    await action.getByText("提交审核").click();
    await expect(action.locator("input[value=submitted]").isChecked()).resolves.toBe(true);
    await page.getByTestId("import-confirm").click();
    await page.getByTestId("import-done").waitFor();
    await expect(page.getByTestId("import-done").textContent()).resolves.toContain(
      "3 项数据已更新，涉及 1 个地区（提交审核）",
    );
    await session.screenshot("import-done");

    const after = await stored(page);
    expect(after.get("shantytown_starts")).toMatchObject({ value: starts, status: "submitted" });
    expect(after.get("prefab_share")).toMatchObject({
      numerator: prefab.numerator,
      denominator: prefab.denominator,
      status: "submitted",
    });
    // Stored as a fraction, as every percentage is (packages/domain figures.ts).
    expect(after.get("sludge_safe_disposal")).toMatchObject({
      value: sludge / 100,
      status: "submitted",
    });
    await session.close();
  });

  it("shows a bad file's cell errors (row, column, reason), offers the annotated file and changes nothing", async () => {
    // On a phone-sized screen (375 px), as a bureau might check a file on the move.
    const session = await hangzhou({ width: 375, height: 812 });
    const { page } = session;
    await session.goto(WIZARD);
    const before = await stored(page);

    const { workbook, sheet } = await downloadTemplate(page);
    const startsColumn = columnOf(sheet, "shantytown_starts");
    const ruralColumn = columnOf(sheet, "rural_dilapidated");
    sheet.getCell(3, startsColumn).value = -5;
    sheet.getCell(3, ruralColumn).value = "约300户";
    await session.screenshot("import-choose-375");
    await page.getByTestId("import-next").click();
    await upload(page, "杭州-有错.xlsx", await workbookBytes(workbook));

    const errors = page.getByTestId("import-errors");
    await errors.waitFor();
    await expect(errors.textContent()).resolves.toContain("文件中有 2 处错误，未导入任何数据");
    const rows = page.locator("[data-testid=import-error-table] tbody tr.ant-table-row");
    await expect(rows.count()).resolves.toBe(2);
    const cells = await rows.evaluateAll((trs) =>
      trs.map((tr) => ({
        row: tr.getAttribute("data-row"),
        column: tr.getAttribute("data-column"),
        // On a phone the row and column show together as the cell's name, C3.
        cellShown: tr.querySelector(".import-cell-ref")?.textContent,
        reason: tr.querySelector(".import-error-reason")?.textContent,
      })),
    );
    const letter = (column: number) => sheet.getColumn(column).letter;
    expect(cells).toEqual(
      expect.arrayContaining([
        {
          row: "3",
          column: letter(startsColumn),
          cellShown: `${letter(startsColumn)}3`,
          reason: "数值不能为负数",
        },
        {
          row: "3",
          column: letter(ruralColumn),
          cellShown: `${letter(ruralColumn)}3`,
          reason: "“约300户”不是数字",
        },
      ]),
    );
    await expect(page.getByTestId("import-preview").count()).resolves.toBe(0);
    await session.screenshot("import-errors-375");

    // The annotated workbook comes back as a download.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("annotated-download").click(),
    ]);
    expect(download.suggestedFilename()).toBe("杭州-有错-标注.xlsx");
    const annotated = await loadWorkbook(await downloaded(download));
    expect(annotated.worksheets.length).toBeGreaterThan(0);

    expect(await stored(page)).toEqual(before);
    await closeAllowing422(session);
  });
});
