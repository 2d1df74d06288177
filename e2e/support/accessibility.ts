import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { signIn } from "./auth.js";
import { openSession } from "./browser.js";

/** Every screen, as the account whose work it is, with a selection that shows data. */
const SCREENS: Record<string, string[]> = {
  a11y_zhejiang: [
    "/?region=330000&year=2020&month=10",
    // The wall display, held still (rotate=0 is not allowed: a long turn instead).
    "/cockpit?region=330000&year=2020&month=10&rotate=600",
    "/comparison?region=330000&year=2020&month=10&indicator=prefab_share",
    "/lagging?region=330000&year=2020&month=10",
    "/region?region=330300&year=2020&month=10&indicator=prefab_share",
    "/matrix?region=330000&year=2020&month=10",
    "/approvals?region=330000&year=2020&month=10",
    "/completeness?region=330000&year=2020&month=10",
    "/supervision?region=330000",
    "/targets?region=330000&year=2020",
    "/bulletin?region=330000&year=2020&month=10",
    "/import?region=330000&year=2020&month=10",
    "/admin/indicators",
    "/admin/settings",
    "/notifications/settings",
    "/account/password",
  ],
  a11y_wenzhou: ["/entry?region=330300&year=2020&month=10", "/import"],
  a11y_admin: ["/admin/users", "/admin/indicators", "/admin/channels"],
  a11y_auditor: ["/admin/audit"],
  a11y_security: ["/admin/settings"],
};

/** Waits until the screen's data is drawn: no skeleton, no spinner, no request in flight. */
export async function settled(page: Page) {
  await page.waitForLoadState("networkidle");
  await page.waitForFunction(
    () => document.querySelectorAll(".ant-skeleton, .ant-spin-spinning").length === 0,
    undefined,
    { timeout: 30_000 },
  );
}

/** Serious and critical findings of axe-core (WCAG 2.1 A and AA) on the page as it stands. */
async function findings(page: Page, where: string): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${where}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes
          .slice(0, 3)
          // The target and axe's reason (for contrast: both colours and the ratio).
          .map((n) => `${n.target.join(" ")} ${n.any[0]?.message ?? ""}`)
          .join(" | ")}`,
    );
}

/** Every screen checked in one language (one file per language, so that the two run at once). */
export function checkEveryScreen(browser: () => Browser, language: "zh-CN" | "en") {
  describe(`accessibility: axe-core on every screen (${language})`, () => {
    it(`${language}: the sign-in page`, async () => {
      const session = await openSession(browser(), { language, signedIn: false });
      await session.goto("/login");
      await session.page.getByTestId("login-form").waitFor();
      expect(await findings(session.page, "/login")).toEqual([]);
      await session.close();
    });

    for (const [username, screens] of Object.entries(SCREENS)) {
      it(`${language}: ${username}'s screens`, async () => {
        const session = await openSession(browser(), { language, signedIn: false });
        await session.goto("/login");
        await signIn(session.page, username);
        const found: string[] = [];
        for (const path of screens) {
          await session.goto(path);
          await settled(session.page);
          found.push(...(await findings(session.page, path)));
          const screen = path.split("?")[0]?.replace(/\W+/g, "-").replace(/^-|-$/g, "") || "home";
          await session.screenshot(`a11y-${language}-${username}-${screen}`);
        }
        expect(found).toEqual([]);
        await session.close();
      }, 300_000);
    }
  });
}
