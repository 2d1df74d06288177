import { describe, it } from "vitest";
import { DESKTOP, openSession, PHONE, useBrowser } from "../support/browser.js";

const browser = useBrowser();

/** Every screen with the selection that shows the seeded data, and what marks it as drawn. */
const SCREENS = [
  {
    name: "overview",
    path: "/?region=440000&year=2020&month=3",
    ready: "[data-testid=sparkline] polyline",
  },
  {
    name: "comparison",
    path: "/comparison?region=330000&year=2020&month=10&indicator=prefab_share",
    ready: "rect.comparison-bar",
  },
  {
    name: "lagging",
    path: "/lagging?region=330000&year=2020&month=10",
    // A table on a desktop, cards on a phone.
    ready: "[data-testid=lagging-table] tbody tr.ant-table-row, [data-testid=lagging-card]",
  },
  {
    name: "region-detail",
    path: "/region?region=330300&year=2020&month=10&indicator=prefab_share",
    ready: "[data-testid=trend-chart] .recharts-line-curve",
  },
  {
    name: "matrix",
    path: "/matrix?region=330000&year=2020&month=10",
    ready: "[data-testid=matrix-cell]",
  },
] as const;

const VIEWS = [
  { size: "desktop", viewport: DESKTOP },
  { size: "phone", viewport: PHONE },
] as const;

describe("every screen, in both languages, on a desktop and a phone", () => {
  for (const language of ["zh-CN", "en"] as const) {
    for (const view of VIEWS) {
      it(`${language} ${view.size}: renders without console errors`, async () => {
        const session = await openSession(browser(), { viewport: view.viewport, language });
        // The first screen loads the app; the others are opened in it, as the menu opens them.
        for (const [i, screen] of SCREENS.entries()) {
          await (i === 0 ? session.goto(screen.path) : session.open(screen.path));
          await session.page.locator(screen.ready).first().waitFor({ state: "attached" });
          // Charts further down load their data on their own; wait until no skeleton is left.
          await session.page.waitForFunction(
            () => document.querySelectorAll(".ant-skeleton").length === 0,
          );
          await session.screenshot(`${screen.name}-${language}-${view.size}`);
        }
        await session.close();
      });
    }
  }
});

describe("the sign-in page, in both languages, on a desktop and a phone", () => {
  for (const language of ["zh-CN", "en"] as const) {
    for (const view of VIEWS) {
      it(`${language} ${view.size}`, async () => {
        const session = await openSession(browser(), {
          viewport: view.viewport,
          language,
          signedIn: false,
        });
        await session.goto("/login");
        await session.page.getByTestId("login-form").waitFor();
        await session.page.evaluate(() => document.fonts.ready);
        await session.screenshot(`login-${language}-${view.size}`);
        await session.close();
      });
    }
  }
});
