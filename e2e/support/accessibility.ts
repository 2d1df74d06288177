import { AxeBuilder } from "@axe-core/playwright";
import axe from "axe-core";
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { type A11Y_TEST_ACCOUNTS, type A11yPart, a11yAccount, signIn } from "./auth.js";
import { openSession } from "./browser.js";

type Account = (typeof A11Y_TEST_ACCOUNTS)[number];

/** Zhejiang's dashboards, as the province official, with a selection that shows data. */
const DASHBOARDS: Partial<Record<Account, string[]>> = {
  zhejiang: [
    "/?region=330000&year=2020&month=10",
    // The wall display, held still (rotate=0 is not allowed: a long turn instead).
    "/cockpit?region=330000&year=2020&month=10&rotate=600",
    "/comparison?region=330000&year=2020&month=10&indicator=prefab_share",
    "/lagging?region=330000&year=2020&month=10",
    "/region?region=330300&year=2020&month=10&indicator=prefab_share",
    "/matrix?region=330000&year=2020&month=10",
    "/approvals?region=330000&year=2020&month=10",
    "/completeness?region=330000&year=2020&month=10",
  ],
};

/** Every other screen, as the account whose work it is. */
const WORK: Partial<Record<Account, string[]>> = {
  zhejiang: [
    "/supervision?region=330000",
    "/targets?region=330000&year=2020",
    "/bulletin?region=330000&year=2020&month=10",
    "/import?region=330000&year=2020&month=10",
    "/admin/indicators",
    "/admin/settings",
    "/notifications/settings",
    "/account/password",
  ],
  wenzhou: ["/entry?region=330300&year=2020&month=10", "/import"],
  admin: ["/admin/users", "/admin/indicators", "/admin/channels"],
  auditor: ["/admin/audit"],
  security: ["/admin/settings"],
};

/** Waits until the screen's data is drawn: no skeleton, no spinner, no request in flight. */
export async function settled(page: Page) {
  await page.waitForLoadState("networkidle");
  await drawn(page);
}

/**
 * No skeleton or spinner, and no finite animation running: a button enabled by data that just
 * came fades from grey to its colour, and axe would judge the colours halfway.
 */
export async function drawn(page: Page) {
  await page.waitForFunction(
    () =>
      document.querySelectorAll(".ant-skeleton, .ant-spin-spinning").length === 0 &&
      document
        .getAnimations()
        .every(
          (a) => a.playState !== "running" || a.effect?.getComputedTiming().iterations === Infinity,
        ),
    undefined,
    { timeout: 30_000 },
  );
}

/**
 * axe-core, put into the page once: the builder evaluates its source (half a megabyte, compiled
 * anew every time) twice for every check otherwise. A stand-in source keeps it from doing so.
 */
const AXE_PUT_IN_ONCE = "/* axe-core is already in the page */";

/** Serious and critical findings of axe-core (WCAG 2.1 A and AA) on the page as it stands. */
async function findings(page: Page, where: string): Promise<string[]> {
  // Legacy mode runs axe in the page itself: the default opens a blank page to finish every run
  // (for cross-origin frames, which these screens do not have), half of each check's time.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axe.source);
  const result = await new AxeBuilder({ page, axeSource: AXE_PUT_IN_ONCE })
    .setLegacyMode(true)
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    // Only the violations are read: passing nodes need no selectors worked out.
    .options({ resultTypes: ["violations"] })
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

/**
 * One part of the screens checked in one language. The parts are files of their own, so that
 * they run side by side and the longest does not run last alone; each signs in as its own copies.
 */
export function checkScreens(
  browser: () => Browser,
  language: "zh-CN" | "en",
  part: "dashboards" | "work",
) {
  const accountsPart: A11yPart = `${language === "en" ? "en" : "zh"}_${part === "dashboards" ? "dash" : "work"}`;
  describe(`accessibility: axe-core on every screen (${language}, ${part})`, () => {
    if (part === "work") {
      it(`${language}: the sign-in page`, async () => {
        const session = await openSession(browser(), { language, signedIn: false });
        await session.goto("/login");
        await session.page.getByTestId("login-form").waitFor();
        expect(await findings(session.page, "/login")).toEqual([]);
        await session.close();
      });
    }

    for (const [name, screens] of Object.entries(part === "dashboards" ? DASHBOARDS : WORK)) {
      const username = a11yAccount(accountsPart, name as Account);
      it(`${language}: ${name}'s ${part === "dashboards" ? "dashboards" : "screens"}`, async () => {
        const session = await openSession(browser(), { language, signedIn: false });
        await session.goto("/login");
        await signIn(session.page, username);
        // The landing screen first: its own redirects would otherwise follow the first screen.
        await session.quiet(Date.now());
        await drawn(session.page);
        const found: string[] = [];
        for (const path of screens ?? []) {
          await session.open(path);
          await drawn(session.page);
          // The screen itself, not the sign-in page a lost session would lead to.
          expect(new URL(session.page.url()).pathname, path).toBe(path.split("?")[0]);
          found.push(...(await findings(session.page, path)));
          const screen = path.split("?")[0]?.replace(/\W+/g, "-").replace(/^-|-$/g, "") || "home";
          await session.screenshot(`a11y-${language}-${name}-${screen}`);
        }
        expect(found).toEqual([]);
        await session.close();
      }, 300_000);
    }
  });
}
