import {
  type Database,
  deleteProvinceProfile,
  type ProvinceProfile as ProvinceProfileRow,
  provinceProfilesOf,
  setProvinceProfile,
} from "@jindu/db";
import { provinceOf, seasonalProfileProblem } from "@jindu/domain";
import { ApiError, badRequest, notFound } from "../errors.js";
import type { ProfilesResponse, ProvinceProfile } from "../schemas/index.js";
import { requireIndicator, requireRegion } from "./lookups.js";

export const presentProvinceProfile = (row: ProvinceProfileRow): ProvinceProfile => ({
  indicator: row.indicatorCode,
  province: row.regionCode,
  profile: row.profile,
  updatedAt: row.updatedAt.toISOString(),
  updatedBy: row.updatedBy,
});

/** A province named in a request: it must exist and be a province. */
async function requireProvince(db: Database, code: string) {
  const region = await requireRegion(db, code, "province");
  if (region.level !== "province") {
    throw badRequest(`province: ${code} is not a province`, "province");
  }
  return region;
}

/**
 * An indicator's national profile and the provinces' own ones: every province's for the country,
 * only its own for someone within a province.
 */
export async function profilesOf(
  db: Database,
  code: string,
  scope: string | null,
): Promise<ProfilesResponse> {
  const indicator = await requireIndicator(db, code, "code", scope ?? undefined);
  const rows = await provinceProfilesOf(db, {
    indicatorCodes: [code],
    ...(scope === null ? {} : { provinces: [provinceOf(scope)] }),
  });
  return {
    indicator: code,
    national: indicator.seasonalProfile,
    provinces: rows.map(presentProvinceProfile),
  };
}

/** Sets a province's own seasonal profile of an indicator, checked as the national one is. */
export async function saveProvinceProfile(
  db: Database,
  q: { code: string; province: string; profile: number[]; by: string | null },
): Promise<ProvinceProfile> {
  await requireProvince(db, q.province);
  await requireIndicator(db, q.code, "code", q.province);
  const problem = seasonalProfileProblem(q.profile);
  if (problem) throw new ApiError(400, problem, { field: "profile", rule: "seasonal_profile" });
  const row = await setProvinceProfile(db, {
    province: q.province,
    indicatorCode: q.code,
    profile: q.profile,
    updatedBy: q.by,
  });
  return presentProvinceProfile(row);
}

/** Removes a province's own profile: the province is back on the national one. */
export async function removeProvinceProfile(
  db: Database,
  q: { code: string; province: string },
): Promise<ProvinceProfile> {
  await requireProvince(db, q.province);
  await requireIndicator(db, q.code, "code", q.province);
  const row = await deleteProvinceProfile(db, q.province, q.code);
  if (!row) throw notFound(`${q.province} has no profile of its own for ${q.code}`);
  return presentProvinceProfile(row);
}
