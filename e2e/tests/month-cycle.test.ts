import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { signIn } from "../support/auth.js";
import {
  DESKTOP,
  openSession,
  PHONE,
  SCREENSHOT_DIR,
  type Session,
  useBrowser,
} from "../support/browser.js";

const browser = useBrowser();

// Wenzhou is one of Zhejiang's two cities that have not reported December 2022 in the demo data,
// so in a fresh database the month is open and the walk below can start from nothing.
const REGION = "330300";
const YEAR = 2022;
const MONTH = 12;
const INDICATOR = "shantytown_starts";
const FORM = `/api/submissions/${REGION}/${YEAR}/${MONTH}`;
const ENTRY = `/entry?region=${REGION}&year=${YEAR}&month=${MONTH}`;
const CARD = `approval-${REGION}-${YEAR}-${MONTH}`;
const REASON = "棚改新开工数与台账不符，请核对后重报";

interface FormLine {
  indicator: { code: string };
  target: number | null;
  previous: { value: number | null };
  pastIncrements: number[];
}

const grouped = (n: number) => new Intl.NumberFormat("zh-CN").format(n);
const percent = (f: number) => `${(f * 100).toFixed(1)}%`;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

/** An antd number input by the test id it carries (on the input itself or around it). */
const numberInput = (page: Page, id: string) =>
  page.locator(`input[data-testid="${id}"], [data-testid="${id}"] input`).first();

async function formStatus(page: Page) {
  return page.getByTestId("entry-form").getAttribute("data-status");
}

/** Opens a path, signing in first if the app sends the browser to the sign-in page. */
async function openAs(session: Session, path: string, username: string, ready: string) {
  await session.goto(path);
  const { page } = session;
  await page.waitForFunction(
    (id) =>
      location.pathname === "/login" || document.querySelector(`[data-testid="${id}"]`) !== null,
    ready,
  );
  if (new URL(page.url()).pathname === "/login") {
    await page.getByTestId("login-username").waitFor();
    await signIn(page, username);
  }
  await page.getByTestId(ready).first().waitFor();
}

describe("a month's cycle in the browser", () => {
  it("walks Wenzhou's December 2022: enter, explain, submit, return, fix, resubmit, approve, rank, bulletin", async () => {
    // The bureau signs in through the sign-in page and comes back to the month it asked for.
    // (Without a month in the address it opens the month being reported now: latest-period.)
    const reporter = await openSession(browser(), { signedIn: false });
    const rp = reporter.page;
    await reporter.goto(ENTRY);
    await rp.waitForURL((url) => url.pathname === "/login");
    await signIn(rp, "wenzhou");
    await rp.getByTestId("entry-form").waitFor();
    const url = new URL(rp.url());
    expect(url.pathname).toBe("/entry");
    expect(url.searchParams.get("year")).toBe(String(YEAR));
    expect(url.searchParams.get("month")).toBe(String(MONTH));
    await expect(rp.getByTestId("entry-region").textContent()).resolves.toBe("温州市");
    await expect(formStatus(rp)).resolves.toBe("none");

    const form = (await (await rp.request.get(`${inject("baseUrl")}${FORM}`)).json()) as {
      entries: FormLine[];
    };
    const line = form.entries.find((e) => e.indicator.code === INDICATOR) as FormLine;
    const previous = line.previous.value as number;
    const target = line.target as number;
    expect(previous).toBeGreaterThan(0);
    expect(target).toBeGreaterThan(0);
    await expect(rp.getByTestId(`entry-previous-${INDICATOR}`).textContent()).resolves.toBe(
      `${grouped(previous)}套`,
    );
    await expect(rp.getByTestId(`entry-target-${INDICATOR}`).textContent()).resolves.toBe(
      `${grouped(target)}套`,
    );

    // Below last month's year-to-date: an inline error, and nothing can be saved or sent.
    const value = numberInput(rp, `entry-value-${INDICATOR}`);
    await value.fill(String(previous - 5));
    const error = rp.getByTestId(`entry-error-${INDICATOR}`);
    await error.waitFor();
    await expect(error.textContent()).resolves.toContain("低于上月已审核的累计数");
    await expect(rp.getByTestId("entry-submit").isDisabled()).resolves.toBe(true);
    await expect(rp.getByTestId("entry-save").isDisabled()).resolves.toBe(true);

    // Over half the annual target in one month: a warning that asks for an explanation.
    const jump = previous + Math.ceil(0.6 * target);
    await value.fill(String(jump));
    await error.waitFor({ state: "detached" });
    const warning = rp.getByTestId(`entry-warning-${INDICATOR}`);
    await warning.waitFor();
    await expect(warning.textContent()).resolves.toContain("超过年度目标");
    await expect(rp.getByTestId(`entry-completion-${INDICATOR}`).textContent()).resolves.toBe(
      percent(jump / target),
    );
    await expect(rp.getByTestId("entry-submit").isDisabled()).resolves.toBe(true);
    await rp.getByTestId(`entry-explanation-${INDICATOR}`).fill("12月集中开工两个大型安置项目");
    await expect(rp.getByTestId("entry-submit").isDisabled()).resolves.toBe(false);
    await reporter.screenshot("entry-warning-zh-CN-desktop");

    await rp.getByTestId("entry-submit").click();
    await rp.getByTestId("entry-submit-confirm").click();
    await expect.poll(() => formStatus(rp)).toBe("submitted");
    await expect(rp.getByTestId("entry-submit").count()).resolves.toBe(0);

    // The province official sees it in the queue, with the warning and its explanation.
    const official = await openSession(browser(), { signedIn: false });
    const op = official.page;
    await official.goto("/approvals");
    await op.waitForURL((u) => u.pathname === "/login");
    await signIn(op, "zhejiang");
    const card = op.getByTestId(CARD);
    await card.waitFor();
    const flagged = op.getByTestId(`approval-warning-${REGION}-${YEAR}-${MONTH}-${INDICATOR}`);
    await expect(flagged.textContent()).resolves.toContain("12月集中开工两个大型安置项目");
    await expect(card.textContent()).resolves.toContain(`+${grouped(jump - previous)}套`);
    await official.screenshot("approvals-zh-CN-desktop");
    // The queue on a phone (loaded at that width, so the menu starts folded away).
    await op.setViewportSize({ width: 375, height: PHONE.height });
    await openAs(official, "/approvals", "zhejiang", CARD);
    await official.screenshot("approvals-zh-CN-phone");
    await op.setViewportSize(DESKTOP);
    await openAs(official, "/approvals", "zhejiang", CARD);

    // Returned with a reason: the reason is required.
    await op.getByTestId(`return-${REGION}-${YEAR}-${MONTH}`).click();
    await op.getByTestId("reason-ok").click();
    await op.locator(".ant-form-item-explain-error").waitFor();
    await op.getByTestId("reason-input").fill(REASON);
    await op.getByTestId("reason-ok").click();
    await card.waitFor({ state: "detached" });

    // The bureau sees the reason first thing, fixes the figure and sends the month again, this
    // time from a phone.
    await rp.setViewportSize({ width: 375, height: PHONE.height });
    await openAs(reporter, ENTRY, "wenzhou", "entry-form");
    await expect(formStatus(rp)).resolves.toBe("returned");
    await expect(rp.getByTestId("entry-returned-reason").textContent()).resolves.toBe(REASON);
    const fixed = previous + Math.max(1, Math.round(median(line.pastIncrements)));
    await numberInput(rp, `entry-value-${INDICATOR}`).fill(String(fixed));
    await rp.getByTestId(`entry-warning-${INDICATOR}`).waitFor({ state: "detached" });
    await expect(rp.getByTestId(`entry-completion-${INDICATOR}`).textContent()).resolves.toBe(
      percent(fixed / target),
    );
    await rp.screenshot({ path: `${SCREENSHOT_DIR}entry-returned-zh-CN-phone-top.png` });
    await reporter.screenshot("entry-returned-zh-CN-phone");
    await rp.getByTestId("entry-save").click();
    await expect.poll(() => formStatus(rp)).toBe("draft");
    await rp.getByTestId("entry-submit").click();
    await rp.getByTestId("entry-submit-confirm").click();
    await expect.poll(() => formStatus(rp)).toBe("submitted");
    await rp.setViewportSize(DESKTOP);

    // The official reads the history and approves.
    await openAs(official, "/approvals", "zhejiang", CARD);
    await op.getByTestId(`history-${REGION}-${YEAR}-${MONTH}`).click();
    const history = op.getByTestId("history-table");
    await history.locator("tbody tr.ant-table-row").first().waitFor();
    const revisions = await history.locator("tbody tr.ant-table-row").allTextContents();
    expect(revisions.some((r) => r.includes("退回") && r.includes(REASON))).toBe(true);
    expect(
      // In the indicator's unit, as typed (a rate would read 92.5%).
      revisions.some((r) => r.includes(`${grouped(jump)}套 → ${grouped(fixed)}套`)),
      revisions.join("\n"),
    ).toBe(true);
    await official.screenshot("approvals-history-zh-CN-desktop");
    await op.keyboard.press("Escape");
    await op.getByTestId(`approve-${REGION}-${YEAR}-${MONTH}`).click();
    await op.getByTestId("approve-confirm").click();
    await card.waitFor({ state: "detached" });

    // The bureau's form is now approved and locked.
    await openAs(reporter, ENTRY, "wenzhou", "entry-form");
    await expect(formStatus(rp)).resolves.toBe("approved");
    await expect(numberInput(rp, `entry-value-${INDICATOR}`).isDisabled()).resolves.toBe(true);
    await reporter.close();

    // The comparison dashboard counts Wenzhou's new figure, at the rank the API gives it.
    const progress = (await (
      await op.request.get(
        `${inject("baseUrl")}/api/progress?indicator=${INDICATOR}&parent=330000&year=${YEAR}&month=${MONTH}`,
      )
    ).json()) as { children: { region: { code: string }; actual: number; rank: number | null }[] };
    const wenzhou = progress.children.find((c) => c.region.code === REGION);
    expect(wenzhou?.actual).toBe(fixed);
    expect(wenzhou?.rank).toBeGreaterThan(0);
    await openAs(
      official,
      `/comparison?region=330000&year=${YEAR}&month=${MONTH}&indicator=${INDICATOR}`,
      "zhejiang",
      "comparison-summary",
    );
    // The detail table (the two rankings below it list Wenzhou too).
    const row = op.getByTestId("comparison-table").locator(".ant-table-row", { hasText: "温州市" });
    await row.waitFor();
    const cells = await row.locator("td").allTextContents();
    expect(cells[0]).toBe(String(wenzhou?.rank));
    expect(cells.join("|")).toContain(`${grouped(fixed)}套`);
    expect(cells.join("|")).toContain(percent(fixed / target));

    // The monthly bulletin ranks Wenzhou on its new figures, reported late rather than missing.
    const bulletin = (await (
      await op.request.get(
        `${inject("baseUrl")}/api/bulletin?region=330000&year=${YEAR}&month=${MONTH}`,
      )
    ).json()) as {
      ranking: {
        rank: number | null;
        score: number | null;
        region: { code: string };
        timeliness: string;
        cells: { indicator: string; completion: number | null }[];
      }[];
      missing: { code: string }[];
    };
    const standing = bulletin.ranking.find((r) => r.region.code === REGION);
    expect(standing?.timeliness).toBe("late");
    expect(bulletin.missing.map((r) => r.code)).not.toContain(REGION);
    expect(standing?.cells.find((c) => c.indicator === INDICATOR)?.completion).toBeCloseTo(
      fixed / target,
      9,
    );
    await openAs(
      official,
      `/bulletin?region=330000&year=${YEAR}&month=${MONTH}`,
      "zhejiang",
      "bulletin-ranking",
    );
    const ranked = op.locator(`[data-testid=bulletin-ranking] tr[data-region="${REGION}"]`);
    await ranked.waitFor();
    const rankedCells = await ranked.locator("td").allTextContents();
    // Rank, its change since last month (较上月), region, score…
    expect(rankedCells[0]).toBe(String(standing?.rank));
    expect(rankedCells[2]).toBe("温州市");
    expect(rankedCells[3]).toBe(standing?.score?.toFixed(1));
    expect(rankedCells.join("|")).toContain("逾期");
    await official.close();
    // Two sessions and a dozen screens: on two shared cores the walk takes two minutes, and a
    // retry cannot help (the first attempt has already sent the month in).
  }, 300_000);

  it("shows the approved month to the bureau in English, and fits a phone", async () => {
    const session = await openSession(browser(), {
      signedIn: false,
      language: "en",
      viewport: { width: 375, height: PHONE.height },
    });
    const { page } = session;
    await openAs(session, ENTRY, "wenzhou", "entry-form");
    await expect(page.locator("h3").first().textContent()).resolves.toBe("Monthly data entry");
    await expect(page.getByTestId("submission-status").first().textContent()).resolves.toBe(
      "Approved",
    );
    await expect(page.getByTestId("entry-form").textContent()).resolves.toContain(
      "This month is approved and locked",
    );
    await expect(page.getByTestId(`entry-line-${INDICATOR}`).textContent()).resolves.toContain(
      "Shantytown renovation starts",
    );
    // Nothing sticks out sideways at 375 px.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await session.screenshot("entry-approved-en-phone");
    await page.screenshot({ path: `${SCREENSHOT_DIR}entry-approved-en-phone-top.png` });
    await session.close();
  });

  it("lets the province official fill in a city's form, with the same checks", async () => {
    const session = await openSession(browser(), { signedIn: false });
    const { page } = session;
    // Hangzhou has not reported December 2022 either; nothing is saved here. The session tests'
    // bureau is Hangzhou's too (global-setup: the only other open city), so when they ran first
    // the month holds their draft: still a month the official may fill in.
    await openAs(session, "/entry?region=330100&year=2022&month=12", "zhejiang", "entry-form");
    await expect(page.getByTestId("region-select").count()).resolves.toBe(1);
    await expect(page.getByTestId("entry-summary").textContent()).resolves.toContain("杭州市");
    expect(["none", "draft"]).toContain(await formStatus(page));

    // Typed as this month's increment, the year-to-date figure is last month's plus it.
    const previous = Number(
      ((await page.getByTestId(`entry-previous-${INDICATOR}`).textContent()) ?? "").replace(
        /[^\d.]/g,
        "",
      ),
    );
    expect(previous).toBeGreaterThan(0);
    await page.getByTestId("entry-mode").getByText("按当月新增填报").click();
    await numberInput(page, `entry-value-${INDICATOR}`).fill("40");
    await expect
      .poll(() => page.getByTestId(`entry-ytd-${INDICATOR}`).textContent())
      .toContain((previous + 40).toLocaleString("zh-CN"));
    await page.screenshot({ path: `${SCREENSHOT_DIR}entry-increment-mode.png` });
    await expect(page.getByTestId("entry-save").isDisabled()).resolves.toBe(false);
    await page.getByTestId("entry-mode").getByText("按累计填报").click();
    await expect(numberInput(page, `entry-value-${INDICATOR}`).inputValue()).resolves.toBe(
      String(previous + 40),
    );
    await expect(page.getByTestId(`entry-increment-${INDICATOR}`).textContent()).resolves.toContain(
      "40",
    );

    await numberInput(page, `entry-value-${INDICATOR}`).fill("12.5");
    await expect(page.getByTestId(`entry-error-${INDICATOR}`).textContent()).resolves.toContain(
      "须为整数",
    );
    await expect(page.getByTestId("entry-submit").isDisabled()).resolves.toBe(true);

    // Typed and not saved: leaving for another screen asks first, and staying keeps the figure.
    await page.getByTestId("nav-overview").click();
    const ask = page.locator(".ant-modal-confirm", { hasText: "有未保存的修改，确定离开吗？" });
    await ask.waitFor();
    await ask.getByRole("button", { name: "留在本页" }).click();
    await ask.waitFor({ state: "detached" });
    expect(new URL(page.url()).pathname).toBe("/entry");
    await expect(numberInput(page, `entry-value-${INDICATOR}`).inputValue()).resolves.toBe("12.5");
    await page.getByTestId("nav-overview").click();
    await ask.getByRole("button", { name: "离开，不保存" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    await session.close();
  });
});
