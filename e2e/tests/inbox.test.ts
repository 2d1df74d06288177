import { describe, expect, it } from "vitest";
import { useBrowser } from "../support/browser.js";
import { openFromInbox, returnFromApprovals, sendMonthIn, signedInAt } from "../support/months.js";

const browser = useBrowser();

// Wenzhou's August 2023: no other test touches it (latest-period takes June, the month cycle
// December 2022). The test's own copies of the Zhejiang official and the Wenzhou bureau sign in.
const REGION = "330300";
const YEAR = 2023;
const MONTH = 8;
const CARD = `approval-${REGION}-${YEAR}-${MONTH}`;
const REASON = "棚改新开工数与台账不符，请核对后重报";

describe("the inbox", () => {
  it("the province returns Wenzhou's month; its bureau sees the bell, opens the inbox and lands on the returned form", async () => {
    // The bureau sends the month in through the API.
    await sendMonthIn(browser(), {
      username: "inbox_wenzhou",
      region: REGION,
      year: YEAR,
      month: MONTH,
      value: 14,
    });

    // The official returns it from the approvals queue, with a reason; the bell told them of it.
    const official = await signedInAt(browser(), "inbox_zhejiang", "/approvals");
    const op = official.page;
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
    await returnFromApprovals(op, { region: REGION, year: YEAR, month: MONTH, reason: REASON });
    await official.close();

    // The bureau signs in: the bell counts the return.
    const reporter = await signedInAt(browser(), "inbox_wenzhou", "/");
    const rp = reporter.page;

    // The inbox lists it with the reason; clicking it marks it read and opens the form.
    await openFromInbox(
      rp,
      {
        region: REGION,
        year: YEAR,
        month: MONTH,
        kind: "month_returned",
        text: [`温州市${YEAR}年${MONTH}月月报被退回`, REASON],
      },
      () => reporter.screenshot("inbox-zh-CN-desktop"),
    );
    await rp.getByTestId("entry-form").waitFor();
    await expect(rp.getByTestId("entry-form").getAttribute("data-status")).resolves.toBe(
      "returned",
    );
    await expect(rp.getByTestId("entry-returned-reason").textContent()).resolves.toBe(REASON);
    await reporter.screenshot("inbox-returned-form-zh-CN-desktop");
    await reporter.close();
  });
});
