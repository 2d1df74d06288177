import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { signIn } from "../support/auth.js";
import { openSession, useBrowser } from "../support/browser.js";

const browser = useBrowser();

/** Opens the settings screen as a copy of a demo account (settings_<name>). */
async function openSettings(username: string) {
  const session = await openSession(browser(), { signedIn: false });
  await session.goto("/admin/settings");
  await session.page.waitForURL((url) => url.pathname === "/login");
  await signIn(session.page, username);
  await session.page.waitForURL((url) => url.pathname === "/admin/settings");
  return session;
}

/** What the API says now, read in the page's own session. */
async function apiGet(page: Page, path: string) {
  const res = await page.request.get(`${inject("baseUrl")}/api${path}`);
  expect(res.status()).toBe(200);
  return res.json();
}

async function toggle(page: Page, testId: string, to: boolean) {
  const control = page.getByTestId(testId);
  await control.click();
  await page.waitForFunction(
    ([id, on]) =>
      document.querySelector(`[data-testid="${id}"]`)?.getAttribute("aria-checked") === String(on),
    [testId, to] as const,
  );
  await page.locator(".ant-message-success").last().waitFor();
}

describe("province settings", () => {
  it("Guangdong's official allows incomplete months and takes it back; the screen says what it means", async () => {
    const session = await openSettings("settings_guangdong");
    const { page } = session;
    const card = page.getByTestId("reporting-settings");
    await expect(card.textContent()).resolves.toContain("广东省 · 报送规则");
    await expect(card.textContent()).resolves.toContain("只能保存为草稿");
    await expect(page.getByTestId("allow-partial").getAttribute("aria-checked")).resolves.toBe(
      "false",
    );
    // No four-eyes switch for an official: that is the security officer's.
    await expect(page.getByTestId("four-eyes-settings").count()).resolves.toBe(0);

    await toggle(page, "allow-partial", true);
    await session.screenshot("province-settings-official");
    await expect(apiGet(page, "/settings/provinces/440000/reporting")).resolves.toMatchObject({
      allowPartialMonths: true,
    });
    await toggle(page, "allow-partial", false);
    await expect(apiGet(page, "/settings/provinces/440000/reporting")).resolves.toMatchObject({
      allowPartialMonths: false,
    });
    await session.close();
  });

  // The test files run side by side on one database: the calendar set here must not change what
  // the others read meanwhile. The 3rd with two days' grace ends on the 5th, as the default does,
  // so nobody's month turns from late to on time (the bulletin test's 肇庆市 did with the 10th);
  // and no other test reads an August, the month set here to owe no report.
  it("Guangdong's official sets the reporting calendar (the 3rd, two days' grace, no August) and the completeness screen follows it", async () => {
    const session = await openSettings("settings_guangdong");
    const { page } = session;
    // A retry (or a rerun on the same database) starts from the default calendar.
    const csrf = (await apiGet(page, "/auth/session")).csrfToken as string;
    const reset = await page.request.put(
      `${inject("baseUrl")}/api/settings/provinces/440000/reporting`,
      {
        data: { deadlineDay: 5, graceDays: 0, noReportMonths: [] },
        headers: { "x-csrf-token": csrf },
      },
    );
    expect(reset.status()).toBe(200);
    await page.reload();
    const calendar = page.getByTestId("reporting-calendar");
    await calendar.waitFor();
    await expect(calendar.textContent()).resolves.toContain("无需报送的月份");
    const setNumber = async (testId: string, value: number) => {
      const input = page.getByTestId(testId);
      await input.fill(String(value));
      await input.blur();
    };
    const save = async () => {
      await page.getByTestId("save-calendar").click();
      await page.locator(".ant-message-success").last().waitFor();
    };
    await setNumber("deadline-day", 3);
    await setNumber("grace-days", 2);
    await page.getByTestId("no-report-months").getByText("8月", { exact: true }).click();
    await session.screenshot("province-settings-calendar");
    await save();
    await expect(apiGet(page, "/settings/provinces/440000/reporting")).resolves.toMatchObject({
      allowPartialMonths: false,
      deadlineDay: 3,
      graceDays: 2,
      noReportMonths: [8],
    });

    // The completeness screen: December 2022 is due by 3 January with grace to the 5th.
    await session.goto("/completeness?region=440000&year=2022&month=12");
    const deadline = page.getByTestId("completeness-deadline");
    await deadline.waitFor();
    await expect(deadline.textContent()).resolves.toMatch(/1月3日.*宽限至.*1月5日/);
    // August 2022 owes no report in Guangdong: nobody is chased.
    await session.goto("/completeness?region=440000&year=2022&month=8");
    await page.getByTestId("chase-not-due").waitFor();
    await expect(deadline.textContent()).resolves.toContain("本月无需报送");
    // So does the bulletin's reporting section.
    await session.goto("/bulletin?region=440000&year=2022&month=8");
    const reporting = page.getByTestId("bulletin-missing");
    await reporting.waitFor();
    await expect(reporting.textContent()).resolves.toContain("本月无需报送");

    // Back to the defaults for the other tests.
    await session.goto("/admin/settings");
    await setNumber("deadline-day", 5);
    await setNumber("grace-days", 0);
    await page.getByTestId("no-report-months").getByText("8月", { exact: true }).click();
    await save();
    await expect(apiGet(page, "/settings/provinces/440000/reporting")).resolves.toMatchObject({
      allowPartialMonths: false,
      deadlineDay: 5,
      graceDays: 0,
      noReportMonths: [],
    });
    await session.close();
  });

  it("the security officer turns four eyes off for a province and on again, and is named", async () => {
    const session = await openSettings("settings_security");
    const { page } = session;
    await page.getByTestId("four-eyes-440000").waitFor();
    await expect(page.getByTestId("reporting-settings").count()).resolves.toBe(0);

    await toggle(page, "four-eyes-440000", false);
    const off = await apiGet(page, "/settings/provinces");
    expect(off.provinces).toContainEqual(
      expect.objectContaining({
        regionCode: "440000",
        fourEyes: false,
        updatedBy: "settings_security",
      }),
    );
    await session.screenshot("province-settings-security");
    await toggle(page, "four-eyes-440000", true);
    const on = await apiGet(page, "/settings/provinces");
    expect(on.provinces).toContainEqual(
      expect.objectContaining({ regionCode: "440000", fourEyes: true }),
    );
    await session.close();
  });
});
