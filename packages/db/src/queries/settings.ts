import { eq, sql } from "drizzle-orm";
import type { Database } from "../client.js";
import { provinceSettings, regions } from "../schema.js";

/** Whether a province asks for four eyes on approvals: on unless it was turned off. */
export async function fourEyesOf(db: Database, provinceCode: string): Promise<boolean> {
  const [row] = await db
    .select({ fourEyes: provinceSettings.fourEyes })
    .from(provinceSettings)
    .where(eq(provinceSettings.regionCode, provinceCode));
  return row?.fourEyes ?? true;
}

/** Every province with its settings (the defaults where none were saved), by code. */
export function allProvinceSettings(db: Database) {
  return db
    .select({
      regionCode: regions.code,
      nameZh: regions.nameZh,
      nameEn: regions.nameEn,
      fourEyes: sql<boolean>`coalesce(${provinceSettings.fourEyes}, true)`,
      updatedBy: provinceSettings.updatedBy,
    })
    .from(regions)
    .leftJoin(provinceSettings, eq(provinceSettings.regionCode, regions.code))
    .where(eq(regions.level, "province"))
    .orderBy(regions.code);
}

export async function setFourEyes(
  db: Database,
  provinceCode: string,
  fourEyes: boolean,
  actor: string,
) {
  await db
    .insert(provinceSettings)
    .values({ regionCode: provinceCode, fourEyes, updatedBy: actor })
    .onConflictDoUpdate({
      target: provinceSettings.regionCode,
      set: { fourEyes, updatedBy: actor, updatedAt: sql`now()` },
    });
}
