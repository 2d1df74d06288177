import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../client.js";

/** The current data version (see `dataVersion` in the schema). */
export async function currentDataVersion(db: Database): Promise<string> {
  const [row] = await queryRows<{ v: string }>(
    db,
    sql`select last_value::text as v from data_version`,
  );
  return row?.v ?? "0";
}

export async function bumpDataVersion(db: Database): Promise<void> {
  await db.execute(sql`select nextval('data_version')`);
}
