import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startReceiver } from "../../apps/api/test/support/receivers.js";
import { signIn } from "../support/auth.js";
import { openSession, useBrowser } from "../support/browser.js";

const browser = useBrowser();
let robot: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  robot = await startReceiver(() => ({ status: 200, json: { errcode: 0, errmsg: "ok" } }));
});
afterAll(() => robot?.close());

describe("notification channels and preferences", () => {
  it("the administrator adds a 企业微信 robot, its address is masked, and a test message reaches it", async () => {
    const session = await openSession(browser(), { signedIn: false });
    const { page } = session;
    await session.goto("/admin/channels");
    await page.waitForURL((url) => url.pathname === "/login");
    await signIn(page, "channels_admin");
    await page.waitForURL((url) => url.pathname === "/admin/channels");
    await page.getByTestId("add-channel").click();
    await page.getByTestId("channel-kind").click();
    await page.locator(".ant-select-item-option[title='企业微信群机器人']").click();
    const name = `浙江督办群 ${Date.now().toString(36)}`;
    await page.getByTestId("channel-name").fill(name);
    await page
      .getByTestId("channel-url")
      .fill(`${robot.base}/cgi-bin/webhook/send?key=secret-key-42`);
    await session.screenshot("channels-form");
    await page.locator(".ant-modal-footer .ant-btn-primary").click();
    const row = page.locator("[data-testid=channels] tr.ant-table-row", { hasText: name });
    await row.waitFor();
    await expect(page.locator("body").textContent()).resolves.not.toContain("secret-key-42");
    await row.getByRole("button", { name: "发送测试" }).click();
    await page.getByText("测试消息已送达").waitFor();
    const sent = robot.received.at(-1);
    expect(sent?.query.get("key")).toBe("secret-key-42");
    expect(JSON.parse(sent?.body ?? "{}")).toMatchObject({
      msgtype: "markdown",
      markdown: { content: expect.stringContaining("进度系统测试消息") },
    });
    await session.screenshot("channels-list");
    await page.getByRole("tab", { name: "定时任务" }).click();
    await page.getByTestId("scheduled-runs").waitFor();
    await page.getByRole("tab", { name: "发送记录" }).click();
    await page.getByTestId("delivery-log").waitFor();
    await session.screenshot("channels-log");
    await session.close();
  });

  it("a bureau switches e-mail off for returned months, and it stays off", async () => {
    const session = await openSession(browser(), { signedIn: false });
    const { page } = session;
    await session.goto("/");
    await page.waitForURL((url) => url.pathname === "/login");
    await signIn(page, "channels_wenzhou");
    await page.getByTestId("user-menu").click();
    await page.getByTestId("notification-settings").click();
    await page.waitForURL((url) => url.pathname === "/notifications/settings");
    const email = page.getByTestId("pref-month_returned-email");
    await expect(email.getAttribute("aria-checked")).resolves.toBe("true");
    await email.click();
    await page.getByText("已保存").first().waitFor();
    await page.reload();
    await expect
      .poll(() => page.getByTestId("pref-month_returned-email").getAttribute("aria-checked"), {
        timeout: 30_000,
      })
      .toBe("false");
    await expect(
      page.getByTestId("pref-month_returned-inbox").getAttribute("aria-checked"),
    ).resolves.toBe("true");
    await session.screenshot("notification-settings");
    await session.close();
  });

  it("the province official turns on the monthly bulletin push", async () => {
    const session = await openSession(browser(), { signedIn: false });
    const { page } = session;
    await session.goto("/admin/settings");
    await page.waitForURL((url) => url.pathname === "/login");
    await signIn(page, "channels_zhejiang");
    await page.waitForURL((url) => url.pathname === "/admin/settings");
    const panel = page.getByTestId("reminder-settings");
    await panel.waitFor();
    await panel.getByTestId("bulletin-push").click();
    await panel.getByTestId("bulletin-day").fill("12");
    await panel.getByTestId("save-reminders").click();
    await page.getByText("已保存").first().waitFor();
    await session.screenshot("settings-reminders");
    const saved = await page.request.get(
      `${new URL(page.url()).origin}/api/settings/provinces/330000/reporting`,
    );
    expect((await saved.json()).bulletinDay).toBe(12);
    // Back as it was for the other tests.
    await panel.getByTestId("bulletin-push").click();
    await panel.getByTestId("save-reminders").click();
    await expect
      .poll(
        async () =>
          (
            await (
              await page.request.get(
                `${new URL(page.url()).origin}/api/settings/provinces/330000/reporting`,
              )
            ).json()
          ).bulletinDay,
        { timeout: 30_000 },
      )
      .toBeNull();
    await session.close();
  });
});
