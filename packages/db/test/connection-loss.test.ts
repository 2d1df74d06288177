import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "../src/index.js";
import { openTestDatabase, type TestDatabase } from "../src/testing.js";

/**
 * A connection killed while a transaction holds it must fail that transaction, not the process.
 * Killing a backend needs a server, so this uses the one at DATABASE_URL, or the local one, also
 * in the embedded-database run.
 */
const SERVER = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase({ server: SERVER, seed: false });
});
afterAll(async () => {
  await database?.close();
});

async function terminate(pid: number) {
  const admin = new pg.Client({ connectionString: SERVER });
  await admin.connect();
  await admin.query("select pg_terminate_backend($1)", [pid]);
  await admin.end();
}

describe("a pooled connection lost while in use", () => {
  it("fails its transaction as 'database unavailable' and the pool goes on serving", async () => {
    const unhandled: Error[] = [];
    const record = (error: Error) => unhandled.push(error);
    process.on("uncaughtException", record);
    try {
      const outcome = database.db
        .transaction(async (tx) => {
          const { rows } = (await tx.execute(sql`select pg_backend_pid() as pid`)) as unknown as {
            rows: { pid: number }[];
          };
          // The client is checked out and idle between two queries when the server kills it:
          // pg-pool no longer listens to it, so only our listener stands between its "error"
          // event and the process.
          await terminate(Number(rows[0]?.pid));
          await new Promise((resolve) => setTimeout(resolve, 200));
          await tx.execute(sql`select 1`);
        })
        .then(
          () => null,
          (error: unknown) => error,
        );
      const error = await outcome;
      expect(error).not.toBeNull();
      expect(isDatabaseUnavailable(error)).toBe(true);
      expect(unhandled).toEqual([]);
      const { rows } = (await database.db.execute(sql`select 1 as one`)) as unknown as {
        rows: { one: number }[];
      };
      expect(rows[0]?.one).toBe(1);
    } finally {
      process.off("uncaughtException", record);
    }
  });
});
