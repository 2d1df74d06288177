import {
  announcement,
  bumpDataVersion,
  heardAnnouncement,
  MAX_ANNOUNCED_REGIONS,
  monthPlace,
  schema,
} from "@jindu/db";
import type { ProgressTable } from "@jindu/domain";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ProgressResponse } from "../src/schemas/index.js";
import { progressTables, type RegionRef } from "../src/services/progress.js";
import { rememberedPerRegion } from "../src/services/region-memory.js";
import { qualityOf } from "../src/services/standings.js";
import { useTestApp } from "./helper.js";

const ctx = useTestApp();
const PROGRESS = "/api/progress?indicator=prefab_share&parent=330000&year=2020&month=10";

/** A change of figures only, announced as the API announces one: naming its regions, or not. */
async function dataChange(regions?: string[]) {
  const version = await bumpDataVersion(ctx.database.db, undefined, { dataOnly: true, regions });
  ctx.app.changes.committed(version, true, regions);
}

/** A region's months of 2020 (or some of them) marked as sent late, past the API (and unannounced). */
async function sentLate(region: string, months = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]) {
  await sentAt(region, months, "2030-01-01T00:00:00Z");
}

async function sentAt(region: string, months: number[], at: string) {
  await ctx.database.db.execute(
    sql`update submissions set first_submitted_at = ${at}
        where region_code = ${region} and year = 2020 and first_submitted_at is not null
          and month = any(${`{${months.join(",")}}`}::int[])`,
  );
}

async function recordOf(code: string) {
  const res = await ctx.api.inject(PROGRESS);
  expect(res.statusCode, res.body).toBe(200);
  const line = (res.json() as ProgressResponse).children.find((c) => c.region.code === code);
  if (!line) throw new Error(`no line of ${code}`);
  return line.quality.record;
}

/**
 * Corrects an approved month through the API as a bureau and its province would (reopen, save a
 * cumulative figure raised by `raise`, submit, approve), calling `check` before and after each
 * step. Answers the figure changed, as it was before.
 */
async function correctMonth(
  region: string,
  year: number,
  monthNumber: number,
  raise: number,
  check: (step: string) => Promise<unknown>,
): Promise<{ indicator: string; value: number }> {
  const month = `/api/submissions/${region}/${year}/${monthNumber}`;
  const post = (path: string, payload: object) =>
    ctx.api.inject({ method: "POST", url: path, payload });
  await check("before");
  let version = (await ctx.api.inject({ url: month })).json().version;
  const reopened = await post(`${month}/reopen`, { version, reason: "补充数据" });
  expect(reopened.statusCode, reopened.body).toBe(200);
  version = reopened.json().version;
  await check("reopened");
  const form = (await ctx.api.inject({ url: month })).json() as {
    entries: { indicator: { code: string; kind: string }; value: number | null }[];
  };
  const entry = form.entries.find((e) => e.indicator.kind === "cumulative" && e.value !== null);
  if (!entry) throw new Error(`no cumulative figure in ${region}'s ${year}-${monthNumber}`);
  const value = entry.value as number;
  const saved = await ctx.api.inject({
    method: "PUT",
    url: month,
    payload: {
      baseVersion: version,
      entries: [{ indicator: entry.indicator.code, value: value + raise }],
    },
  });
  expect(saved.statusCode, saved.body).toBe(200);
  await check("saved");
  const submitted = await post(`${month}/submit`, { version: saved.json().version });
  expect(submitted.statusCode, submitted.body).toBe(200);
  await check("submitted");
  const approver = await ctx.as("zj_official");
  const approved = await approver.inject({
    method: "POST",
    url: `${month}/approve`,
    payload: { version: submitted.json().version },
  });
  expect(approved.statusCode, approved.body).toBe(200);
  await check("approved");
  return { indicator: entry.indicator.code, value };
}

describe("announcements name the regions a change touched", () => {
  const code = fc.integer({ min: 0, max: 999_999 }).map((n) => String(n).padStart(6, "0"));

  // A whole region, or one month of it.
  const place = fc.oneof(
    code,
    fc
      .tuple(code, fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 12 }))
      .map(([region, year, month]) => monthPlace(region, year, month)),
  );

  it("a listener hears back the regions and months announced, or none beyond the limit", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 2n ** 62n }),
        fc.array(place, { minLength: 1, maxLength: MAX_ANNOUNCED_REGIONS + 20 }),
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
      "41:data:330100@2020-13",
      "41:data:330100@20-10",
      "41:data:330100@2020-1",
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

  it("a change to one month of a region forgets that month alone; one to the region, all of them", async () => {
    const huzhou = "330500";
    // September and October sent on time, announced as a change of the whole region.
    await sentAt(huzhou, [9, 10], "2020-01-01T00:00:00Z");
    await dataChange([huzhou]);
    const onTime = (await recordOf(huzhou)).monthsOnTime;
    // Both sent late, past the API and unannounced: what is kept still says on time.
    await sentLate(huzhou, [9, 10]);
    expect((await recordOf(huzhou)).monthsOnTime).toBe(onTime);
    // A change of October alone: October is read again, September still kept.
    await dataChange([monthPlace(huzhou, 2020, 10)]);
    expect((await recordOf(huzhou)).monthsOnTime).toBe(onTime - 1);
    // Another region's month forgets nothing of Huzhou's.
    await dataChange([monthPlace("330100", 2020, 9)]);
    expect((await recordOf(huzhou)).monthsOnTime).toBe(onTime - 1);
    // The whole region: every month read again.
    await dataChange([huzhou]);
    expect((await recordOf(huzhou)).monthsOnTime).toBe(onTime - 2);
  });

  it("after each step of a month's correction through the API, the kept quality is the one read afresh", async () => {
    const shaoxing = "330600";
    /** The progress line's quality, and the same computed afresh (a transaction keeps nothing). */
    const bothQualities = async () => {
      const res = await ctx.api.inject(PROGRESS);
      expect(res.statusCode, res.body).toBe(200);
      const kept = (res.json() as ProgressResponse).children.map((c) => [c.region.code, c.quality]);
      const codes = kept.map(([code]) => code as string);
      const fresh = await ctx.database.db.transaction((tx) =>
        qualityOf(tx as never, { regionCodes: codes, year: 2020, month: 10 }),
      );
      return {
        kept: Object.fromEntries(kept),
        fresh: JSON.parse(JSON.stringify(Object.fromEntries(fresh))),
      };
    };
    const records: Record<string, { correctionsAfterApproval: number }> = {};
    await correctMonth(shaoxing, 2020, 9, 1, async (step) => {
      const { kept, fresh } = await bothQualities();
      expect(kept, step).toEqual(fresh);
      records[step] = kept[shaoxing].record;
    });
    expect(Object.keys(records)).toEqual(["before", "reopened", "saved", "submitted", "approved"]);
    const { before, approved } = records;
    if (!before || !approved) throw new Error("no quality before or after the correction");
    // The correction after approval counts: the kept quality did move.
    expect(approved.correctionsAfterApproval).toBe(before.correctionsAfterApproval + 1);
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

describe("progress rows kept per region", () => {
  const zhejiang = {
    code: "330000",
    nameZh: "浙江省",
    nameEn: "Zhejiang",
    level: "province" as const,
  };
  const period = { year: 2020, month: 10, viewerScope: null };

  /** Zhejiang's tables for every indicator: through the API's memory, and read afresh. */
  async function bothTables(at = period) {
    const indicators = await ctx.database.db.select().from(schema.indicators);
    const kept = await progressTables(ctx.app.db, zhejiang, indicators, at);
    // A transaction keeps nothing: its reads are the database's as it is.
    const fresh = await ctx.database.db.transaction((tx) =>
      progressTables(tx as never, zhejiang, indicators, at),
    );
    return { kept: Object.fromEntries(kept), fresh: Object.fromEntries(fresh) };
  }

  /** One city's line of a table. */
  const lineOf =
    (tables: Record<string, ProgressTable<RegionRef>>) => (indicator: string, code: string) => {
      const line = tables[indicator]?.children.find((l) => l.region.code === code);
      if (!line) throw new Error(`no line of ${code} for ${indicator}`);
      return line;
    };

  it("keeps a region's rows until a change names it, its month or nothing", async () => {
    const jiaxing = "330400";
    const { kept } = await bothTables();
    const before = lineOf(kept)("shantytown_starts", jiaxing);
    expect(before.actual).not.toBeNull();
    // Jiaxing's October figure raised past the API (and unannounced, for the test's sake).
    await ctx.database.db.execute(
      sql`update reports set value = value + 100
          where region_code = ${jiaxing} and indicator_code = 'shantytown_starts'
            and year = 2020 and month = 10 and status = 'approved'`,
    );
    const stale = lineOf((await bothTables()).kept)("shantytown_starts", jiaxing);
    expect(stale).toEqual(before);
    // Another region's month forgets nothing of Jiaxing's.
    await dataChange([monthPlace("330100", 2020, 10)]);
    expect(lineOf((await bothTables()).kept)("shantytown_starts", jiaxing)).toEqual(before);
    // Jiaxing's month: read again, the parent's roll-up with it.
    await dataChange([monthPlace(jiaxing, 2020, 10)]);
    const { kept: after, fresh } = await bothTables();
    expect(after).toEqual(fresh);
    const moved = lineOf(after)("shantytown_starts", jiaxing);
    expect(moved.actual).toBe((before.actual as number) + 100);
  });

  it("keeps rows as of a month across a change to a later month or another year, not an earlier one", async () => {
    const taizhou = "331000";
    const september = { ...period, month: 9 };
    const line = async () =>
      lineOf((await bothTables(september)).kept)("shantytown_starts", taizhou);
    const before = await line();
    expect(before.actual).not.toBeNull();
    // Taizhou's approved figures of August and September raised past the API, unannounced.
    await ctx.database.db.execute(
      sql`update reports set value = value + 50
          where region_code = ${taizhou} and indicator_code = 'shantytown_starts'
            and year = 2020 and month in (8, 9) and status = 'approved'`,
    );
    // October's approval, or a month of another year, leaves the rows as of September as kept.
    await dataChange([monthPlace(taizhou, 2020, 10)]);
    expect(await line()).toEqual(before);
    await dataChange([monthPlace(taizhou, 2019, 3)]);
    expect(await line()).toEqual(before);
    // A change of August (earlier than September): read again, as a fresh read says.
    await dataChange([monthPlace(taizhou, 2020, 8)]);
    const { kept, fresh } = await bothTables(september);
    expect(kept).toEqual(fresh);
    expect(lineOf(kept)("shantytown_starts", taizhou).actual).toBe((before.actual as number) + 50);
  });

  it("after each step of a month's correction through the API, the kept tables are the ones read afresh", async () => {
    const lishui = "331100";
    let last: Record<string, ProgressTable<RegionRef>> = {};
    const changed = await correctMonth(lishui, 2020, 10, 7, async (step) => {
      const { kept, fresh } = await bothTables();
      expect(kept, step).toEqual(fresh);
      last = kept;
    });
    expect(lineOf(last)(changed.indicator, lishui).actual).toBe(changed.value + 7);
  });
});
