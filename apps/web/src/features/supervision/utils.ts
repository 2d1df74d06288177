import { paths } from "@/config/paths";
import type { RegionEntry, RegionTree } from "@/features/catalogue/api/get-regions";
import { regionPath } from "@/features/catalogue/api/get-regions";
import { formatBeijingTime } from "@/utils/format";

/** Today's date in Beijing, YYYY-MM-DD: the dates of the records are Beijing dates. */
export const today = () => beijingDate(new Date());

/** An open record whose deadline has passed. */
export const isOverdue = (record: { status: string; deadline: string }, on = today()) =>
  record.status === "open" && record.deadline < on;

/** The regions a user works over: their own region's subtree, or every province if national. */
export function scopeRoots(tree: RegionTree | undefined, userRegion: string | null): RegionEntry[] {
  if (!tree) return [];
  if (userRegion === null) return tree.regions as RegionEntry[];
  const own = regionPath(tree, userRegion).at(-1);
  return own ? [own] : [];
}

/** Whether a region lies in the user's scope (their region or below; national: anywhere). */
export function inScope(tree: RegionTree | undefined, userRegion: string | null, code: string) {
  if (userRegion === null) return true;
  return regionPath(tree, code).some((node) => node.code === userRegion);
}

/**
 * The supervision screen with the new-record form open for a region and indicator; with the
 * lagging list's month, the form is pre-filled with where the region stood then.
 */
export function newRecordHref(
  region: string,
  indicator?: string,
  period?: { year: number; month: number },
) {
  const search = new URLSearchParams({ region, new: "1" });
  if (indicator) search.set("indicator", indicator);
  if (period) {
    search.set("year", String(period.year));
    search.set("month", String(period.month));
  }
  return `${paths.supervision}?${search}`;
}

/** The Beijing date of an instant: "2020-11-03". */
export const beijingDate = (iso: string | Date) =>
  formatBeijingTime(iso, "zh-CN", "stamp").slice(0, 10);
