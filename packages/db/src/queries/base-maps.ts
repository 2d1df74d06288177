import type { BaseMapRegion } from "@jindu/domain";
import { eq, like } from "drizzle-orm";
import type { Database } from "../client.js";
import { baseMaps, regions } from "../schema.js";

/** A province's base map, or null when it has uploaded none. */
export async function baseMapOf(db: Database, provinceCode: string) {
  const [row] = await db.select().from(baseMaps).where(eq(baseMaps.provinceCode, provinceCode));
  return row ?? null;
}

/** The codes of a province and every region under it: those its base map may draw. */
export async function regionCodesOfProvince(db: Database, provinceCode: string) {
  const rows = await db
    .select({ code: regions.code })
    .from(regions)
    .where(like(regions.code, `${provinceCode.slice(0, 2)}%`));
  return new Set(rows.map((r) => r.code));
}

/** Stores (or replaces) a province's base map. */
export async function saveBaseMap(
  db: Database,
  map: {
    provinceCode: string;
    approvalNumber: string;
    regions: BaseMapRegion[];
    uploadedBy: string;
  },
) {
  const [row] = await db
    .insert(baseMaps)
    .values(map)
    .onConflictDoUpdate({
      target: baseMaps.provinceCode,
      set: {
        approvalNumber: map.approvalNumber,
        regions: map.regions,
        uploadedBy: map.uploadedBy,
        uploadedAt: new Date(),
      },
    })
    .returning();
  if (!row) throw new Error("base map not saved");
  return row;
}

/** Removes a province's base map; whether there was one. */
export async function deleteBaseMap(db: Database, provinceCode: string): Promise<boolean> {
  const rows = await db
    .delete(baseMaps)
    .where(eq(baseMaps.provinceCode, provinceCode))
    .returning({ code: baseMaps.provinceCode });
  return rows.length > 0;
}
