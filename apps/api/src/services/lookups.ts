import { type Database, databaseItself, regionByCode } from "@jindu/db";
import { indicatorVisibleIn } from "@jindu/domain";
import { badRequest } from "../errors.js";
import { indicatorOfCode } from "./catalogue-memory.js";

type Region = NonNullable<Awaited<ReturnType<typeof regionByCode>>>;

/**
 * Regions read, per database. Regions are reference data the API never changes (as ancestries in
 * auth.ts): a bureau's save and submit named theirs in five statements of twenty. Unknown codes
 * are not kept, so a made-up code cannot grow the map beyond the regions table.
 */
const regionsRead = new WeakMap<object, Map<string, Readonly<Region>>>();

/** A region named in a request; an unknown code is bad input (400) naming the field. */
export async function requireRegion(
  db: Database,
  code: string,
  field: string,
): Promise<Readonly<Region>> {
  const itself = databaseItself(db);
  let known = itself ? regionsRead.get(itself) : undefined;
  if (itself && !known) {
    known = new Map();
    regionsRead.set(itself, known);
  }
  const kept = known?.get(code);
  if (kept) return kept;
  const region = await regionByCode(db, code);
  if (!region) throw badRequest(`${field}: region ${code} does not exist`, field);
  const frozen = Object.freeze(region);
  known?.set(code, frozen);
  return frozen;
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
