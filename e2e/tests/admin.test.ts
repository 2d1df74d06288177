import type { Locator, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { signIn } from "../support/auth.js";
import { openSession, toggleLanguage, useBrowser } from "../support/browser.js";

const browser = useBrowser();

/** Set per attempt: a retried test must not trip over the account the first attempt made. */
let USERNAME = "";
const INDICATOR = "gas_pipe_renewal";
const ORIGINAL_EN = "Old gas pipelines renewed";
const EDITED_EN = "Old gas pipelines renewed (edited by e2e)";

/** The first password of the account the administrator creates; the auditor must not see it. */
let firstPassword = "";

const onLogin = (page: Page) => page.waitForURL((url) => url.pathname === "/login");

/** A sign-in through the API outside the browser, so that the browser's session stays as it is. */
async function apiLoginStatus(username: string, password: string): Promise<number> {
  const res = await fetch(`${inject("baseUrl")}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  return res.status;
}

/** The row whose username is exactly this (other tests' copies are named a11y_auditor…). */
const userRow = (page: Page, username: string) =>
  page.locator("[data-testid=users-table] tr.ant-table-row", {
    has: page.locator("strong", { hasText: new RegExp(`^${username}$`) }),
  });

/** Confirms the open pop-up confirmation. */
async function confirm(page: Page) {
  await page.locator(".ant-popover:visible [data-testid=confirm-ok]").click();
}

/** Reads the temporary password the notice shows once, then closes the notice. */
async function readPasswordNotice(page: Page, before?: () => Promise<void>): Promise<string> {
  const shown = page.getByTestId("temporary-password");
  await shown.waitFor();
  await before?.();
  const password = (await shown.textContent()) ?? "";
  await page
    .locator(".ant-modal", { has: shown })
    .locator(".ant-modal-footer .ant-btn-primary")
    .click();
  await shown.waitFor({ state: "detached" });
  return password;
}

async function chooseOption(page: Page, select: Locator, text: string) {
  await select.click();
  await page.keyboard.type(text);
  await page
    .locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: text })
    .first()
    .click();
}

/**
 * Picks a region in a tree select by typing its code, until the select shows it: under load the
 * tree was still filtering as the title was clicked, the click went to a row being redrawn, and
 * the form was saved without a region (CI failed twice that way).
 */
async function chooseRegion(page: Page, select: Locator, name: string, code: string) {
  // Its shown value (the portal's tree rows and the typed code are not inside it).
  const chosen = select.filter({ hasText: name });
  for (let attempt = 0; attempt < 3 && (await chosen.count()) === 0; attempt++) {
    await select.click();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type(code);
    const titles = page.locator(".ant-select-dropdown:visible .ant-select-tree-title");
    // The filter has settled when the region's own row is the only one carrying its code.
    await expect.poll(() => titles.filter({ hasText: code }).count()).toBe(1);
    await titles.filter({ hasText: `${name} ${code}` }).click();
    await chosen.waitFor({ timeout: 5_000 }).catch(() => undefined);
  }
  await chosen.waitFor();
}

describe("administration", () => {
  it("admin creates a Ningbo reporter, resets its password, disables it and renames an indicator", async () => {
    USERNAME = `nb_e2e_${Date.now().toString(36)}`;
    const session = await openSession(browser(), { signedIn: false });
    const { page } = session;
    await session.goto("/");
    await onLogin(page);
    await signIn(page, "admin");
    // The admin's home is the users screen; the dashboards are not in the menu.
    await page.waitForURL((url) => url.pathname === "/admin/users");
    await page.locator("[data-testid=users-table] tr.ant-table-row").first().waitFor();
    await expect(page.getByTestId("nav-admin-users").count()).resolves.toBe(1);
    await expect(page.getByTestId("nav-overview").count()).resolves.toBe(0);
    // Separation of duties (F5): the auditor's account offers the administrator nothing to do,
    // and the new-account form offers only business roles.
    const auditorRow = userRow(page, "auditor");
    await expect(auditorRow.getByTestId("user-not-yours").textContent()).resolves.toBe(
      "由安全保密管理员管理",
    );
    await expect(auditorRow.getByTestId("user-edit").count()).resolves.toBe(0);
    await expect(page.getByTestId("users-duties").textContent()).resolves.toContain("三员分立");

    // Create: a bureau account for Ningbo with the generated first password.
    await page.getByTestId("user-create").click();
    await page.getByTestId("user-username").fill(USERNAME);
    await page.getByTestId("user-display-name").fill("宁波市住建局 e2e");
    await chooseRegion(
      page,
      page.locator(".ant-modal:visible .ant-select").last(),
      "宁波市",
      "330200",
    );
    firstPassword = await page.getByTestId("user-password").inputValue();
    expect(firstPassword).toMatch(/^.{12}$/);
    await session.screenshot("admin-user-form-zh-CN-desktop");
    await page.getByTestId("user-save").click();
    await expect(readPasswordNotice(page)).resolves.toBe(firstPassword);
    const row = userRow(page, USERNAME);
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain("宁波市");
    await expect(row.textContent()).resolves.toContain("填报单位");
    await expect(row.textContent()).resolves.toContain("待修改");

    // Reset: a new temporary password, shown once. (The API tests check which password works;
    // sign-ins here are few, as the sign-in rate limit is shared with the other browser tests.)
    await row.getByTestId("user-reset-password").click();
    await confirm(page);
    const temporary = await readPasswordNotice(page, async () => {
      // Let the opening animation finish before the picture.
      await page.waitForTimeout(400);
      await session.screenshot("admin-password-notice-zh-CN-desktop");
    });
    expect(temporary).not.toBe(firstPassword);

    // Disable: the account can no longer sign in.
    await row.getByTestId("user-toggle-disabled").click();
    await confirm(page);
    await row.getByTestId("user-disabled").waitFor();
    expect(await apiLoginStatus(USERNAME, temporary)).toBe(401);
    await session.screenshot("admin-users-zh-CN-desktop");

    // The indicator catalogue: rename one in English and see it in the list.
    await page.getByTestId("nav-admin-indicators").click();
    const indicatorRow = page.locator("[data-testid=indicator-table] tr.ant-table-row", {
      hasText: INDICATOR,
    });
    await indicatorRow.waitFor();
    // The national catalogue's 19 (a province's own, which another test adds meanwhile, aside).
    await expect(
      page
        .locator("[data-testid=indicator-table] tr.ant-table-row")
        .filter({ hasNot: page.getByTestId("indicator-own") })
        .count(),
    ).resolves.toBe(19);
    await expect(page.getByTestId("profile-sparkline").count()).resolves.toBeGreaterThan(0);
    await indicatorRow.getByTestId("indicator-edit").click();
    await expect(page.getByTestId("indicator-locked-note").textContent()).resolves.toContain(
      "不可修改",
    );
    await page.getByTestId("indicator-name-en").fill(EDITED_EN);
    await page.getByTestId("indicator-save").click();
    await page.waitForFunction(
      ([code, name]) =>
        Array.from(document.querySelectorAll("[data-testid=indicator-table] tr")).some(
          (tr) =>
            tr.textContent?.includes(code as string) && tr.textContent.includes(name as string),
        ),
      [INDICATOR, EDITED_EN],
    );
    await session.screenshot("admin-indicators-zh-CN-desktop");

    // In English, the catalogue says why code, kind and direction are locked.
    await toggleLanguage(page);
    await expect(page.locator(".page-title h3").textContent()).resolves.toBe("Indicator catalogue");
    await expect(page.getByTestId("indicators-description").textContent()).resolves.toContain(
      "code, kind and direction cannot",
    );
    await expect(indicatorRow.textContent()).resolves.toContain(EDITED_EN);
    await expect(indicatorRow.textContent()).resolves.toContain("Cumulative");
    await session.screenshot("admin-indicators-en-desktop");

    // Put the name back: other browser tests read the catalogue.
    await indicatorRow.getByTestId("indicator-edit").click();
    await page.getByTestId("indicator-name-en").fill(ORIGINAL_EN);
    await page.getByTestId("indicator-save").click();
    await page.waitForFunction(
      ([code, name]) =>
        Array.from(document.querySelectorAll("[data-testid=indicator-table] tr")).some(
          (tr) =>
            tr.textContent?.includes(code as string) &&
            tr.textContent.includes(name as string) &&
            !tr.textContent.includes("(edited"),
        ),
      [INDICATOR, ORIGINAL_EN],
    );
    await session.close();
  });

  it("auditor filters the log by action and sees the user creation with its values", async () => {
    const session = await openSession(browser(), { signedIn: false });
    const { page } = session;
    await session.goto("/");
    await onLogin(page);
    await signIn(page, "auditor");
    await page.waitForURL((url) => url.pathname === "/admin/audit");
    await page.locator("[data-testid=audit-table] tr.ant-table-row").first().waitFor();

    // Actions read in words (创建用户), the route they record kept behind them.
    await chooseOption(page, page.getByTestId("audit-filter-action"), "创建用户");
    await page.waitForURL((url) => url.searchParams.get("action") === "POST /api/users");
    const rows = page.locator("[data-testid=audit-table] tr.ant-table-row");
    await page.waitForFunction(() =>
      Array.from(document.querySelectorAll("[data-testid=audit-table] tr.ant-table-row")).every(
        (tr) =>
          tr.textContent?.includes("创建用户") &&
          tr.querySelector("[data-action]")?.getAttribute("data-action") === "POST /api/users",
      ),
    );
    await rows.filter({ hasText: "成功" }).first().waitFor();

    // Open the newest successful creations until the one this test made shows its values.
    const succeeded = rows.filter({ hasText: "成功" });
    const count = await succeeded.count();
    let found = false;
    for (let n = 0; n < count && !found; n++) {
      const row = succeeded.nth(n);
      await row.locator(".ant-table-row-expand-icon").click();
      const detail = row.locator("xpath=following-sibling::tr[1]");
      await detail.getByTestId("audit-diff").waitFor();
      const text = (await detail.textContent()) ?? "";
      found = text.includes(USERNAME);
      if (found) {
        expect(text).toContain("修改前");
        expect(text).toContain("修改后");
        expect(text).toContain("330200");
        expect(text).toContain("reporter");
        // The first password travelled in the request only: it is not in the log.
        expect(text).not.toContain(firstPassword);
      }
    }
    expect(found).toBe(true);
    const exportHref = await page.getByTestId("audit-export").getAttribute("href");
    expect(exportHref).toContain("action=POST+%2Fapi%2Fusers");
    const exported = await page.request.get(`${inject("baseUrl")}${exportHref}`);
    expect(exported.status()).toBe(200);
    await session.screenshot("admin-audit-zh-CN-desktop");

    // The refused sign-in of the disabled account is in the log, with why.
    await session.goto(`/admin/audit?username=${USERNAME}`);
    await page
      .locator("[data-testid=audit-table] tr.ant-table-row", { hasText: "账号已停用" })
      .filter({ hasText: "登录" })
      .waitFor();
    await session.close();
  });
});
