import { describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD } from "../support/auth.js";
import { openSession, useBrowser } from "../support/browser.js";

const browser = useBrowser();
const RED = "#B84F00";
const ZHEJIANG_PREFAB = "/comparison?region=330000&year=2020&month=10&indicator=prefab_share";

interface StoredReport {
  region: string;
  status: string;
  numerator: number | null;
  denominator: number | null;
}

describe("region comparison", () => {
  it("shows both rankings with the change since September in points (Zhejiang prefab, Oct 2020)", async () => {
    const session = await openSession(browser());
    const { page } = session;
    // Expected figures worked out from the stored reports and targets, not from the screen's API.
    const api = async <T>(path: string): Promise<T> =>
      (await (await page.request.get(`${inject("baseUrl")}/api${path}`)).json()) as T;
    const { targets } = await api<{ targets: { region: string; value: number }[] }>(
      "/targets?indicator=prefab_share&year=2020",
    );
    const completions = async (month: number) => {
      const { reports } = await api<{ reports: StoredReport[] }>(
        `/reports?indicator=prefab_share&year=2020&month=${month}`,
      );
      const out = new Map<string, number>();
      for (const r of reports) {
        const target = targets.find((x) => x.region === r.region)?.value;
        if (!/^33\d\d00$/.test(r.region) || r.region === "330000" || r.status !== "approved")
          continue;
        if (target && r.numerator !== null && r.denominator) {
          out.set(r.region, r.numerator / r.denominator / target);
        }
      }
      return out;
    };
    const october = await completions(10);
    const september = await completions(9);
    expect(october.size).toBe(11);
    const points = (code: string) =>
      ((october.get(code) as number) - (september.get(code) as number)) * 100;
    const shown = (pp: number) => `${pp < 0 ? "\u2212" : "+"}${Math.abs(pp).toFixed(1)} 个百分点`;
    const rankNow = (code: string) =>
      [...october.values()].sort((a, b) => b - a).indexOf(october.get(code) as number) + 1;

    await session.goto(ZHEJIANG_PREFAB);
    const panel = page.getByTestId("standings");
    await panel.waitFor();
    await expect(panel.textContent()).resolves.toContain("变化较2020年9月");
    for (const by of ["completion", "lag"]) {
      const table = page.getByTestId(`ranking-${by}`);
      await expect(table.locator("tbody tr.ant-table-row").count()).resolves.toBe(11);
      for (const code of ["331100", "330300", "330100"]) {
        const row = table.locator(`tbody tr[data-region="${code}"]`);
        const text = (await row.textContent()) ?? "";
        // A share's schedule is 100% all year: both rankings move by the same points.
        expect(text, `${by} ${code}`).toContain(shown(points(code)));
        expect(text.startsWith(String(rankNow(code))), `${by} ${code} rank`).toBe(true);
        await row.getByTestId(`quality-${code}`).waitFor();
      }
    }
    // The order held since September: every rank change reads "unchanged", none is missing.
    const moves = await page
      .getByTestId("ranking-completion")
      .locator(".rank-change")
      .evaluateAll((spans) => spans.map((s) => s.className));
    expect(moves).toHaveLength(11);
    expect(moves.every((c) => c.includes("rank-change-same"))).toBe(true);

    // The slow five hold the three cities interviewed that month.
    const slow = (await page.getByTestId("slow-five").textContent()) ?? "";
    for (const name of ["丽水市", "温州市", "金华市"]) expect(slow).toContain(name);
    const fast = (await page.getByTestId("fast-five").textContent()) ?? "";
    expect(fast).not.toContain("丽水市");

    // The quality tag explains itself.
    await page.getByTestId("quality-331100").first().hover();
    await expect
      .poll(() => page.locator(".ant-tooltip").last().textContent(), { timeout: 30_000 })
      .toContain("数据质量");

    // The legend, and no bar label crossed by the 100% (here also the schedule) line.
    await expect(page.getByTestId("comparison-legend").textContent()).resolves.toContain(
      "严重滞后",
    );
    const lineX = await page
      .locator(".ref-schedule line")
      .first()
      .evaluate((line) => {
        const box = line.getBoundingClientRect();
        return box.left + box.width / 2;
      });
    const labels = await page.locator("text.bar-label").evaluateAll((texts) =>
      texts.map((t) => ({
        left: t.getBoundingClientRect().left,
        right: t.getBoundingClientRect().right,
      })),
    );
    expect(labels).toHaveLength(11);
    for (const box of labels) {
      expect(lineX < box.left - 1 || lineX > box.right + 1, JSON.stringify(box)).toBe(true);
    }
    await page.getByTestId("quality-331100").first().blur();
    await page.mouse.move(0, 0);
    await page.locator(".ant-tooltip:not(.ant-tooltip-hidden)").waitFor({ state: "detached" });
    // Hovering scrolled the page; a full-page shot from the top keeps the fixed header in place.
    await page.evaluate(() => window.scrollTo(0, 0));
    await session.screenshot("comparison-rankings");
    await session.close();
  });

  it("reads the rankings' changes in English, places and points, no label crossed by a line (shantytown starts)", async () => {
    const session = await openSession(browser(), { language: "en" });
    const { page } = session;
    // A cumulative indicator in October: the schedule (10/12) and 100% are two lines.
    await session.goto("/comparison?region=330000&year=2020&month=10&indicator=shantytown_starts");
    const table = page.getByTestId("ranking-lag");
    await table.locator("tbody tr.ant-table-row").first().waitFor();
    await expect(table.textContent()).resolves.toMatch(/[+\u2212]\d+\.\d pp/);
    const moves = await page
      .getByTestId("ranking-completion")
      .locator(".rank-change")
      .allTextContents();
    expect(moves.some((m) => /↑\d/.test(m))).toBe(true);
    expect(moves.some((m) => /↓\d/.test(m))).toBe(true);
    await expect(page.getByTestId("standings").textContent()).resolves.toContain("Slowest five");
    await expect(page.getByTestId("comparison-legend").textContent()).resolves.toContain("100%");

    // The lines themselves, not their captions beside them.
    const lines = await page.locator(".ref-schedule line, .ref-full line").evaluateAll((els) =>
      els.map((line) => {
        const box = line.getBoundingClientRect();
        return box.left + box.width / 2;
      }),
    );
    expect(lines).toHaveLength(2);
    const labels = await page.locator("text.bar-label").evaluateAll((texts) =>
      texts.map((t) => {
        const box = t.getBoundingClientRect();
        return { left: box.left, right: box.right };
      }),
    );
    for (const box of labels) {
      for (const x of lines) {
        expect(x < box.left - 1 || x > box.right + 1, `${x} ${JSON.stringify(box)}`).toBe(true);
      }
    }
    await session.screenshot("comparison-rankings-en");
    await session.close();
  });

  it("shows Wenzhou, Jinhua and Lishui red and below the schedule line (Zhejiang prefab, Oct 2020)", async () => {
    const session = await openSession(browser());
    const { page } = session;
    await session.goto(ZHEJIANG_PREFAB);
    await page.locator("rect.comparison-bar").first().waitFor();

    await expect(page.locator("rect.comparison-bar").count()).resolves.toBe(11);
    // The schedule of a ratio indicator is 100% all year.
    await expect(page.getByTestId("comparison-chart").getAttribute("data-schedule")).resolves.toBe(
      "1",
    );
    const scheduleX = await page
      .locator(".ref-schedule")
      .first()
      .evaluate((line) => {
        const box = line.getBoundingClientRect();
        return box.left + box.width / 2;
      });

    for (const code of ["330300", "330700", "331100"]) {
      const bar = page.locator(`rect.comparison-bar[data-region="${code}"]`);
      await expect(bar.getAttribute("fill")).resolves.toBe(RED);
      await expect(bar.getAttribute("data-status")).resolves.toBe("red");
      const right = await bar.evaluate((rect) => rect.getBoundingClientRect().right);
      expect(right, `bar ${code} ends left of the schedule line`).toBeLessThan(scheduleX - 20);
    }
    // The others are not red, and the bars are sorted by completion, highest first.
    await expect(page.locator(`rect.comparison-bar[fill="${RED}"]`).count()).resolves.toBe(3);
    const completions = await page
      .locator("rect.comparison-bar")
      .evaluateAll((bars) => bars.map((bar) => Number(bar.getAttribute("data-completion"))));
    expect(completions).toEqual([...completions].sort((a, b) => b - a));

    // Labels and the table carry the numbers.
    const chartText = await page.getByTestId("comparison-chart").textContent();
    expect(chartText).toContain("62.1%");
    expect(chartText).toContain("序时进度 100.0%");
    const table = page.getByTestId("comparison-table");
    await expect(table.locator("tbody tr.ant-table-row").count()).resolves.toBe(11);
    const lishui = table.locator("tbody tr.ant-table-row", { hasText: "丽水市" });
    await expect(lishui.textContent()).resolves.toContain("55.3%");
    await expect(lishui.textContent()).resolves.toContain("−44.7 个百分点");
    await session.close();
  });

  it("sorts the table by a column header", async () => {
    const session = await openSession(browser());
    const { page } = session;
    await session.goto(ZHEJIANG_PREFAB);
    const table = page.getByTestId("comparison-table");
    await table.locator("tbody tr.ant-table-row").first().waitFor();
    await table.locator("th", { hasText: "完成率" }).click();
    await expect(table.locator("tbody tr.ant-table-row").first().textContent()).resolves.toContain(
      "丽水市",
    );
    await session.close();
  });

  it("drills down from a bar to the region, up by the breadcrumb, and back with the browser", async () => {
    const session = await openSession(browser());
    const { page } = session;
    await session.goto(ZHEJIANG_PREFAB);
    await page.locator('rect.comparison-bar[data-region="330300"]').click();

    await page.getByTestId("trend-card").first().waitFor();
    expect(new URL(page.url()).searchParams.get("region")).toBe("330300");
    const breadcrumb = page.getByTestId("region-breadcrumb");
    await expect.poll(() => breadcrumb.textContent()).toMatch(/浙江省.*温州市/);
    // The indicator we came from comes first, red, with its trend chart.
    const first = page.getByTestId("trend-card").first();
    await expect(first.getAttribute("data-indicator")).resolves.toBe("prefab_share");
    await first.locator(".recharts-line-curve").first().waitFor({ state: "attached" });
    await expect(first.getAttribute("data-status")).resolves.toBe("red");
    await expect(first.textContent()).resolves.toContain("62.1%");

    await breadcrumb.getByRole("link", { name: "浙江省" }).click();
    await page.getByTestId("child-region").first().waitFor();
    expect(new URL(page.url()).searchParams.get("region")).toBe("330000");
    await expect(page.getByTestId("child-region").count()).resolves.toBe(11);

    await page.goBack();
    await page.waitForURL(/region=330300/);
    await expect
      .poll(() => page.getByTestId("region-breadcrumb").textContent())
      .toContain("温州市");
    await page.goBack();
    await page.locator("rect.comparison-bar").first().waitFor();
    expect(new URL(page.url()).pathname).toBe("/comparison");
    await session.close();
  });

  it("compares a city's group when it is opened with a city that has no sub-regions", async () => {
    const session = await openSession(browser());
    const { page } = session;
    await session.goto("/comparison?region=330300&year=2020&month=10&indicator=prefab_share");
    await page.locator("rect.comparison-bar").first().waitFor();
    expect(new URL(page.url()).searchParams.get("region")).toBe("330000");
    await expect(page.locator("rect.comparison-bar").count()).resolves.toBe(11);
    await session.close();
  });

  it("shows figures awaiting approval only when asked, marked as such", async () => {
    // Zhoushan's bureau submits January 2023 (a month nobody else touches) through the API.
    const bureau = await browser().newContext();
    const api = (path: string) => `${inject("baseUrl")}/api${path}`;
    const login = await bureau.request.post(api("/auth/login"), {
      data: { username: "zs_reporter", password: DEMO_PASSWORD },
    });
    expect(login.status()).toBe(200);
    const headers = { "x-csrf-token": ((await login.json()) as { csrfToken: string }).csrfToken };
    const month = api("/submissions/330900/2023/1");
    // A retry finds the month already submitted by the first attempt.
    const form = (await (await bureau.request.get(month)).json()) as { status: string | null };
    if (form.status !== "submitted") {
      const saved = await bureau.request.put(month, {
        headers,
        data: { baseVersion: 0, entries: [{ indicator: "shantytown_starts", value: 37 }] },
      });
      expect(saved.status()).toBe(200);
      const { version } = (await saved.json()) as { version: number };
      expect(
        (await bureau.request.post(`${month}/submit`, { headers, data: { version } })).status(),
      ).toBe(200);
    }
    await bureau.close();

    const session = await openSession(browser());
    const { page } = session;
    await session.goto("/comparison?region=330000&year=2023&month=1&indicator=shantytown_starts");
    const toggle = page.getByTestId("include-submitted");
    await toggle.waitFor();
    await expect(page.getByTestId("provisional-330900").count()).resolves.toBe(0);
    await toggle.click();
    await page.getByTestId("provisional-330900").waitFor();
    expect(new URL(page.url()).searchParams.get("include")).toBe("submitted");
    const row = page.locator("tr", { has: page.getByTestId("provisional-330900") });
    await expect(row.textContent()).resolves.toContain("37");
    await expect(page.getByTestId("provisional-330900").textContent()).resolves.toBe("待审核");
    // No targets for 2023 yet: no bar claims a rate of 0%.
    const chart = page.getByTestId("comparison-chart");
    await chart.locator("text", { hasText: "丽水市" }).first().waitFor();
    const texts = await chart.locator("text").allTextContents();
    expect(texts).not.toContain("0.0%");
    expect(texts.filter((text) => text === "—")).toHaveLength(11);
    await session.screenshot("comparison-provisional");
    await session.close();
  });
});
