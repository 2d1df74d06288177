import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD, NEWCOMER, signIn, totpCode } from "../support/auth.js";
import { openSession, useBrowser } from "../support/browser.js";

const browser = useBrowser();

/** Each test signs in as its own account: a second sign-in of one account ends the first. */
const onLogin = (page: Page) => page.waitForURL((url) => url.pathname === "/login");

async function userMenuText(page: Page): Promise<string> {
  await page.getByTestId("user-menu").click();
  const who = page.getByTestId("user-menu-who");
  await who.waitFor();
  return (await who.textContent()) ?? "";
}

describe("sign-in", () => {
  it("asks zhejiang for an authenticator code, then returns to the page it wanted", async () => {
    const session = await openSession(browser(), { signedIn: false });
    const { page } = session;
    const wanted = "/comparison?region=330000&year=2020&month=10&indicator=prefab_share";
    await session.goto(wanted);
    await onLogin(page);
    expect(new URL(page.url()).searchParams.get("next")).toBe(wanted);
    await expect(page.locator(".auth-title").textContent()).resolves.toBe("登录");

    await page.getByTestId("login-username").fill("auth_zhejiang");
    await page.getByTestId("login-password").fill(DEMO_PASSWORD);
    await page.getByTestId("login-submit").click();
    await page.getByTestId("login-totp").waitFor();
    await expect(page.getByTestId("login-hint").textContent()).resolves.toContain("6位验证码");
    await page.getByTestId("login-totp").fill(totpCode("auth_zhejiang"));
    await page.getByTestId("login-submit").click();

    await page.locator("rect.comparison-bar").first().waitFor();
    const url = new URL(page.url());
    expect(`${url.pathname}${url.search}`).toBe(wanted);
    await expect(page.getByTestId("user-menu").textContent()).resolves.toContain("浙江省住建厅");
    const who = await userMenuText(page);
    expect(who).toContain("省级主管部门");
    expect(who).toContain("浙江省");
    await session.close();
  });

  it("says so when the password is wrong, and stays on the sign-in page", async () => {
    const session = await openSession(browser(), { signedIn: false });
    const { page } = session;
    await session.goto("/");
    await onLogin(page);
    await page.getByTestId("login-username").fill("auth_hangzhou");
    await page.getByTestId("login-password").fill("not-the-password");
    await page.getByTestId("login-submit").click();
    const error = page.getByTestId("login-error");
    await error.waitFor();
    await expect(error.textContent()).resolves.toBe(
      "用户名或密码错误（连续失败5次后账号将锁定15分钟）",
    );
    expect(new URL(page.url()).pathname).toBe("/login");
    await expect(page.getByTestId("login-totp").count()).resolves.toBe(0);
    await session.close();
  });

  it("gives wenzhou (a city bureau) Zhejiang's dashboards and no Guangdong", async () => {
    const session = await openSession(browser(), { signedIn: false });
    const { page } = session;
    await session.goto("/");
    await onLogin(page);
    await signIn(page, "auth_wenzhou");
    // A bureau starts where its work is: the month's form.
    await page.waitForURL((url) => url.pathname === "/entry");

    // With no region in the URL, the overview opens on the bureau's province.
    await session.goto("/");
    await page.getByTestId("indicator-tile").first().waitFor();
    await expect(page.locator("h3").first().textContent()).resolves.toContain("浙江省");
    const who = await userMenuText(page);
    expect(who).toContain("填报单位");
    expect(who).toContain("温州市");
    await page.keyboard.press("Escape");

    // The region selector offers Zhejiang and its cities, and no other province.
    await page.locator(".filter-region").click();
    const titles = page.locator(".ant-select-tree-title");
    await titles.first().waitFor();
    const offered = await titles.allTextContents();
    expect(offered).toContain("浙江省");
    expect(offered).toContain("温州市");
    expect(offered).not.toContain("广东省");
    expect(offered.some((name) => name.includes("广州"))).toBe(false);

    // Comparison of the bureau's whole province works; Guangdong is refused by the API itself.
    await session.goto("/comparison?region=330000&year=2020&month=10&indicator=prefab_share");
    await page.locator("rect.comparison-bar").first().waitFor();
    const refused = await page.request.get(
      `${inject("baseUrl")}/api/overview?region=440000&year=2020&month=3`,
    );
    expect(refused.status()).toBe(403);
    await session.close();
  });

  it("sends the administrator to the users screen, with no dashboards in the menu", async () => {
    const session = await openSession(browser(), { signedIn: false });
    const { page } = session;
    await session.goto("/");
    await onLogin(page);
    await signIn(page, "auth_admin");
    await page.waitForURL((url) => url.pathname === "/admin/users");
    await page.getByTestId("nav-admin-users").waitFor();
    await expect(page.getByTestId("nav-overview").count()).resolves.toBe(0);
    await expect(page.getByTestId("indicator-tile").count()).resolves.toBe(0);
    // A dashboard's address says the screen is not for this role, rather than showing refusals.
    await session.goto("/lagging?region=330000&year=2020&month=10");
    const notice = page.getByTestId("no-dashboard");
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toContain("此页面不适用于您的角色");
    await expect(notice.textContent()).resolves.toContain("系统管理员");
    await session.screenshot("no-dashboard-zh-CN-desktop");
    await session.close();
  });

  it("signs out to the sign-in page, after which the API answers 401", async () => {
    const session = await openSession(browser(), { signedIn: false });
    const { page } = session;
    await session.goto("/lagging?region=330000&year=2020&month=10");
    await onLogin(page);
    await signIn(page, "auth_leader");
    await page.locator("[data-testid=lagging-table] tbody tr.ant-table-row").first().waitFor();

    await page.getByTestId("user-menu").click();
    // The sign-out's own request, waited for by name: twice on CI this test waited 60 s for the
    // sign-in page without saying whether the request had been sent, answered, or never left.
    const signedOut = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/auth/logout");
    await page.getByTestId("sign-out").click();
    expect((await signedOut).status()).toBe(204);
    await onLogin(page);
    await expect(page.getByTestId("login-notice").textContent()).resolves.toBe("您已安全退出");
    await page.getByTestId("login-form").waitFor();

    const baseUrl = inject("baseUrl");
    const overview = await page.request.get(
      `${baseUrl}/api/overview?region=330000&year=2020&month=10`,
    );
    expect(overview.status()).toBe(401);
    await expect(
      page.request.get(`${baseUrl}/api/auth/session`).then((r) => r.status()),
    ).resolves.toBe(401);

    // The dashboard is out of reach until the next sign-in.
    await session.goto("/matrix?region=330000&year=2020&month=10");
    await onLogin(page);
    await session.close();
  });

  it("sends a user whose session ended elsewhere back to sign in, then to the same page", async () => {
    // An account without an authenticator: three sign-ins within a minute need no fresh codes
    // (each code is good once, and waiting for the next one ran this test past its timeout).
    const first = await openSession(browser(), { signedIn: false });
    const { page } = first;
    await first.goto("/?region=330000&year=2020&month=3");
    await onLogin(page);
    await signIn(page, "auth_leader");
    await page.getByTestId("indicator-tile").first().waitFor();

    // The same account signs in on another device: this session ends.
    const second = await openSession(browser(), { signedIn: false });
    await second.goto("/");
    await onLogin(second.page);
    await signIn(second.page, "auth_leader");
    await second.page.getByTestId("indicator-tile").first().waitFor();
    await second.close();

    await page.getByTestId("nav-lagging").click();
    await onLogin(page);
    await expect(page.getByTestId("login-notice").textContent()).resolves.toContain("会话已结束");
    const next = new URL(page.url()).searchParams.get("next");
    expect(next).toBe("/lagging?region=330000&year=2020&month=3");
    await signIn(page, "auth_leader");
    await page.locator("[data-testid=lagging-table] tbody tr.ant-table-row").first().waitFor();
    expect(new URL(page.url()).pathname).toBe("/lagging");

    // The one refused request was the lagging list, which the browser logs; nothing else.
    const refused = first.errors.splice(0);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toContain("status of 401");
    await first.close();
  });

  it("makes a new account choose a password and enrol an authenticator first", async () => {
    const session = await openSession(browser(), { signedIn: false });
    const { page } = session;
    await session.goto("/matrix?region=330000&year=2020&month=10");
    await onLogin(page);
    await signIn(page, NEWCOMER.username);

    await page.waitForURL((url) => url.pathname === "/account/password");
    // A password with the username in it breaks the policy: the page says so.
    await page.getByTestId("current-password").fill(DEMO_PASSWORD);
    await page.getByTestId("new-password").fill("Newcomer#2027");
    await page.getByTestId("confirm-password").fill("Newcomer#2027");
    await page.getByTestId("password-submit").click();
    const refusal = page.getByTestId("password-error");
    await refusal.waitFor();
    await expect(refusal.textContent()).resolves.toContain("新密码不符合要求");
    await expect(refusal.textContent()).resolves.toContain("不能包含用户名");

    await page.getByTestId("current-password").fill(DEMO_PASSWORD);
    await page.getByTestId("new-password").fill("Fresh#Start2027");
    await page.getByTestId("confirm-password").fill("Fresh#Start2027");
    await page.getByTestId("password-submit").click();

    await page.waitForURL((url) => url.pathname === "/account/authenticator");
    const secretText = page.getByTestId("totp-secret");
    await secretText.waitFor();
    const secret = ((await secretText.textContent()) ?? "").replaceAll(/\s/g, "");
    // A QR code of the otpauth link to scan, and apps one can get in mainland China named.
    const qr = page.getByTestId("totp-qr");
    await qr.waitFor();
    await expect(qr.getAttribute("src")).resolves.toMatch(/^data:image\/png;base64,/);
    await expect(page.textContent("body")).resolves.toContain("腾讯身份验证器");
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await expect(page.getByTestId("totp-url").textContent()).resolves.toMatch(
      /^otpauth:\/\/totp\/.*newcomer\?.*secret=/,
    );
    await session.screenshot("authenticator-zh-CN-desktop");
    await page.getByTestId("totp-code").fill(totpCode(NEWCOMER.username, secret));
    await page.getByTestId("totp-submit").click();

    // Set up: on to the screen it first asked for.
    await page.locator("[data-testid=matrix-cell]").first().waitFor();
    expect(new URL(page.url()).pathname).toBe("/matrix");
    await session.close();
  });
});
