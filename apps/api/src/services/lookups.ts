import { allRegions, type Database, databaseItself, regionAncestry, regionByCode } from "@jindu/db";
import { indicatorVisibleIn } from "@jindu/domain";
import { badRequest } from "../errors.js";
import { indicatorOfCode } from "./catalogue-memory.js";

type Region = NonNullable<Awaited<ReturnType<typeof regionByCode>>>;

/**
 * Every region, per database, read in one statement the first time any is asked for. Regions
 * are reference data the API never changes (as ancestries in auth.ts): at month end each
 * bureau's first save looked up its region and its ancestry, two statements of its twenty. A
 * code not found there (a region added since) is looked up alone and kept; an unknown code is
 * not kept, so a made-up code cannot grow the map beyond the regions table.
 */
const directories = new WeakMap<object, Promise<Map<string, Readonly<Region>>>>();

function regionDirectory(db: Database): Promise<Map<string, Readonly<Region>>> | undefined {
  const itself = databaseItself(db);
  if (!itself) return undefined;
  let directory = directories.get(itself);
  if (!directory) {
    directory = allRegions(db).then((rows) => new Map(rows.map((r) => [r.code, Object.freeze(r)])));
    // A failed read (the database away) is not kept: the next request reads again.
    directory.catch(() => directories.delete(itself));
    directories.set(itself, directory);
  }
  return directory;
}

/** A region by its code, or null when there is none. */
export async function regionOfCode(db: Database, code: string): Promise<Readonly<Region> | null> {
  const known = await regionDirectory(db);
  const kept = known?.get(code);
  if (kept) return kept;
  const region = await regionByCode(db, code);
  if (!region) return null;
  const frozen = Object.freeze(region);
  known?.set(code, frozen);
  return frozen;
}

/** A region named in a request; an unknown code is bad input (400) naming the field. */
export async function requireRegion(
  db: Database,
  code: string,
  field: string,
): Promise<Readonly<Region>> {
  const region = await regionOfCode(db, code);
  if (!region) throw badRequest(`${field}: region ${code} does not exist`, field);
  return region;
}

/**
 * A region's code and its ancestors' up to its province (empty for an unknown code), from the
 * directory; read from the database when a link is not in it.
 */
export async function ancestryFromDirectory(db: Database, code: string): Promise<string[]> {
  const known = await regionDirectory(db);
  const chain: string[] = [];
  for (let at: string | null = code; at !== null && chain.length <= 5; ) {
    const region: Readonly<Region> | undefined = known?.get(at);
    if (!region) return regionAncestry(db, code);
    chain.push(at);
    at = region.parentCode;
  }
  return chain;
}

/**
 * An indicator named in a request; an unknown code is bad input (400) naming the field. With a
 * region, another province's own indicator is unknown too: a province never sees it.
 */
export async function requireIndicator(
  db: Database,
  code: string,
  field: string,
  regionCode?: string,
) {
  const indicator = await indicatorOfCode(db, code);
  const hidden = indicator !== null && !indicatorVisibleIn(indicator.ownerCode, regionCode ?? null);
  if (!indicator || hidden) throw badRequest(`${field}: indicator ${code} does not exist`, field);
  return indicator;
}
