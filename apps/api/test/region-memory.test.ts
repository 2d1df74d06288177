import { announcement, bumpDataVersion, heardAnnouncement, MAX_ANNOUNCED_REGIONS } from "@jindu/db";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ProgressResponse } from "../src/schemas/index.js";
import { rememberedPerRegion } from "../src/services/region-memory.js";
import { useTestApp } from "./helper.js";

const ctx = useTestApp();
const PROGRESS = "/api/progress?indicator=prefab_share&parent=330000&year=2020&month=10";

/** A change of figures only, announced as the API announces one: naming its regions, or not. */
async function dataChange(regions?: string[]) {
  const version = await bumpDataVersion(ctx.database.db, undefined, { dataOnly: true, regions });
  ctx.app.changes.committed(version, true, regions);
}

/** A region's months of 2020 marked as sent late, past the API (and unannounced). */
async function sentLate(region: string) {
  await ctx.database.db.execute(
    sql`update submissions set first_submitted_at = '2030-01-01T00:00:00Z'
        where region_code = ${region} and year = 2020 and first_submitted_at is not null`,
  );
}

async function recordOf(code: string) {
  const res = await ctx.api.inject(PROGRESS);
  expect(res.statusCode, res.body).toBe(200);
  const line = (res.json() as ProgressResponse).children.find((c) => c.region.code === code);
  if (!line) throw new Error(`no line of ${code}`);
  return line.quality.record;
}

describe("announcements name the regions a change touched", () => {
  const code = fc.integer({ min: 0, max: 999_999 }).map((n) => String(n).padStart(6, "0"));

  it("a listener hears back the regions announced, or none beyond the limit", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 2n ** 62n }),
        fc.array(code, { minLength: 1, maxLength: MAX_ANNOUNCED_REGIONS + 20 }),
        (version, regions) => {
          const said = heardAnnouncement(
            announcement(String(version), { dataOnly: true, regions }),
          );
          expect(said?.version).toBe(version);
          expect(said?.dataOnly).toBe(true);
          expect(said?.regions).toEqual(regions.length <= MAX_ANNOUNCED_REGIONS ? regions : null);
        },
      ),
    );
  });

  it("a change that is not data only names no region; what is not an announcement is ignored", () => {
    expect(announcement("41", { regions: ["330100"] })).toBe("41");
    expect(heardAnnouncement("41")).toEqual({ version: 41n, dataOnly: false, regions: null });
    expect(heardAnnouncement("41:data")?.regions).toBeNull();
    for (const payload of [
      "catalogue",
      "41:data:3301",
      "41:data:330100,",
      "x41",
      "41:data:;drop",
    ]) {
      expect(heardAnnouncement(payload), payload).toBeNull();
    }
  });
});

describe("data quality kept per region", () => {
  it("keeps every other region's across a change that names one, and forgets that one", async () => {
    const before = await recordOf("330200");
    expect(before.monthsOnTime).toBeGreaterThan(0);
    // Ningbo's months sent late, written past the API (and unannounced, for the test's sake).
    await sentLate("330200");
    // A change to Hangzhou alone: Ningbo's quality is the one kept.
    await dataChange(["330100"]);
    expect((await recordOf("330200")).monthsOnTime).toBe(before.monthsOnTime);
    // Announced with Ningbo: read again.
    await dataChange(["330200"]);
    expect((await recordOf("330200")).monthsOnTime).toBe(0);
  });

  it("forgets every region on a change that names none", async () => {
    const before = await recordOf("330300");
    expect(before.monthsOnTime).toBeGreaterThan(0);
    await sentLate("330300");
    await dataChange();
    expect((await recordOf("330300")).monthsOnTime).toBe(0);
  });

  it("asks only for the regions it does not keep, and keeps no read that overlapped their change", async () => {
    const asked: string[][] = [];
    const read = async (regions: readonly string[]) => {
      asked.push([...regions]);
      // The first read is overtaken by a change to one of its regions.
      if (asked.length === 1) await dataChange(["990001"]);
      return new Map(regions.map((r) => [r, asked.length]));
    };
    const regions = ["990001", "990002"];
    const first = await rememberedPerRegion(ctx.app.db, "test|1", regions, read);
    expect([...first]).toEqual([
      ["990001", 1],
      ["990002", 1],
    ]);
    const second = await rememberedPerRegion(ctx.app.db, "test|1", regions, read);
    expect(asked).toEqual([regions, ["990001"]]);
    expect([...second]).toEqual([
      ["990001", 2],
      ["990002", 1],
    ]);
    // Another scope of the same regions is its own.
    await rememberedPerRegion(ctx.app.db, "test|2", ["990002"], read);
    expect(asked.at(-1)).toEqual(["990002"]);
  });
});
