import {
  allIndicators,
  createIndicator,
  type Database,
  deleteUnusedIndicator,
  indicatorByCode,
  updateIndicator,
} from "@jindu/db";
import { indicatorVisibleIn, mayEditCatalogue, provinceOf } from "@jindu/domain";
import { ApiError, badRequest, conflict, notFound } from "../errors.js";
import type { IndicatorCreate, IndicatorUpdate } from "../schemas/index.js";
import type { SignedInUser } from "./auth.js";
import { requireRegion } from "./lookups.js";

type Actor = Pick<SignedInUser, "role" | "regionCode">;

/** Sort order of a new indicator: after the last one, with room to move it between. */
const SORT_STEP = 10;

/** The catalogue as a user sees it: national users all of it, others their province's part. */
export function catalogueFor(db: Database, user: Actor) {
  return allIndicators(
    db,
    user.regionCode === null ? {} : { province: provinceOf(user.regionCode) },
  );
}

/** An indicator the user can see; another province's own is as unknown as a missing one. */
async function visibleIndicator(db: Database, user: Actor, code: string) {
  const indicator = await indicatorByCode(db, code);
  if (!indicator || !indicatorVisibleIn(indicator.ownerCode, user.regionCode))
    throw notFound(`indicator ${code} does not exist`);
  return indicator;
}

function requireEditor(user: Actor, owner: string | null) {
  if (!mayEditCatalogue(user, owner)) {
    throw new ApiError(
      403,
      owner === null
        ? "only a national official or the administrator changes the national catalogue"
        : `only province ${owner}'s officials, a national official or the administrator change its own indicators`,
    );
  }
}

function checkYears(firstYear: number | null | undefined, lastYear: number | null | undefined) {
  if (firstYear != null && lastYear != null && lastYear < firstYear) {
    throw new ApiError(400, `lastYear ${lastYear} is before firstYear ${firstYear}`, {
      field: "lastYear",
      rule: "years_order",
    });
  }
}

/**
 * Adds an indicator. A provincial official's goes into its own province's part of the catalogue
 * unless it names another owner (refused); a national official's and the administrator's into
 * the national one unless they name a province.
 */
export async function createIndicatorFor(db: Database, user: Actor, body: IndicatorCreate) {
  const owner =
    body.ownerCode !== undefined
      ? body.ownerCode
      : user.regionCode === null
        ? null
        : provinceOf(user.regionCode);
  if (owner !== null) {
    const region = await requireRegion(db, owner, "ownerCode");
    if (region.level !== "province")
      throw badRequest(`ownerCode: ${owner} is not a province`, "ownerCode");
  }
  requireEditor(user, owner);
  if (body.kind === "ratio" && !body.parts) {
    throw new ApiError(400, "a ratio names its parts: what the numerator and denominator are", {
      field: "parts",
      rule: "parts_required",
    });
  }
  if (body.kind !== "ratio" && body.parts) {
    throw new ApiError(400, "only a ratio has parts", { field: "parts", rule: "parts_ratio_only" });
  }
  checkYears(body.firstYear, body.lastYear);
  const last = (await allIndicators(db)).reduce((max, i) => Math.max(max, i.sortOrder), 0);
  const created = await createIndicator(db, {
    code: body.code,
    nameZh: body.nameZh,
    nameEn: body.nameEn,
    unitZh: body.unitZh,
    unitEn: body.unitEn,
    kind: body.kind,
    direction: body.direction,
    category: body.category,
    parts: body.parts ?? null,
    wholeNumber: body.wholeNumber,
    firstYear: body.firstYear ?? null,
    lastYear: body.lastYear ?? null,
    ownerCode: owner,
    sortOrder: last + SORT_STEP,
  });
  if (!created) throw conflict(`indicator code ${body.code} is taken`);
  return created;
}

/** Renames, moves or retires an indicator of the user's part of the catalogue. */
export async function updateIndicatorFor(
  db: Database,
  user: Actor,
  code: string,
  change: IndicatorUpdate,
) {
  const indicator = await visibleIndicator(db, user, code);
  requireEditor(user, indicator.ownerCode);
  checkYears(
    change.firstYear !== undefined ? change.firstYear : indicator.firstYear,
    change.lastYear !== undefined ? change.lastYear : indicator.lastYear,
  );
  const row = await updateIndicator(db, code, change);
  if (!row) throw notFound(`indicator ${code} does not exist`);
  return row;
}

/** Deletes an indicator nothing names yet; one with targets or figures is retired instead. */
export async function deleteIndicatorFor(db: Database, user: Actor, code: string) {
  const indicator = await visibleIndicator(db, user, code);
  requireEditor(user, indicator.ownerCode);
  if (!(await deleteUnusedIndicator(db, code))) {
    throw new ApiError(
      409,
      `indicator ${code} has targets or figures: retire it (set its last year) instead`,
      { rule: "indicator_in_use" },
    );
  }
  return indicator;
}
