import { describe, expect, inject, it } from "vitest";
import { signIn } from "../support/auth.js";
import { openSession, useBrowser } from "../support/browser.js";

const browser = useBrowser();

// Wenzhou's August 2023: no other test touches it (latest-period takes June, the month cycle
// December 2022). The test's own copies of the Zhejiang official and the Wenzhou bureau sign in.
const REGION = "330300";
const YEAR = 2023;
const MONTH = 8;
const ENTRY = `/entry?region=${REGION}&year=${YEAR}&month=${MONTH}`;
const CARD = `approval-${REGION}-${YEAR}-${MONTH}`;
const REASON = "棚改新开工数与台账不符，请核对后重报";

describe("the inbox", () => {
  it("the province returns Wenzhou's month; its bureau sees the bell, opens the inbox and lands on the returned form", async () => {
    // The bureau sends the month in through the API.
    const bureau = await browser().newContext();
    const api = (path: string) => `${inject("baseUrl")}/api${path}`;
    const login = await bureau.request.post(api("/auth/login"), {
      data: { username: "inbox_wenzhou", password: "Jindu@2026" },
    });
    expect(login.status()).toBe(200);
    const headers = { "x-csrf-token": ((await login.json()) as { csrfToken: string }).csrfToken };
    const month = api(`/submissions/${REGION}/${YEAR}/${MONTH}`);
    const form = (await (await bureau.request.get(month)).json()) as {
      status: string | null;
      version: number;
    };
    let version = form.version;
    if (form.status !== "submitted") {
      const saved = await bureau.request.put(month, {
        headers,
        data: { baseVersion: version, entries: [{ indicator: "shantytown_starts", value: 14 }] },
      });
      expect(saved.status(), await saved.text()).toBe(200);
      version = ((await saved.json()) as { version: number }).version;
      const sent = await bureau.request.post(`${month}/submit`, { headers, data: { version } });
      expect(sent.status(), await sent.text()).toBe(200);
    }
    await bureau.close();

    // The official returns it from the approvals queue, with a reason; the bell told them of it.
    const official = await openSession(browser(), { signedIn: false });
    const op = official.page;
    await official.goto("/approvals");
    await op.waitForURL((u) => u.pathname === "/login");
    await signIn(op, "inbox_zhejiang");
    await op.getByTestId(CARD).waitFor();
    const officialBell = op.getByTestId("bell");
    await expect
      .poll(async () => Number(await officialBell.getAttribute("data-count")))
      .toBeGreaterThan(0);
    await officialBell.click();
    await op
      .locator('.inbox-item[data-kind="month_submitted"][data-link="/approvals"]')
      .first()
      .waitFor();
    await expect(op.getByTestId("inbox").textContent()).resolves.toContain(
      `温州市${YEAR}年${MONTH}月月报待审核`,
    );
    // 全部标为已读: the bell goes quiet.
    await op.getByTestId("inbox-read-all").click();
    await expect.poll(async () => Number(await officialBell.getAttribute("data-count"))).toBe(0);
    await officialBell.click();
    await op.getByTestId("inbox").waitFor({ state: "hidden" });
    await op.getByTestId(`return-${REGION}-${YEAR}-${MONTH}`).click();
    await op.getByTestId("reason-input").fill(REASON);
    await op.getByTestId("reason-ok").click();
    await op.getByTestId(CARD).waitFor({ state: "detached" });
    await official.close();

    // The bureau signs in: the bell counts the return.
    const reporter = await openSession(browser(), { signedIn: false });
    const rp = reporter.page;
    await reporter.goto("/");
    await rp.waitForURL((u) => u.pathname === "/login");
    await signIn(rp, "inbox_wenzhou");
    const bell = rp.getByTestId("bell");
    await bell.waitFor();
    await expect
      .poll(async () => Number(await bell.getAttribute("data-count")))
      .toBeGreaterThanOrEqual(1);
    const before = Number(await bell.getAttribute("data-count"));
    await expect(rp.locator("[data-testid=bell] .ant-badge-count").textContent()).resolves.toBe(
      String(before),
    );

    // The inbox lists it with the reason; clicking it marks it read and opens the form.
    await bell.click();
    await rp.getByTestId("inbox").waitFor();
    const item = rp.locator(`.inbox-item[data-link="${ENTRY}"][data-kind="month_returned"]`);
    await item.first().waitFor();
    await expect(item.first().getAttribute("data-unread")).resolves.toBe("true");
    await expect(item.first().textContent()).resolves.toContain(
      `温州市${YEAR}年${MONTH}月月报被退回`,
    );
    await expect(item.first().textContent()).resolves.toContain(REASON);
    await reporter.screenshot("inbox-zh-CN-desktop");
    await item.first().click();
    await rp.waitForURL((u) => u.pathname === "/entry");
    const url = new URL(rp.url());
    expect([url.searchParams.get("year"), url.searchParams.get("month")]).toEqual([
      String(YEAR),
      String(MONTH),
    ]);
    await rp.getByTestId("entry-form").waitFor();
    await expect(rp.getByTestId("entry-form").getAttribute("data-status")).resolves.toBe(
      "returned",
    );
    await expect(rp.getByTestId("entry-returned-reason").textContent()).resolves.toBe(REASON);
    await expect.poll(async () => Number(await bell.getAttribute("data-count"))).toBe(before - 1);
    await reporter.screenshot("inbox-returned-form-zh-CN-desktop");
    await reporter.close();
  });
});
