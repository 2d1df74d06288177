import { fileURLToPath } from "node:url";
import { schema } from "@jindu/db";
import { openTestDatabase, type TestDatabase } from "@jindu/db/testing";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { buildApp } from "../../apps/api/src/app.js";
import { seedDemoUsers } from "../../apps/api/src/services/demo-users.js";
import { signIn } from "../support/auth.js";
import { openSession, SCREENSHOT_DIR, useBrowser } from "../support/browser.js";

/**
 * The map (issue 15): Zhejiang's 11 cities as tiles coloured by status, a drill into one, the
 * wall display turning by itself, and a province's own approved base map drawn with its 审图号.
 */
const browser = useBrowser();
const webDist =
  process.env.JINDU_WEB_OUT ?? fileURLToPath(new URL("../../apps/web/dist", import.meta.url));

const ZHEJIANG_CITIES = [
  "330100",
  "330200",
  "330300",
  "330400",
  "330500",
  "330600",
  "330700",
  "330800",
  "330900",
  "331000",
  "331100",
];
const PERIOD = "region=330000&year=2020&month=10";

/** Pairs of map tiles drawn over each other (the grid table gives each region its own cell). */
function overlapping(page: Page): Promise<string[]> {
  return page.getByTestId("map-tile").evaluateAll((tiles) => {
    const boxes = tiles.map((el) => ({
      code: el.getAttribute("data-region"),
      box: el.getBoundingClientRect(),
    }));
    const pairs: string[] = [];
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        const apart =
          a.box.right <= b.box.left ||
          b.box.right <= a.box.left ||
          a.box.bottom <= b.box.top ||
          b.box.bottom <= a.box.top;
        if (!apart) pairs.push(`${a.code}/${b.code}`);
      }
    }
    return pairs;
  });
}
const PREFAB = "prefab_share";

describe("tile map", () => {
  it("draws Zhejiang's 11 cities as tiles with their statuses and drills into one", async () => {
    const session = await openSession(browser());
    const { page } = session;
    await session.goto(`/?${PERIOD}&indicator=${PREFAB}`);
    const tiles = page.getByTestId("map-tile");
    await expect.poll(() => tiles.count(), { timeout: 30_000 }).toBe(11);
    const codes = await tiles.evaluateAll((els) => els.map((el) => el.getAttribute("data-region")));
    expect([...codes].sort()).toEqual(ZHEJIANG_CITIES);

    // Each tile's status and value are the comparison's, by the same definitions.
    const res = await page.request.get(
      `${inject("baseUrl")}/api/progress?indicator=${PREFAB}&parent=330000&year=2020&month=10`,
    );
    const { children } = (await res.json()) as {
      children: { region: { code: string }; status: string | null; completion: number | null }[];
    };
    for (const line of children) {
      const tile = page.locator(`[data-testid=map-tile][data-region="${line.region.code}"]`);
      await expect(tile.getAttribute("data-status")).resolves.toBe(line.status ?? "none");
      const value = line.completion === null ? "—" : `${(line.completion * 100).toFixed(1)}%`;
      await expect(tile.getByTestId("map-tile-value").textContent()).resolves.toBe(value);
    }
    // Wenzhou, Jinhua and Lishui were interviewed for their prefab share: they lag.
    for (const code of ["330300", "330700", "331100"]) {
      const status = await page
        .locator(`[data-testid=map-tile][data-region="${code}"]`)
        .getAttribute("data-status");
      expect(["yellow", "red"]).toContain(status);
    }
    const wenzhou = page.locator('[data-testid=map-tile][data-region="330300"]');
    // Named by what it shows, with its status in words between.
    await expect(wenzhou.textContent()).resolves.toMatch(/^温州：严重滞后，完成率 \d+\.\d%$/);
    expect(await overlapping(page)).toEqual([]);
    await session.screenshot("map-tiles");

    // The national account also sees the provinces.
    await page.getByText("全国各省").click();
    await expect.poll(() => tiles.count(), { timeout: 30_000 }).toBe(34);
    await page.locator('[data-testid=map-tile][data-region="330000"][data-status]').waitFor();
    expect(await overlapping(page)).toEqual([]);
    await session.screenshot("map-provinces");
    await page.getByText("本省各市").click();
    await expect.poll(() => tiles.count(), { timeout: 30_000 }).toBe(11);

    // A tile is a button: focused and pressed with the keyboard, it opens the city's detail.
    await wenzhou.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname === "/region");
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toEqual({
      region: "330300",
      year: "2020",
      month: "10",
      indicator: PREFAB,
    });
    await session.close();
  });

  it("places Guangdong's 21 cities, none on another", async () => {
    const session = await openSession(browser());
    const { page } = session;
    await session.goto("/?region=440000&year=2020&month=3&indicator=shantytown_starts");
    await expect.poll(() => page.getByTestId("map-tile").count(), { timeout: 30_000 }).toBe(21);
    expect(await overlapping(page)).toEqual([]);
    await session.close();
  });

  it("turns the wall display from one indicator to the next by itself", async () => {
    const session = await openSession(browser(), { viewport: { width: 1920, height: 1080 } });
    const { page } = session;
    await session.goto(`/?${PERIOD}`);
    await page.getByTestId("cockpit-link").click();
    await page.waitForURL((url) => url.pathname === "/cockpit");
    // Without a period the wall follows the latest month; the rotation stays as asked.
    await session.goto("/cockpit?region=330000&rotate=2");
    const panel = page.getByTestId("cockpit-panel");
    await panel.waitFor();
    await expect(page.getByTestId("cockpit-period").textContent()).resolves.toMatch(/^\d{4}年/);
    expect(new URL(page.url()).search).toBe("?region=330000&rotate=2");
    await expect.poll(() => page.getByTestId("map-tile").count(), { timeout: 30_000 }).toBe(11);
    await expect.poll(() => page.getByTestId("cockpit-tile").count()).toBeGreaterThan(1);
    const first = await panel.getAttribute("data-indicator");
    await session.screenshot("cockpit");
    await expect
      .poll(() => panel.getAttribute("data-indicator"), { timeout: 30_000 })
      .not.toBe(first);
    await expect(page.locator(".cockpit-tile-current").count()).resolves.toBe(1);
    await session.close();
  });
});

describe("base map", () => {
  let database: TestDatabase;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let baseUrl: string;

  // On its own app: a base map of Zhejiang would change every other test's overview.
  beforeAll(async () => {
    database = await openTestDatabase();
    await seedDemoUsers(database.db);
    app = await buildApp({ database, webRoot: webDist, loginsPerMinute: 10_000 });
    baseUrl = await app.listen({ port: 0, host: "127.0.0.1" });
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  /** A synthetic square per city on a grid: no real boundary ships or is needed. */
  const synthetic = (codes: string[], key = "code") =>
    JSON.stringify({
      type: "FeatureCollection",
      features: codes.map((code, i) => {
        const [x, y] = [118 + (i % 4) * 1, 31 - Math.floor(i / 4) * 1];
        return {
          type: "Feature",
          properties: { [key]: code },
          geometry: {
            type: "Polygon",
            coordinates: [
              [
                [x, y],
                [x + 1, y],
                [x + 1, y - 1],
                [x, y - 1],
                [x, y],
              ],
            ],
          },
        };
      }),
    });

  it("draws an uploaded GeoJSON as a choropleth with the numbers and its 审图号", async () => {
    // A retry starts without the map the first attempt uploaded.
    await database.db.delete(schema.baseMaps);
    const session = await openSession(browser(), { signedIn: false, baseUrl });
    const { page } = session;
    await session.goto("/login");
    await signIn(page, "zhejiang");
    await page.getByTestId("user-menu").waitFor();
    await session.goto(`/?${PERIOD}&indicator=${PREFAB}`);
    await expect.poll(() => page.getByTestId("map-tile").count(), { timeout: 30_000 }).toBe(11);

    // A feature without a code is refused, saying so; nothing is stored.
    await page.getByTestId("base-map-upload-open").click();
    await page.getByTestId("base-map-approval-number").fill("浙S(2023)12号");
    await page.getByTestId("base-map-file").setInputFiles({
      name: "zhejiang.geojson",
      mimeType: "application/geo+json",
      buffer: Buffer.from(synthetic(ZHEJIANG_CITIES, "name")),
    });
    await page.getByTestId("base-map-upload-submit").click();
    await expect(page.getByTestId("base-map-upload-error").textContent()).resolves.toContain(
      "缺少行政区划代码",
    );

    await page.getByTestId("base-map-file").setInputFiles({
      name: "zhejiang.geojson",
      mimeType: "application/geo+json",
      buffer: Buffer.from(synthetic(ZHEJIANG_CITIES)),
    });
    await page.getByTestId("base-map-upload-submit").click();
    const regions = page.getByTestId("choropleth-region");
    await expect.poll(() => regions.count(), { timeout: 30_000 }).toBe(11);
    await expect(page.getByTestId("approval-number").textContent()).resolves.toBe(
      "审图号：浙S(2023)12号",
    );
    const res = await page.request.get(
      `${baseUrl}/api/progress?indicator=${PREFAB}&parent=330000&year=2020&month=10`,
    );
    const { children } = (await res.json()) as {
      children: { region: { code: string }; status: string | null; completion: number | null }[];
    };
    const values = await page.getByTestId("choropleth-value").allTextContents();
    for (const line of children) {
      const region = page.locator(
        `[data-testid=choropleth-region][data-region="${line.region.code}"]`,
      );
      await expect(region.getAttribute("data-status")).resolves.toBe(line.status ?? "none");
      expect(values).toContain(
        line.completion === null ? "—" : `${(line.completion * 100).toFixed(1)}%`,
      );
    }
    await session.screenshot("map-choropleth");
    await page
      .getByTestId("map-card")
      .screenshot({ path: `${SCREENSHOT_DIR}map-choropleth-card.png` });

    // The tiles stay one click away, and a region opens its detail.
    await page.getByTestId("map-view").getByText("方块图").click();
    await expect.poll(() => page.getByTestId("map-tile").count()).toBe(11);
    await page.getByTestId("map-view").getByText("底图").click();
    await regions.first().click();
    await page.waitForURL((url) => url.pathname === "/region");

    // The wall display draws the base map too.
    await page.setViewportSize({ width: 1920, height: 1080 });
    await session.goto(`/cockpit?${PERIOD}&rotate=600`);
    await expect.poll(() => regions.count(), { timeout: 30_000 }).toBe(11);
    await expect(page.getByTestId("approval-number").textContent()).resolves.toContain(
      "浙S(2023)12号",
    );
    await session.screenshot("cockpit-choropleth");
    await session.close();
  });
});
