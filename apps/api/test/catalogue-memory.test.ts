import { bumpDataVersion } from "@jindu/db";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { useTestApp } from "./helper.js";

const ctx = useTestApp();
const MATRIX = "/api/matrix?parent=330000&year=2020&month=10";

/** The statements `work` sends to the database (through the app's client, pool or embedded). */
async function statementsOf(work: () => Promise<unknown>): Promise<number> {
  const client = (
    ctx.database.db as unknown as { $client: { query: (...a: unknown[]) => unknown } }
  ).$client;
  const query = client.query;
  let count = 0;
  client.query = function (this: unknown, ...args: unknown[]) {
    count++;
    return query.apply(this, args);
  };
  try {
    await work();
  } finally {
    client.query = query;
  }
  return count;
}

/** A change of figures only (an approval, say), announced as the API announces one. */
async function dataChange() {
  const version = await bumpDataVersion(ctx.database.db, undefined, { dataOnly: true });
  ctx.app.changes.committed(version, true);
}

const nameOf = async (code: string) => {
  const res = await ctx.api.inject(MATRIX);
  expect(res.statusCode).toBe(200);
  const body = res.json() as { indicators: { code: string; nameZh: string }[] };
  return body.indicators.find((i) => i.code === code)?.nameZh;
};

describe("the catalogue kept in memory", () => {
  it("spares a dashboard's first read after a change its catalogue reads", async () => {
    await ctx.api.inject(MATRIX);
    // The answer is stale, the catalogue is not.
    await dataChange();
    const again = await statementsOf(() => ctx.api.inject(MATRIX));
    // The figures' query and the session's; no indicators, regions, task lists or profiles.
    expect(again).toBeGreaterThanOrEqual(1);
    expect(again).toBeLessThanOrEqual(2);
  });

  it("forgets it, and the answers made from it, when the catalogue changes outside the API (psql, a seed)", async () => {
    const before = await ctx.api.inject(MATRIX);
    const etag = before.headers.etag as string;
    expect(etag).toBeTruthy();
    expect(await nameOf("prefab_share")).not.toBe("装配式建筑占比（改）");
    await ctx.database.db.execute(
      sql`update indicators set name_zh = '装配式建筑占比（改）' where code = 'prefab_share'`,
    );
    // No change of figures follows: the database announces the catalogue's change with a data
    // version of its own, so the answer made from the old catalogue is not served again.
    await expect
      .poll(() => nameOf("prefab_share"), { timeout: 5_000 })
      .toBe("装配式建筑占比（改）");
    const again = await ctx.api.inject({ url: MATRIX, headers: { "if-none-match": etag } });
    expect(again.statusCode).toBe(200);
  });

  it("forgets it at once when a change through the API touches the catalogue", async () => {
    const admin = await ctx.as("sysadmin");
    const rename = await admin.inject({
      method: "PATCH",
      url: "/api/indicators/prefab_share",
      payload: { nameZh: "新开工装配式建筑占比" },
    });
    expect(rename.statusCode, rename.body).toBe(200);
    // No waiting: the change's own process forgets before it answers.
    expect(await nameOf("prefab_share")).toBe("新开工装配式建筑占比");
  });
});
