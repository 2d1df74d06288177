import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openTestDatabase, type TestDatabase } from "@jindu/db/testing";
import { openMonth } from "@jindu/domain";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../apps/api/src/app.js";
import { prepareInstallation } from "../../apps/api/src/services/first-run.js";
import { loadWorkbook, workbookBytes } from "../../apps/api/test/spreadsheet-helpers.js";
import { signIn, totpCode } from "../support/auth.js";
import { downloaded, openSession, type Session, useBrowser } from "../support/browser.js";

/**
 * A new installation as `JINDU_SEED=reference pnpm start` leaves it: regions and the national
 * catalogue, no figures, one administrator with a one-time password. Set up as the README's
 * "Set up your province" says, in Chinese, on its own app and database.
 */
const browser = useBrowser();
const webDist =
  process.env.JINDU_WEB_OUT ?? fileURLToPath(new URL("../../apps/web/dist", import.meta.url));

let database: TestDatabase;
let app: Awaited<ReturnType<typeof buildApp>>;
let baseUrl: string;
let adminPassword: string;

beforeAll(async () => {
  database = await openTestDatabase({ seed: false });
  const { firstAdmin } = await prepareInstallation(database.db, { seed: "reference" });
  if (!firstAdmin) throw new Error("a new installation must create its first administrator");
  adminPassword = firstAdmin.password;
  app = await buildApp({ database, webRoot: join(webDist), loginsPerMinute: 10_000 });
  baseUrl = await app.listen({ port: 0, host: "127.0.0.1" });
}, 120_000);

afterAll(async () => {
  await app?.close();
  await database?.close();
});

/** This month's work: the month bureaus are reporting now. */
const { year, month } = openMonth(new Date());
const INDICATOR = "urban_village";
const INDICATOR_ZH = "城中村改造";

/**
 * A first sign-in with a one-time password: choose one's own, and where the role needs it
 * enrol an authenticator from the secret the page shows.
 */
async function firstSignIn(
  session: Session,
  username: string,
  oneTime: string,
  authenticator: boolean,
) {
  const { page } = session;
  await session.goto("/login");
  await signIn(page, username, { password: oneTime });
  await page.waitForURL((url) => url.pathname === "/account/password");
  await page.getByTestId("current-password").fill(oneTime);
  await page.getByTestId("new-password").fill("Own#Choice2026x");
  await page.getByTestId("confirm-password").fill("Own#Choice2026x");
  await page.getByTestId("password-submit").click();
  if (!authenticator) {
    await page.waitForURL((url) => url.pathname !== "/account/password");
    return;
  }
  await page.waitForURL((url) => url.pathname === "/account/authenticator");
  const secretText = page.getByTestId("totp-secret");
  await secretText.waitFor();
  const secret = ((await secretText.textContent()) ?? "").replaceAll(/\s/g, "");
  await page.getByTestId("totp-code").fill(totpCode(username, secret));
  await page.getByTestId("totp-submit").click();
  await page.waitForURL((url) => url.pathname !== "/account/authenticator");
}

// Screens load in the background: a busy CI machine may need more than expect.poll's 5 s.
const bodyText = async (page: Page) => (await page.locator("main").textContent()) ?? "";

// No retry: a first sign-in happens once; a second attempt would meet changed passwords.
describe("a new installation, set up as the README says", { retry: 0 }, () => {
  it("administrator, accounts from .xlsx, a province's own task and targets, a bureau's month, approval, the dashboards", async () => {
    // 1. The administrator signs in with the password printed at first start.
    const admin = await openSession(browser(), { signedIn: false, baseUrl });
    await firstSignIn(admin, "admin", adminPassword, true);

    // 2. …and creates the province's official and two bureaus from one workbook.
    await admin.goto("/admin/users");
    const ap = admin.page;
    await ap.getByTestId("bulk-open").click();
    const [template] = await Promise.all([
      ap.waitForEvent("download"),
      ap.getByTestId("bulk-template").click(),
    ]);
    const workbook = await loadWorkbook(await downloaded(template));
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error("the accounts template has no sheet");
    sheet.getRow(3).values = ["zj_chief", "浙江省住建厅计划财务处", "province", "330000"];
    sheet.getRow(4).values = ["hz_bureau", "杭州市住建局", "reporter", "330100", "13800000001"];
    sheet.getRow(5).values = ["nb_bureau", "宁波市住建局", "reporter", "330200"];
    const [passwordsFile] = await Promise.all([
      ap.waitForEvent("download"),
      ap.locator("[data-testid=bulk-upload] input[type=file]").setInputFiles({
        name: "accounts.xlsx",
        mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        buffer: await workbookBytes(workbook),
      }),
    ]);
    await ap.getByTestId("bulk-done").waitFor();
    await admin.screenshot("first-run-1-accounts");
    const passwords = new Map<string, string>();
    (await loadWorkbook(await downloaded(passwordsFile))).worksheets[0]?.eachRow((row, n) => {
      if (n > 1) passwords.set(String(row.getCell(1).value), String(row.getCell(5).value));
    });
    expect([...passwords.keys()]).toEqual(["zj_chief", "hz_bureau", "nb_bureau"]);
    await admin.close();

    // 3. The official adds the province's own task of the year…
    const official = await openSession(browser(), { signedIn: false, baseUrl });
    const op = official.page;
    await firstSignIn(official, "zj_chief", passwords.get("zj_chief") as string, true);
    await official.goto("/admin/indicators");
    await op.getByTestId("indicator-create").click();
    await op.getByTestId("indicator-code").fill(INDICATOR);
    await op.locator("[data-testid=indicator-category] input").fill("urban_renewal");
    await op.getByTestId("indicator-new-name-zh").fill(INDICATOR_ZH);
    await op.getByTestId("indicator-new-name-en").fill("Urban village renewal");
    await op.getByTestId("indicator-unit-zh").fill("个");
    await op.getByTestId("indicator-unit-en").fill("projects");
    await op.getByTestId("indicator-first-year").fill(String(year));
    await op.getByTestId("indicator-create-save").click();
    await op
      .locator("[data-testid=indicator-table] tr.ant-table-row", { hasText: INDICATOR })
      .waitFor();

    // …puts it alone on this year's task list…
    await official.goto(`/targets?region=330000&year=${year}&indicator=${INDICATOR}`);
    await op.getByRole("tab", { name: "年度任务清单" }).click();
    const panel = op.getByTestId("task-list");
    await panel.waitFor();
    const boxes = panel.getByRole("checkbox");
    const count = await boxes.count();
    for (let i = 0; i < count; i++) {
      const label = (await boxes.nth(i).getAttribute("aria-label")) ?? "";
      if ((await boxes.nth(i).isChecked()) !== label.endsWith(INDICATOR_ZH)) {
        await boxes.nth(i).click();
      }
    }
    await op.getByTestId("task-list-save").click();
    await op.locator(".ant-message-success").last().waitFor();
    await expect(panel.textContent()).resolves.toContain("已列入 1 项任务");
    await official.screenshot("first-run-2-task-list");

    // …and decomposes its target to the eleven cities.
    await op.getByRole("tab", { name: "目标分解" }).click();
    await op.getByRole("spinbutton", { name: "浙江省目标", exact: true }).fill("660");
    await op
      .getByTestId("paste-box")
      .fill(
        `${["120", "80", "70", "60", "50", "60", "60", "40", "20", "60", "40"].join("\r\n")}\r\n`,
      );
    await op.getByTestId("paste-apply").click();
    await expect
      .poll(() => op.getByTestId("decomposition-check").textContent(), { timeout: 30_000 })
      .toContain("下级目标合计与上级目标一致");
    await op.getByTestId("decomposition-save").click();
    await op.locator(".ant-message", { hasText: "已保存" }).waitFor();
    await official.screenshot("first-run-3-targets");

    // 4. Hangzhou's bureau opens this month's form: only the province's task is asked.
    const bureau = await openSession(browser(), { signedIn: false, baseUrl });
    const bp = bureau.page;
    await firstSignIn(bureau, "hz_bureau", passwords.get("hz_bureau") as string, false);
    await bureau.goto("/entry");
    await bp.getByTestId("entry-form").waitFor();
    expect(new URL(bp.url()).searchParams.get("month")).toBe(String(month));
    const lines = bp.locator("[data-testid^=entry-line-]");
    await expect(lines.count()).resolves.toBe(1);
    await bp
      .locator(
        `input[data-testid="entry-value-${INDICATOR}"], [data-testid="entry-value-${INDICATOR}"] input`,
      )
      .first()
      .fill("96");
    await expect
      .poll(() => bp.getByTestId(`entry-completion-${INDICATOR}`).textContent(), {
        timeout: 30_000,
      })
      .toContain("80");
    // The system's first month holds the year so far: a jump the form asks to explain.
    await bp.getByTestId(`entry-warning-${INDICATOR}`).waitFor();
    await bp
      .getByTestId(`entry-explanation-${INDICATOR}`)
      .fill(`系统上线首月，填报1–${month}月累计完成数`);
    await bp.getByTestId("entry-submit").click();
    await bp.getByTestId("entry-submit-confirm").click();
    await bp.getByTestId("entry-submit").waitFor({ state: "detached" });
    await bureau.screenshot("first-run-4-bureau-submitted");
    await bureau.close();

    // 5. The official approves it.
    await official.goto("/approvals");
    const card = `approval-330100-${year}-${month}`;
    await op.getByTestId(card).waitFor();
    await op.getByTestId(`approve-330100-${year}-${month}`).click();
    await op.getByTestId("approve-confirm").click();
    await op.getByTestId(card).waitFor({ state: "detached" });

    // 6. The overview, the comparison and the bulletin show it.
    const period = `year=${year}&month=${month}`;
    await official.goto(`/?region=330000&${period}`);
    await expect.poll(() => bodyText(op), { timeout: 30_000 }).toContain(INDICATOR_ZH);
    await official.screenshot("first-run-5-overview");
    await official.goto(`/comparison?region=330000&indicator=${INDICATOR}&${period}`);
    await expect.poll(() => bodyText(op), { timeout: 30_000 }).toContain("杭州市");
    await expect.poll(() => bodyText(op), { timeout: 30_000 }).toContain("80.0%");
    await official.screenshot("first-run-6-comparison");
    await official.goto(`/bulletin?region=330000&${period}`);
    await expect.poll(() => bodyText(op), { timeout: 30_000 }).toContain(INDICATOR_ZH);
    await official.screenshot("first-run-7-bulletin");
    await official.close();
  }, 300_000);
});
