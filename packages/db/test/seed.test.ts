import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { progressByChildren, schema, seedDatabase } from "../src/index.js";
import { openTestDatabase, type TestDatabase } from "../src/testing.js";

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(async () => {
  await t?.close();
});

async function counts() {
  const [r] = await t.db.select({ n: count() }).from(schema.regions);
  const [i] = await t.db.select({ n: count() }).from(schema.indicators);
  const [g] = await t.db.select({ n: count() }).from(schema.targets);
  const [p] = await t.db.select({ n: count() }).from(schema.reports);
  return { regions: r?.n, indicators: i?.n, targets: g?.n, reports: p?.n };
}

describe("seed", () => {
  it("loads the real regions and the indicator catalogue", async () => {
    const c = await counts();
    expect(c.regions).toBe(77);
    expect(c.indicators).toBe(19);
    const [wenzhou] = await t.db
      .select()
      .from(schema.regions)
      .where(eq(schema.regions.code, "330300"));
    expect(wenzhou).toMatchObject({
      nameZh: "温州市",
      nameEn: "Wenzhou",
      level: "city",
      parentCode: "330000",
    });
  });

  it("is idempotent: a second run changes nothing", async () => {
    const before = await counts();
    await seedDatabase(t.db);
    expect(await counts()).toEqual(before);
  });

  it("tells Guangdong's Q1 2020 story: 7,899 shantytown starts against a 10,925 target", async () => {
    const rows = await progressByChildren(t.db, {
      parentCode: "440000",
      year: 2020,
      month: 3,
      indicatorCodes: ["shantytown_starts"],
    });
    const parent = rows.find((r) => r.regionCode === "440000");
    const children = rows.filter((r) => r.regionCode !== "440000");
    expect(parent?.target).toBe(10925);
    expect(children).toHaveLength(21);
    expect(children.reduce((s, r) => s + (r.value ?? 0), 0)).toBe(7899);
    expect(children.reduce((s, r) => s + (r.target ?? 0), 0)).toBe(10925);
  });

  it("leaves two cities per province unreported for December 2022", async () => {
    const rows = await progressByChildren(t.db, {
      parentCode: "330000",
      year: 2022,
      month: 12,
      indicatorCodes: ["shantytown_starts"],
    });
    const behind = rows.filter((r) => r.regionCode !== "330000" && r.asOfMonth === 11);
    expect(behind).toHaveLength(2);
  });
});
