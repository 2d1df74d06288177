import type { TaskListItem } from "@jindu/domain";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Database } from "../client.js";
import { annualTasks, regions } from "../schema.js";
import { regionSubtree } from "./catalogue.js";

/** A province's task list for a year in list order; null when it has set none. */
export async function taskListItems(
  db: Database,
  provinceCode: string,
  year: number,
): Promise<TaskListItem[] | null> {
  const rows = await db
    .select({ indicatorCode: annualTasks.indicatorCode, regions: annualTasks.regionCodes })
    .from(annualTasks)
    .where(and(eq(annualTasks.provinceCode, provinceCode), eq(annualTasks.year, year)))
    .orderBy(asc(annualTasks.sortOrder), asc(annualTasks.indicatorCode));
  // Saving an empty list removes it (see saveTaskList): no rows always means no list.
  return rows.length === 0 ? null : rows;
}

/** Replaces a province's list for a year with `items` (in their order); none removes it. */
export async function saveTaskList(
  db: Database,
  provinceCode: string,
  year: number,
  items: readonly TaskListItem[],
  actor: string,
): Promise<void> {
  await db
    .delete(annualTasks)
    .where(and(eq(annualTasks.provinceCode, provinceCode), eq(annualTasks.year, year)));
  if (items.length === 0) return;
  await db.insert(annualTasks).values(
    items.map((item, i) => ({
      provinceCode,
      year,
      indicatorCode: item.indicatorCode,
      regionCodes: item.regions === null ? null : [...item.regions],
      sortOrder: i,
      updatedBy: actor,
    })),
  );
}

/** The task lists of several provinces for a year, by province; a province without one is absent. */
export async function taskListsOfProvinces(
  db: Database,
  provinceCodes: readonly string[],
  year: number,
): Promise<Map<string, TaskListItem[]>> {
  const out = new Map<string, TaskListItem[]>();
  if (provinceCodes.length === 0) return out;
  const rows = await db
    .select({
      provinceCode: annualTasks.provinceCode,
      indicatorCode: annualTasks.indicatorCode,
      regions: annualTasks.regionCodes,
    })
    .from(annualTasks)
    .where(and(inArray(annualTasks.provinceCode, [...provinceCodes]), eq(annualTasks.year, year)))
    .orderBy(asc(annualTasks.sortOrder));
  for (const { provinceCode, ...item } of rows) {
    const list = out.get(provinceCode);
    if (list) list.push(item);
    else out.set(provinceCode, [item]);
  }
  return out;
}

/** The years a province has a task list for, newest first. */
export async function taskListYears(db: Database, provinceCode: string): Promise<number[]> {
  const rows = await db
    .selectDistinct({ year: annualTasks.year })
    .from(annualTasks)
    .where(eq(annualTasks.provinceCode, provinceCode))
    .orderBy(desc(annualTasks.year));
  return rows.map((r) => r.year);
}

/** The codes of a region and every region below it. */
export async function regionCodesWithin(db: Database, code: string): Promise<Set<string>> {
  const rows = await db
    .select({ code: regions.code })
    .from(regions)
    .where(inArray(regions.code, regionSubtree(code)));
  return new Set(rows.map((r) => r.code));
}
