import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Database } from "../client.js";
import { provinceProfiles } from "../schema.js";

/**
 * Provinces' own seasonal profiles, filtered by province and indicators: read once per request
 * beside the indicators they belong to, never per progress line.
 */
export function provinceProfilesOf(
  db: Database,
  q: { provinces?: readonly string[]; indicatorCodes?: readonly string[] },
) {
  if (q.provinces?.length === 0 || q.indicatorCodes?.length === 0) return Promise.resolve([]);
  const where: SQL[] = [];
  if (q.provinces) where.push(inArray(provinceProfiles.regionCode, [...q.provinces]));
  if (q.indicatorCodes) where.push(inArray(provinceProfiles.indicatorCode, [...q.indicatorCodes]));
  return db
    .select()
    .from(provinceProfiles)
    .where(and(...where))
    .orderBy(asc(provinceProfiles.indicatorCode), asc(provinceProfiles.regionCode));
}

export async function provinceProfileOf(db: Database, province: string, indicatorCode: string) {
  const [row] = await db
    .select()
    .from(provinceProfiles)
    .where(
      and(
        eq(provinceProfiles.regionCode, province),
        eq(provinceProfiles.indicatorCode, indicatorCode),
      ),
    );
  return row ?? null;
}

/** Sets a province's own profile of an indicator (replacing the one it had). */
export async function setProvinceProfile(
  db: Database,
  p: { province: string; indicatorCode: string; profile: number[]; updatedBy: string | null },
) {
  const [row] = await db
    .insert(provinceProfiles)
    .values({
      regionCode: p.province,
      indicatorCode: p.indicatorCode,
      profile: p.profile,
      updatedBy: p.updatedBy,
    })
    .onConflictDoUpdate({
      target: [provinceProfiles.regionCode, provinceProfiles.indicatorCode],
      set: { profile: p.profile, updatedBy: p.updatedBy, updatedAt: sql`now()` },
    })
    .returning();
  if (!row) throw new Error("the province profile was not saved");
  return row;
}

/** Removes a province's own profile (back to the national one); null when it had none. */
export async function deleteProvinceProfile(db: Database, province: string, indicatorCode: string) {
  const [row] = await db
    .delete(provinceProfiles)
    .where(
      and(
        eq(provinceProfiles.regionCode, province),
        eq(provinceProfiles.indicatorCode, indicatorCode),
      ),
    )
    .returning();
  return row ?? null;
}
