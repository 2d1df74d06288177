import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { signIn } from "../support/auth.js";
import { openSession, toggleLanguage, useBrowser } from "../support/browser.js";

const browser = useBrowser();

const api = (path: string) => `${inject("baseUrl")}/api${path}`;

async function apiGet<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(api(path));
  expect(res.status(), path).toBe(200);
  return (await res.json()) as T;
}

type Trend = { points: { month: number; actual: number | null }[]; target: number | null };

/** Shaoxing's rural seismic retrofits: no other browser test reads them. */
const REGION = "330600";
const INDICATOR = "rural_seismic";

const pct = (fraction: number) => `${(fraction * 100).toFixed(1)}%`;

describe("five-year plan progress", () => {
  it("a provincial official's 2021–2025 plan shows on the city's page with its progress against the schedule", async () => {
    const session = await openSession(browser(), { signedIn: false });
    const { page } = session;
    await session.goto("/login");
    await signIn(page, "zj_fiveyear");

    // The seeded yearly targets stay as they are (the dashboards' tests read them); the plan
    // adds 2023–2025.
    const [t2021, t2022] = await Promise.all(
      [2021, 2022].map((year) =>
        apiGet<Trend>(page, `/trend?indicator=${INDICATOR}&region=${REGION}&year=${year}`),
      ),
    );
    const y2021 = t2021?.target as number;
    const y2022 = t2022?.target as number;
    expect(y2021).toBeGreaterThan(0);
    const yearValues = [y2021, y2022, 800, 800, 800];
    const total = yearValues.reduce((a, b) => a + b, 0);
    const { csrfToken } = await apiGet<{ csrfToken: string }>(page, "/auth/session");
    const saved = await page.request.put(api("/targets/plans"), {
      headers: { "x-csrf-token": csrfToken },
      data: {
        indicator: INDICATOR,
        region: REGION,
        fromYear: 2021,
        toYear: 2025,
        total,
        yearValues,
      },
    });
    expect(saved.status(), await saved.text()).toBe(200);

    // Expected, from the yearly lines the trend charts draw: 2021's December figure and 2022's
    // June one; the pace holds 2021 to its whole share and 2022 to half of its share (due in
    // December, no seasonal profile).
    const at = (trend: Trend | undefined, month: number) =>
      trend?.points.find((p) => p.month === month)?.actual ?? 0;
    const done = at(t2021, 12) + at(t2022, 6);
    const completion = done / total;
    const schedule = (y2021 + y2022 * 0.5) / total;
    const lag = (completion - schedule) * 100;

    await session.goto(`/region?region=${REGION}&year=2022&month=6`);
    const card = page.getByTestId("plan-progress");
    await card.waitFor({ timeout: 30_000 });
    const item = card.locator(`[data-testid=plan-progress-item][data-indicator="${INDICATOR}"]`);
    await expect(card.textContent()).resolves.toContain("十四五规划进度");
    await expect(item.textContent()).resolves.toContain("2021—2025年");
    await expect(item.getByTestId("plan-completion").textContent()).resolves.toBe(pct(completion));
    await expect(item.getByTestId("plan-schedule").textContent()).resolves.toBe(pct(schedule));
    const points = `${lag < 0 ? "\u2212" : "+"}${Math.abs(lag).toFixed(1)} 个百分点`;
    await expect(item.getByTestId("plan-lag").textContent()).resolves.toBe(points);
    await expect(item.getByTestId("plan-done").textContent()).resolves.toBe(
      `累计完成 ${Math.round(done).toLocaleString("zh-CN")}户 / 规划总量 ${total.toLocaleString("zh-CN")}户`,
    );
    await card.scrollIntoViewIfNeeded();
    await session.screenshot("five-year-zh");

    // The province's page lists its city's plan under the city's name.
    await session.goto("/region?region=330000&year=2022&month=6");
    const city = page.locator(`[data-testid=plan-progress-item][data-region="${REGION}"]`);
    await city.waitFor({ timeout: 30_000 });
    await expect(city.getByTestId("plan-completion").textContent()).resolves.toBe(pct(completion));

    // In English.
    await session.goto(`/region?region=${REGION}&year=2022&month=6`);
    await toggleLanguage(page);
    await expect
      .poll(() => page.getByTestId("plan-progress").textContent(), { timeout: 30_000 })
      .toContain("Five-year plan progress");
    // English says which way the lag goes, as the trend cards beside it do.
    const size = Math.abs(lag).toFixed(1);
    await expect(item.getByTestId("plan-lag").textContent()).resolves.toBe(
      `${lag < 0 ? "behind" : "ahead"} by ${size} pp`,
    );
    await session.screenshot("five-year-en");
    await toggleLanguage(page);

    // A region without a plan shows no card.
    await session.goto("/region?region=330700&year=2022&month=6");
    await page.getByTestId("trend-card").first().waitFor({ timeout: 30_000 });
    await expect(page.getByTestId("plan-progress").count()).resolves.toBe(0);
    await session.close();
  });
});
