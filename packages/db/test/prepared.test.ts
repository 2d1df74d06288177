import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../src/client.js";
import { GENERIC_PLANS, MAX_PREPARED_TEXTS, statementName } from "../src/prepared.js";
import { openTestDatabase, type TestDatabase } from "../src/testing.js";

// The pool of a server database prepares statements, whichever database the run tests.
const SERVER = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase({ server: SERVER, seed: false });
});
afterAll(async () => {
  await database?.close();
});

describe("prepared statements on a server database", () => {
  it("names a statement by its text: the same text the same name, another text another", () => {
    const a = statementName("select $1::int as n");
    expect(a).toMatch(/^j[\w-]+$/);
    expect(statementName("select $1::int as n")).toBe(a);
    expect(statementName("select $1::int as m")).not.toBe(a);
  });

  it("a parameterised statement is prepared once per connection and run again from there", async () => {
    // In a transaction: one connection, whose prepared statements the catalogue view lists.
    await database.db.transaction(async (tx) => {
      for (const level of ["province", "city", "county"]) {
        const rows = await queryRows<{ n: number }>(
          tx,
          sql`select count(*)::int as n from regions where level = ${level}`,
        );
        expect(rows).toEqual([{ n: expect.any(Number) }]);
      }
      const prepared = await queryRows<{ statement: string; runs: number }>(
        tx,
        sql`select statement, (generic_plans + custom_plans)::int as runs
            from pg_prepared_statements where statement like ${"%from regions where level%"}`,
      );
      expect(prepared).toEqual([
        { statement: "select count(*)::int as n from regions where level = $1", runs: 3 },
      ]);
    });
  });

  it("a change's transaction runs its statements on generic plans; others and later ones do not", async () => {
    const planMode = async (db: typeof database.db) =>
      (
        await queryRows<{ mode: string }>(
          db,
          sql`select current_setting('plan_cache_mode') as mode`,
        )
      )[0]?.mode;
    const inChange = await database.db.transaction(async (tx) => {
      const mode = await planMode(tx);
      // Run often enough that PostgreSQL would otherwise have planned it for these parameters.
      for (let i = 0; i < 3; i++) {
        await queryRows(tx, sql`select count(*) from regions where level = ${"city"}`);
      }
      const plans = await queryRows<{ generic: number; custom: number }>(
        tx,
        sql`select generic_plans::int as generic, custom_plans::int as custom
            from pg_prepared_statements where statement like ${"%count(*) from regions where level%"}`,
      );
      return { mode, plans };
    }, GENERIC_PLANS);
    expect(inChange.mode).toBe("force_generic_plan");
    expect(inChange.plans).toEqual([{ generic: 3, custom: 0 }]);
    // Set for the transaction only: the connection goes back to the pool as it was.
    expect(await database.db.transaction((tx) => planMode(tx))).toBe("auto");
    expect(await planMode(database.db)).toBe("auto");
  });

  it("statements without parameters stay simple queries (BEGIN, COMMIT, SET)", async () => {
    await database.db.transaction(async (tx) => {
      await tx.execute(sql.raw("set local statement_timeout = 5000"));
      const prepared = await queryRows<{ statement: string }>(
        tx,
        sql`select statement from pg_prepared_statements where statement not like '%$%'`,
      );
      expect(prepared).toEqual([]);
    });
  });

  it(`keeps at most ${MAX_PREPARED_TEXTS} texts; past that, new texts run unnamed`, async () => {
    for (let i = 0; statementName(`select ${i} + $1`) !== undefined; i++) {
      expect(i).toBeLessThan(MAX_PREPARED_TEXTS);
    }
    expect(statementName("select 'new text' || $1")).toBeUndefined();
    // A text known before the bound keeps its name; an unnamed statement still answers.
    expect(statementName("select $1::int as n")).toBeDefined();
    await expect(
      queryRows(database.db, sql`select 'after the bound' || ${"!"} as s`),
    ).resolves.toEqual([{ s: "after the bound!" }]);
  });
});
