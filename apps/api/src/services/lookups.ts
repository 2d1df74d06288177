import { type Database, indicatorByCode, regionByCode } from "@jindu/db";
import { indicatorVisibleIn } from "@jindu/domain";
import { badRequest } from "../errors.js";

/** A region named in a request; an unknown code is bad input (400) naming the field. */
export async function requireRegion(db: Database, code: string, field: string) {
  const region = await regionByCode(db, code);
  if (!region) throw badRequest(`${field}: region ${code} does not exist`, field);
  return region;
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
  const indicator = await indicatorByCode(db, code);
  const hidden = indicator !== null && !indicatorVisibleIn(indicator.ownerCode, regionCode ?? null);
  if (!indicator || hidden) throw badRequest(`${field}: indicator ${code} does not exist`, field);
  return indicator;
}
