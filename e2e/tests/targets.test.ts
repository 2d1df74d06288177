import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { signIn } from "../support/auth.js";
import { openSession, toggleLanguage, useBrowser } from "../support/browser.js";

const browser = useBrowser();

/** Zhejiang's 2024 shantytown starts: no seeded target, and no other test touches them. */
const PAGE = "/targets?region=330000&year=2024&indicator=shantytown_starts";
/** Zhejiang's ultra-low-energy projects: the plan test's own indicator. */
const PLAN_PAGE = "/targets?region=330000&year=2024&indicator=ultra_low_energy";
const CITY_COUNT = 11;

const api = (path: string) => `${inject("baseUrl")}/api${path}`;

async function csrfToken(page: Page): Promise<string> {
  const session = await page.request.get(api("/auth/session"));
  return ((await session.json()) as { csrfToken: string }).csrfToken;
}

const checkAlert = (page: Page) => page.getByTestId("decomposition-check");

async function cityInput(page: Page, city: string) {
  return page.getByRole("spinbutton", { name: `${city} 目标值`, exact: true });
}

describe("targets screen", () => {
  it("a provincial official sets Zhejiang's own seasonal profile beside the national default, and resets it", async () => {
    const session = await openSession(browser(), { signedIn: false });
    const { page } = session;
    await session.goto("/login");
    await signIn(page, "zj_planner");
    // The plan test's own indicator: no other test reads its schedule.
    await session.goto(PLAN_PAGE);
    await page.getByRole("tab", { name: "季节性进度" }).click();
    const state = page.getByTestId("profile-state");
    await expect.poll(() => state.textContent()).toContain("均匀进度");
    await page.getByRole("spinbutton", { name: "1月 累计 %", exact: true }).fill("0");
    await page.getByRole("spinbutton", { name: "2月 累计 %", exact: true }).fill("0");
    await page.getByTestId("profile-save").click();
    await expect.poll(() => state.textContent()).toContain("浙江省自定季节分布");
    await expect(
      page.getByTestId("profile-chart").locator(".recharts-legend-wrapper").textContent(),
    ).resolves.toContain("浙江省季节分布");
    await session.screenshot("targets-province-profile");
    await page.getByTestId("profile-reset").click();
    await expect.poll(() => state.textContent()).toContain("均匀进度");
    await session.close();
  });

  it("decomposes Zhejiang's 2024 target to its cities from a pasted column, warns of the shortfall, saves; plans 2021–2025", async () => {
    const session = await openSession(browser(), { signedIn: false });
    const { page } = session;
    await session.goto("/login");
    await signIn(page, "zj_planner");
    await session.goto(PAGE);

    const rows = page.locator("[data-testid=decomposition-table] tbody tr.ant-table-row");
    await rows.first().waitFor();
    await expect(rows.count()).resolves.toBe(CITY_COUNT);
    // (Blank the first time: "尚未填写"; a retry finds the first run's targets.)
    await checkAlert(page).waitFor();

    // The province's target, then the cities' from a column copied out of Excel.
    await page.getByRole("spinbutton", { name: "浙江省目标", exact: true }).fill("12000");
    const column = [
      "1,500",
      "1500",
      "1200",
      "1000",
      "800",
      "1000",
      "1000",
      "700",
      "400",
      "1200",
      "1200",
    ];
    await page.getByTestId("paste-box").fill(`${column.join("\r\n")}\r\n`);
    await page.getByTestId("paste-apply").click();
    await expect(page.getByTestId("paste-note").textContent()).resolves.toContain(
      "已填入 11 个地区的目标",
    );
    await expect((await cityInput(page, "杭州市")).inputValue()).resolves.toBe("1500");
    await expect((await cityInput(page, "丽水市")).inputValue()).resolves.toBe("1200");
    // 11,500 of 12,000: short by 500, a warning.
    await expect(checkAlert(page).getAttribute("class")).resolves.toContain("warning");
    const short = await checkAlert(page).textContent();
    expect(short).toContain("下级合计 11,500套");
    expect(short).toContain("少 500");
    await session.screenshot("targets-decomposition-short");

    // Lishui takes the rest: the sum matches.
    await (await cityInput(page, "丽水市")).fill("1700");
    await expect.poll(() => checkAlert(page).textContent()).toContain("下级目标合计与上级目标一致");
    await expect(checkAlert(page).getAttribute("class")).resolves.toContain("success");
    // Wenzhou is due by October.
    await page.getByRole("combobox", { name: "温州市 完成月份", exact: true }).click();
    await page
      .locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: "10月底" })
      .click();
    await page.getByTestId("decomposition-save").click();
    await page.locator(".ant-message", { hasText: "已保存" }).waitFor();

    const stored = await page.request.get(
      api("/targets/decomposition?parent=330000&indicator=shantytown_starts&year=2024"),
    );
    const body = (await stored.json()) as {
      parent: { target: { value: number } };
      children: { region: string; target: { value: number; dueMonth: number } }[];
      check: { status: string; sum: number };
    };
    expect(body.parent.target.value).toBe(12000);
    expect(body.check).toMatchObject({ status: "consistent", sum: 12000 });
    expect(body.children.find((c) => c.region === "330300")?.target.dueMonth).toBe(10);
    expect(body.children.find((c) => c.region === "331100")?.target.value).toBe(1700);

    await page.reload();
    await rows.first().waitFor();
    await expect((await cityInput(page, "丽水市")).inputValue()).resolves.toBe("1700");
    await expect((await cityInput(page, "宁波市")).inputValue()).resolves.toBe("1500");
    await expect(checkAlert(page).textContent()).resolves.toContain("一致");
    await session.screenshot("targets-decomposition-saved");

    // An import with a bad cell lists it by row and column and imports nothing.
    await page.getByRole("tab", { name: "Excel 导入" }).click();
    await page.getByTestId("targets-file").setInputFiles({
      name: "目标.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(
        "目标\nregion,indicator,year,value,due_month\n330100,shantytown_starts,2024,1500,\n330200,shantytown_starts,2024,多少,\n",
      ),
    });
    await page.getByTestId("targets-import-run").click();
    const errorRows = page.locator("[data-testid=targets-import-errors] tbody tr.ant-table-row");
    await errorRows.first().waitFor();
    await expect(errorRows.count()).resolves.toBe(1);
    const error = await errorRows.first().textContent();
    expect(error).toContain("4D");
    expect(error).toContain("“多少”不是数字");
    await session.screenshot("targets-import-errors");

    // The seasonal profile tab shows the curve against even pace.
    await page.getByRole("tab", { name: "季节性进度" }).click();
    await page.getByTestId("profile-chart").locator("svg path").first().waitFor();
    await session.screenshot("targets-profile");

    // A 2021–2025 plan of 52 projects: whole units, the remainder to the last years.
    const seeded = (await (
      await page.request.get(api("/targets?region=330000&indicator=ultra_low_energy"))
    ).json()) as { targets: { id: number; year: number; value: number }[] };
    await session.goto(PLAN_PAGE);
    await page.getByRole("tab", { name: "多年计划" }).click();
    await page.getByRole("spinbutton", { name: "规划总量", exact: true }).fill("52");
    const preview = page.locator("[data-testid=plan-preview] tbody tr.ant-table-row");
    await expect.poll(() => preview.count()).toBe(5);
    const values = await preview
      .locator("input")
      .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    expect(values).toEqual(["10", "10", "10", "11", "11"]);
    await page.getByTestId("plan-save").click();
    await page.locator(".ant-message", { hasText: "计划已保存" }).waitFor();
    const planRow = page.locator("[data-testid=plan-list] tbody tr.ant-table-row").first();
    await expect.poll(() => planRow.textContent()).toContain("2021–2025");
    const planText = await planRow.textContent();
    expect(planText).toContain("2021年 10");
    expect(planText).toContain("2025年 11");
    await session.screenshot("targets-plan");
    const written = (await (
      await page.request.get(api("/targets?region=330000&indicator=ultra_low_energy"))
    ).json()) as { targets: { id: number; year: number; value: number }[] };
    expect(written.targets.filter((x) => x.year >= 2021).map((x) => [x.year, x.value])).toEqual([
      [2021, 10],
      [2022, 10],
      [2023, 10],
      [2024, 11],
      [2025, 11],
    ]);
    // Put back the seeded years, which the dashboards' tests read.
    const token = await csrfToken(page);
    for (const old of seeded.targets.filter((x) => x.year >= 2021)) {
      const res = await page.request.patch(api(`/targets/${old.id}`), {
        data: { value: old.value },
        headers: { "x-csrf-token": token },
      });
      expect(res.status()).toBe(200);
    }

    // In English, the same decomposition.
    await session.goto(PAGE);
    await toggleLanguage(page);
    await rows.first().waitFor();
    await expect
      .poll(() => checkAlert(page).textContent())
      .toContain("The sub-regions' targets add up to the parent's target.");
    await expect(page.getByRole("tab", { name: "Multi-year plan" }).count()).resolves.toBe(1);
    await session.screenshot("targets-en");
    await toggleLanguage(page);
    // Chromium logs the import's 422 (the file's errors, shown in the table) as a console error.
    const shown = session.errors.filter((e) => !/status of 422/.test(e));
    session.errors.splice(0, session.errors.length, ...shown);
    await session.close();
  });

  it("shows leadership the same targets, read only", async () => {
    const session = await openSession(browser());
    const { page } = session;
    await session.goto("/targets?region=330000&year=2020&indicator=shantytown_starts");
    const rows = page.locator("[data-testid=decomposition-table] tbody tr.ant-table-row");
    await rows.first().waitFor();
    await expect(page.locator(".targets-readonly").textContent()).resolves.toContain("只读");
    await expect(page.getByTestId("decomposition-save").count()).resolves.toBe(0);
    await expect(page.getByTestId("paste-box").count()).resolves.toBe(0);
    await expect(page.getByRole("tab", { name: "Excel 导入" }).count()).resolves.toBe(0);
    await expect(
      page.getByRole("spinbutton", { name: "杭州市 目标值", exact: true }).isDisabled(),
    ).resolves.toBe(true);
    await session.close();
  });
});
