import { describe, expect, it } from "vitest";
import { CHASE_BUREAU } from "../support/auth.js";
import { useBrowser } from "../support/browser.js";
import { openFromInbox, returnFromApprovals, sendMonthIn, signedInAt } from "../support/months.js";

const browser = useBrowser();

// Zhejiang's October 2023: no other test touches it. Wenzhou's month is sent in and returned;
// Huzhou, whose only bureau account is this test's own, is missing and gets the 催报.
const WENZHOU = "330300";
const HUZHOU = CHASE_BUREAU.regionCode;
const YEAR = 2023;
const MONTH = 10;
const REASON = "危房改造户数与台账不符，请核对后重报";
const MESSAGE = "请于本周五前报送十月数据";
const POLL = { timeout: 30_000 };

describe("the chase loop", () => {
  it("a returned month reaches its bureau through the inbox; a 催报 reaches a missing bureau, and the chase list shows it sent and read", async () => {
    await sendMonthIn(browser(), {
      username: "chase_wenzhou",
      region: WENZHOU,
      year: YEAR,
      month: MONTH,
      value: 21,
    });
    const official = await signedInAt(browser(), "chase_zhejiang", "/approvals");
    const op = official.page;
    await returnFromApprovals(op, { region: WENZHOU, year: YEAR, month: MONTH, reason: REASON });

    // Wenzhou's bureau: the bell counts the return; the inbox opens the returned form.
    const reporter = await signedInAt(browser(), "chase_wenzhou", "/");
    const rp = reporter.page;
    await openFromInbox(rp, {
      region: WENZHOU,
      year: YEAR,
      month: MONTH,
      kind: "month_returned",
      text: [`温州市${YEAR}年${MONTH}月月报被退回`, REASON],
    });
    await rp.getByTestId("entry-form").waitFor();
    await expect(rp.getByTestId("entry-form").getAttribute("data-status")).resolves.toBe(
      "returned",
    );
    await expect(rp.getByTestId("entry-returned-reason").textContent()).resolves.toBe(REASON);
    await reporter.close();

    // The official chases Huzhou from the completeness screen.
    await official.goto(`/completeness?region=330000&year=${YEAR}&month=${MONTH}`);
    const list = op.getByTestId("chase-list");
    await list.waitFor();
    const huzhou = list.locator(`li[data-region="${HUZHOU}"]`);
    // Wenzhou sent its month in (late): it is listed, but there is nothing to chase it for.
    await list.locator(`li[data-region="${WENZHOU}"]`).waitFor();
    await expect(
      list.locator(`li[data-region="${WENZHOU}"] [data-testid=chase-pick]`).count(),
    ).resolves.toBe(0);
    const picks = list.getByTestId("chase-pick");
    const missing = await picks.count();
    expect(missing).toBeGreaterThan(1);
    const checked = list.locator(".ant-checkbox-checked");
    const send = op.getByTestId("chase-send");
    await expect(send.isDisabled()).resolves.toBe(true);
    // 全选未报送 picks every missing region, and again none.
    await op.getByTestId("chase-select-all").click();
    await expect(checked.count()).resolves.toBe(missing);
    await expect(send.textContent()).resolves.toContain(`（${missing}）`);
    await op.getByTestId("chase-select-all").click();
    await expect(checked.count()).resolves.toBe(0);
    await huzhou.getByTestId("chase-pick").click();
    await op.getByTestId("chase-message").fill(MESSAGE);
    await expect(send.textContent()).resolves.toContain("（1）");
    await official.screenshot("chase-picked-zh-CN-desktop");
    await send.click();
    const last = huzhou.getByTestId("last-chased");
    await last.waitFor(POLL);
    await expect(last.textContent()).resolves.toContain("上次催报：浙江省住建厅");
    await expect(last.textContent()).resolves.toContain("未读");
    await expect(list.getByTestId("last-chased").count()).resolves.toBe(1);
    await expect(checked.count()).resolves.toBe(0);
    await official.screenshot("chase-sent-zh-CN-desktop");

    // Huzhou's bureau: the 催报 in its inbox leads to the month's entry page (Huzhou has no
    // targets for 2023 in the demo data, so the page says there is nothing to fill in).
    const bureau = await signedInAt(browser(), CHASE_BUREAU.username, "/");
    await openFromInbox(bureau.page, {
      region: HUZHOU,
      year: YEAR,
      month: MONTH,
      kind: "month_chased",
      text: [`催报：请尽快报送湖州市${YEAR}年${MONTH}月月报`, MESSAGE],
    });
    await expect(bureau.page.getByTestId("entry-region").textContent()).resolves.toBe("湖州市");
    await bureau.screenshot("chase-bureau-entry-zh-CN-desktop");
    await bureau.close();

    // Back on the official's screen, the reminder shows read.
    await op.reload();
    await expect.poll(async () => (await last.textContent()) ?? "", POLL).toContain("已读");
    await official.screenshot("chase-read-zh-CN-desktop");
    await official.close();
  }, 240_000);
});
