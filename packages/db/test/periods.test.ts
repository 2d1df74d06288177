import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportingPeriods, schema, seedDatabase } from "../src/index.js";
import { openTestDatabase, type TestDatabase } from "../src/testing.js";

let demo: TestDatabase;
let fresh: TestDatabase;
beforeAll(async () => {
  [demo, fresh] = await Promise.all([openTestDatabase(), openTestDatabase({ seed: false })]);
  await seedDatabase(fresh.db, { referenceOnly: true });
});
afterAll(async () => {
  await Promise.all([demo?.close(), fresh?.close()]);
});

describe("reportingPeriods", () => {
  it("a province's years with data and its latest approved month (demo: December 2022)", async () => {
    await expect(reportingPeriods(demo.db, "330000")).resolves.toEqual({
      years: [2022, 2021, 2020],
      latest: { year: 2022, month: 12 },
    });
    // Wenzhou has not reported December 2022.
    await expect(reportingPeriods(demo.db, "330300")).resolves.toMatchObject({
      latest: { year: 2022, month: 11 },
    });
  });

  it("a new installation (reference data only) has no years and no latest month", async () => {
    await expect(reportingPeriods(fresh.db, "330000")).resolves.toEqual({
      years: [],
      latest: null,
    });
  });

  it("a target alone adds its year; an approved month of a city moves its province on", async () => {
    await fresh.db.insert(schema.targets).values({
      indicatorCode: "shantytown_starts",
      regionCode: "330000",
      year: 2027,
      value: 100,
    });
    await fresh.db.insert(schema.submissions).values([
      { regionCode: "330300", year: 2026, month: 11, status: "approved" },
      { regionCode: "330300", year: 2026, month: 12, status: "submitted" },
      { regionCode: "440100", year: 2027, month: 1, status: "approved" },
    ]);
    await expect(reportingPeriods(fresh.db, "330000")).resolves.toEqual({
      years: [2027, 2026],
      latest: { year: 2026, month: 11 },
    });
    await expect(reportingPeriods(fresh.db, "330300")).resolves.toEqual({
      years: [2026],
      latest: { year: 2026, month: 11 },
    });
  });
});
