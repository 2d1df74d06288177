import { type SQLWrapper, sql } from "drizzle-orm";
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

/**
 * Announced on the same channel by the catalogue's tables themselves (a trigger, migration 0023),
 * whoever changed them: not a version, a signal to drop catalogue reads kept in memory.
 */
export const CATALOGUE_CHANGED = "catalogue";

/** Appended to an announcement of a change that touched no account and no session. */
export const DATA_ONLY_MARK = ":data";

/**
 * Takes the next data version and announces it to every process listening. Called inside the
 * transaction of the change it stands for (or in one of its own), so that the announcement goes
 * out at commit and never without the change. Changes do not wait for each other here: versions
 * may commit, and arrive, out of the order they were taken in (the API's VersionFrontier copes).
 * A lock held from here to commit kept them in order, but made every change at month end wait
 * for the one before it to finish its round trip and its disk flush: writing ran one at a time.
 */
export async function bumpDataVersion(
  db: Database,
  alongside?: SQLWrapper,
  opts: { dataOnly?: boolean } = {},
): Promise<string> {
  // One statement, its own transaction when `db` is not one. `alongside`, a change's last write
  // (its audit row), rides in the same statement as a data-modifying CTE, which PostgreSQL runs
  // whether or not the query reads it: one round trip less per change.
  // getSQL(): a query builder embedded as such is parenthesised, which a CTE's insert may not be.
  const first = alongside ? sql`with alongside as (${alongside.getSQL()}) ` : sql``;
  // A change that touched figures only (no account, no session) says so: listeners then keep
  // what depends on accounts alone (the sessions read in the last seconds).
  const mark = opts.dataOnly ? DATA_ONLY_MARK : "";
  const [row] = await queryRows<{ v: string }>(
    db,
    sql`${first}select next.v::text as v, pg_notify(${CHANGES_CHANNEL}, next.v::text || ${mark}::text)
        from (select nextval('data_version') as v) as next`,
  );
  return row?.v ?? "0";
}
