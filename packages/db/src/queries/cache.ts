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

/** Where every change is announced, with the new data version as the payload. */
export const CHANGES_CHANNEL = "jindu_changes";

/** Takes the next data version and announces it to every process listening. */
export async function bumpDataVersion(db: Database): Promise<string> {
  const [row] = await queryRows<{ v: string }>(
    db,
    sql`select v::text as v, pg_notify(${CHANGES_CHANNEL}, v::text)
        from (select nextval('data_version') as v) as next`,
  );
  return row?.v ?? "0";
}
