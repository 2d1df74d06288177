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
 * whoever changed them: a signal to drop catalogue reads kept in memory. The same trigger then
 * announces a data version of its own (migration 0024), so that answers and ETags made from the
 * old catalogue are not served after it either.
 */
export const CATALOGUE_CHANGED = "catalogue";

/** Appended to an announcement of a change that touched no account and no session. */
export const DATA_ONLY_MARK = ":data";

/**
 * A data-only change that names the regions whose own figures and months it changed appends
 * them: `41:data:330302,330303`, or one month of a region each (`330302@2026-03`, a month's save,
 * submit or approval). Listeners then keep what they hold of every other region (the quality of
 * a province's cities while one city's month is approved), and of that region's other months. At
 * most this many: NOTIFY carries 8,000 bytes, and a change of more regions (an import) is
 * announced without them.
 */
export const MAX_ANNOUNCED_REGIONS = 100;

/** A region (`330302`), or one month of it (`330302@2026-03`): what an announcement names. */
const PLACE = "[0-9]{6}(?:@[0-9]{4}-(?:0[1-9]|1[0-2]))?";
const placePattern = new RegExp(`^${PLACE}$`);
const announcementPattern = new RegExp(`^(\\d+)(:data(?::(${PLACE}(?:,${PLACE})*))?)?$`);

/** The place an announcement names for one month of a region: `330302@2026-03`. */
export function monthPlace(regionCode: string, year: number, month: number): string {
  return `${regionCode}@${year}-${String(month).padStart(2, "0")}`;
}

/** A named place's region and month (`2026-03`), or null when the whole region is named. */
export function placeOf(place: string): { region: string; month: string | null } {
  const at = place.indexOf("@");
  return at < 0
    ? { region: place, month: null }
    : { region: place.slice(0, at), month: place.slice(at + 1) };
}

/** The announcement of a version: `41`, `41:data` or `41:data:330302,330303@2026-03`. */
export function announcement(
  version: string,
  opts: { dataOnly?: boolean; regions?: readonly string[] } = {},
): string {
  if (!opts.dataOnly) return version;
  const regions = opts.regions ?? [];
  const named =
    regions.length > 0 &&
    regions.length <= MAX_ANNOUNCED_REGIONS &&
    regions.every((place) => placePattern.test(place));
  return named ? `${version}${DATA_ONLY_MARK}:${regions.join(",")}` : `${version}${DATA_ONLY_MARK}`;
}

/**
 * What an announcement says: its version, whether data only, and the places it names (regions,
 * or months of regions; null: any).
 */
export function heardAnnouncement(
  payload: string,
): { version: bigint; dataOnly: boolean; regions: string[] | null } | null {
  const [, number, dataOnly, regions] = announcementPattern.exec(payload) ?? [];
  if (number === undefined) return null;
  return {
    version: BigInt(number),
    dataOnly: dataOnly !== undefined,
    regions: regions === undefined ? null : regions.split(","),
  };
}

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
  opts: { dataOnly?: boolean; regions?: readonly string[] } = {},
): Promise<string> {
  // One statement, its own transaction when `db` is not one. `alongside`, a change's last write
  // (its audit row), rides in the same statement as a data-modifying CTE, which PostgreSQL runs
  // whether or not the query reads it: one round trip less per change.
  // getSQL(): a query builder embedded as such is parenthesised, which a CTE's insert may not be.
  const first = alongside ? sql`with alongside as (${alongside.getSQL()}) ` : sql``;
  // A change that touched figures only (no account, no session) says so: listeners then keep
  // what depends on accounts alone (the sessions read in the last seconds), and with the regions
  // it names, what they keep of every other region.
  const mark = announcement("", opts);
  const [row] = await queryRows<{ v: string }>(
    db,
    sql`${first}select next.v::text as v, pg_notify(${CHANGES_CHANNEL}, next.v::text || ${mark}::text)
        from (select nextval('data_version') as v) as next`,
  );
  return row?.v ?? "0";
}
