import type { Page } from "playwright-core";
import { totpFor } from "../../apps/api/src/services/auth.js";
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from "../../apps/api/src/services/demo-users.js";

export { DEMO_PASSWORD, DEMO_TOTP_SECRET };

/** The account the dashboard tests use: a leader over the whole country, so both provinces. */
export const DASHBOARD_USER = "national";

/** Demo accounts the sign-in tests use as copies named auth_<name> (see global-setup). */
export const AUTH_TEST_ACCOUNTS = ["zhejiang", "hangzhou", "wenzhou", "admin", "leader"] as const;

/** The session-loss test's bureau (Jiaxing): its session is ended by a second sign-in. */
export const SESSION_LOSS_USER = "sl_jiaxing";
/** The idle test's bureau (Jiaxing), signed in on the short-timeout server. */
export const IDLE_USER = "idle_jiaxing";
/** The short-timeout server's idle timeout and warning lead (global setup). */
export const SHORT_IDLE = { timeoutSeconds: 16, warningSeconds: 10 } as const;
/** Copies (latest_<name>) for the test of where each role lands and which period it opens on. */
export const LATEST_TEST_ACCOUNTS = [
  "guangdong",
  "zhejiang",
  "leader",
  "national",
  "wenzhou",
] as const;

/**
 * Copies for the tests of what a province defines, one set per test file: the files run side by
 * side, and two files signing in as one account within 30 seconds send the same one-time code,
 * which the API refuses the second time (CI #2 failed that way).
 */
export const CATALOGUE_TEST_ACCOUNTS = ["zhejiang", "guangdong"] as const;
/** Copies (settings_<name>) for the province settings test. */
export const SETTINGS_TEST_ACCOUNTS = ["guangdong", "security"] as const;
/** Copies (tasklist_<name>) for the annual task list test. */
export const TASK_LIST_TEST_ACCOUNTS = ["guangdong"] as const;

/** Copies (accounts_<name>) for the bulk accounts test, so the admin test keeps its session. */
export const ACCOUNTS_TEST_ACCOUNTS = ["admin"] as const;

/** Copies (inbox_<name>) for the inbox test: the province returns a month, the bureau reads it. */
export const INBOX_TEST_ACCOUNTS = ["zhejiang", "wenzhou"] as const;

/** Copies (channels_<name>) for the channels test: channels, preferences, reminder settings. */
export const CHANNELS_TEST_ACCOUNTS = ["admin", "zhejiang", "wenzhou"] as const;

/**
 * Copies (chase_<name>) for the chase loop test, and its own bureau of Huzhou (which no demo
 * account reports for), the one it reminds: nobody else's inbox gets the 催报.
 */
export const CHASE_TEST_ACCOUNTS = ["zhejiang", "wenzhou"] as const;
export const CHASE_BUREAU = { username: "chase_huzhou", regionCode: "330500" } as const;

/** Accounts whose copies the accessibility check signs in as: every screen as the role that uses it. */
export const A11Y_TEST_ACCOUNTS = ["zhejiang", "wenzhou", "admin", "auditor", "security"] as const;
/**
 * The accessibility check's files, which run side by side: each signs in as its own copies
 * (a11y_<part>_<name>). When the Chinese and English files shared one copy, each sign-in ended
 * the other file's session and its screens were checked as the sign-in page.
 */
export const A11Y_PARTS = ["zh_dash", "zh_work", "en_dash", "en_work"] as const;
export type A11yPart = (typeof A11Y_PARTS)[number];
export const a11yAccount = (part: A11yPart, name: (typeof A11Y_TEST_ACCOUNTS)[number]) =>
  `a11y_${part}_${name}`;

/** An account that must choose a password and enrol an authenticator on its first sign-in. */
export const NEWCOMER = { username: "newcomer", regionCode: "330000" } as const;

export const totpCode = (username: string, secret = DEMO_TOTP_SECRET) =>
  totpFor(secret, username).generate();

/** The 30-second step whose code each account last sent from this process. */
const lastStep = new Map<string, number>();

/**
 * A code the API has not seen yet: each code is good once, so a second sign-in of an account
 * within the same 30 seconds waits for the next code, as a person would.
 */
async function freshTotpCode(username: string, secret: string): Promise<string> {
  const totp = totpFor(secret, username);
  const used = lastStep.get(username);
  while (used !== undefined && totp.counter() <= used) {
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  lastStep.set(username, totp.counter());
  return totp.generate();
}

const onLoginPage = (page: Page) => new URL(page.url()).pathname === "/login";

/**
 * Signs in through the real sign-in page, which the page must be showing: username and password,
 * then the authenticator code if the app asks for one. Resolves once the app has left the page.
 */
export async function signIn(
  page: Page,
  username: string,
  { password = DEMO_PASSWORD, totpSecret = DEMO_TOTP_SECRET } = {},
): Promise<void> {
  await page.getByTestId("login-username").fill(username);
  await page.getByTestId("login-password").fill(password);
  await page.getByTestId("login-submit").click();
  // One wait for whichever comes: signed in, asked for a code, or refused.
  await page.waitForFunction(
    () =>
      location.pathname !== "/login" ||
      document.querySelector("[data-testid=login-totp], [data-testid=login-error]") !== null,
  );
  if (!onLoginPage(page)) return;
  const error = page.getByTestId("login-error");
  if (await error.isVisible()) throw new Error(`sign-in refused: ${await error.textContent()}`);
  await page.getByTestId("login-totp").fill(await freshTotpCode(username, totpSecret));
  await page.getByTestId("login-submit").click();
  await page.waitForFunction(
    () =>
      location.pathname !== "/login" ||
      document.querySelector("[data-testid=login-error]") !== null,
  );
  if (onLoginPage(page)) {
    throw new Error(`sign-in refused: ${await page.getByTestId("login-error").textContent()}`);
  }
}
