import { describe, expect, inject, it } from "vitest";
import { loadWorkbook, workbookBytes } from "../../apps/api/test/spreadsheet-helpers.js";
import { signIn } from "../support/auth.js";
import { downloaded, openSession, useBrowser } from "../support/browser.js";

const browser = useBrowser();

describe("accounts in bulk", () => {
  it("the administrator downloads the template, sees a bad row refused, then gets the one-time passwords", async () => {
    // Per attempt: a retry must not trip over the accounts the first attempt made.
    const stamp = Date.now().toString(36);
    const good = `bk_${stamp}_nb`;
    const other = `bk_${stamp}_hz`;
    const session = await openSession(browser(), { signedIn: false });
    const { page } = session;
    await session.goto("/admin/users");
    await page.waitForURL((url) => url.pathname === "/login");
    await signIn(page, "accounts_admin");
    await page.waitForURL((url) => url.pathname === "/admin/users");
    await page.locator("[data-testid=users-table] tr.ant-table-row").first().waitFor();

    await page.getByTestId("bulk-open").click();
    const [template] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("bulk-template").click(),
    ]);
    expect(template.suggestedFilename()).toBe("批量导入账号模板.xlsx");
    const workbook = await loadWorkbook(await downloaded(template));
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error("the template has no sheet");
    sheet.getRow(3).values = [good, "宁波市住建局", "填报单位 reporter", "330200", "13812345678"];
    sheet.getRow(4).values = [other, "杭州市住建局", "reporter", "999999"];
    const input = page.locator("[data-testid=bulk-upload] input[type=file]");
    const send = async (buffer: Buffer) =>
      input.setInputFiles({
        name: "accounts.xlsx",
        mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        buffer,
      });

    // One bad region: listed by row and column with its reason, and nothing created.
    await send(await workbookBytes(workbook));
    const bad = page.locator('[data-testid=import-error-table] tr[data-row="4"][data-column="D"]');
    await bad.waitFor();
    await expect(bad.textContent()).resolves.toContain("地区代码 999999 不存在");
    await session.screenshot("bulk-accounts-errors");
    const before = await page.request.get(`${inject("baseUrl")}/api/users`);
    const names = ((await before.json()) as { users: { username: string }[] }).users.map(
      (u) => u.username,
    );
    expect(names).not.toContain(good);

    // Corrected: both created, and the passwords file saved at once.
    sheet.getCell("D4").value = "330100";
    const [passwords] = await Promise.all([
      page.waitForEvent("download"),
      send(await workbookBytes(workbook)),
    ]);
    await page.getByTestId("bulk-done").waitFor();
    await expect(page.getByTestId("bulk-once-warning").textContent()).resolves.toContain(
      "只提供这一次",
    );
    await session.screenshot("bulk-accounts-done");
    const rows = (await loadWorkbook(await downloaded(passwords))).worksheets[0];
    const password = String(rows?.getRow(2).getCell(5).value);
    expect(String(rows?.getRow(2).getCell(1).value)).toBe(good);
    expect(String(rows?.getRow(3).getCell(1).value)).toBe(other);

    await page.getByTestId("bulk-close").click();
    await page.getByTestId("bulk-close-ok").click();
    await page.locator("[data-testid=users-table] tr.ant-table-row", { hasText: good }).waitFor();

    // The one-time password signs in, and must be changed.
    const login = await fetch(`${inject("baseUrl")}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: good, password }),
    });
    expect(login.status).toBe(200);
    expect(((await login.json()) as { user: { mustChangePassword: boolean } }).user).toMatchObject({
      mustChangePassword: true,
    });
    await session.close();
  });
});
