import {
  allIndicators,
  type Database,
  regionCodesWithin,
  saveTaskList,
  taskListItems,
  taskListYears,
} from "@jindu/db";
import {
  carriesAnyTask,
  inForce,
  provinceOf,
  type TaskList,
  type TaskListItem,
  taskApplies,
  taskListOf,
  taskListProblems,
} from "@jindu/domain";
import { badRequest, invalid } from "../errors.js";
import type { TaskListResponse } from "../schemas/index.js";
import { taskListsOf } from "./catalogue-memory.js";
import { requireRegion } from "./lookups.js";

/** Whether a region is asked for an indicator's figures: its province's task list decides. */
export type Asks = (indicatorCode: string, regionCode: string) => boolean;

/** The task lists of a year for regions of one or more provinces, in one query. */
async function listsFor(db: Database, regionCodes: readonly string[], year: number) {
  const provinces = [...new Set(regionCodes.map(provinceOf))];
  const lists = await taskListsOf(db, provinces, year);
  const byProvince = new Map<string, TaskList>(
    [...lists].map(([province, items]) => [province, taskListOf(items)]),
  );
  return (region: string) => byProvince.get(provinceOf(region)) ?? null;
}

export async function asksFor(
  db: Database,
  regionCodes: readonly string[],
  year: number,
): Promise<Asks> {
  const listOf = await listsFor(db, regionCodes, year);
  return (indicator, region) => taskApplies(listOf(region), indicator, region);
}

/** Whether a region has anything to report in the year (one with no task is not chased). */
export async function reportersFor(
  db: Database,
  regionCodes: readonly string[],
  year: number,
): Promise<(regionCode: string) => boolean> {
  const listOf = await listsFor(db, regionCodes, year);
  return (region) => carriesAnyTask(listOf(region), region);
}

async function requireProvince(db: Database, code: string) {
  const region = await requireRegion(db, code, "code");
  if (region.level !== "province") throw badRequest(`code: ${code} is not a province`, "code");
}

/** The codes of the province's indicators in force in `year`, whatever its task list says. */
async function inForceIn(db: Database, province: string, year: number): Promise<Set<string>> {
  const rows = await allIndicators(db, { province });
  return new Set(rows.filter((i) => inForce(i, year)).map((i) => i.code));
}

/** A province's list for a year as the API shows it. */
export async function taskListView(
  db: Database,
  province: string,
  year: number,
): Promise<TaskListResponse> {
  await requireProvince(db, province);
  const [items, listedYears] = await Promise.all([
    taskListItems(db, province, year),
    taskListYears(db, province),
  ]);
  return {
    province,
    year,
    listed: items !== null,
    items: (items ?? []).map((i) => ({
      indicatorCode: i.indicatorCode,
      regions: i.regions === null ? null : [...i.regions],
    })),
    listedYears,
  };
}

/**
 * Saves a province's list for a year after checking it against the catalogue of that year and
 * the province's regions; an empty list removes it (every indicator is asked for again).
 */
export async function saveTaskListFor(
  db: Database,
  province: string,
  year: number,
  items: readonly TaskListItem[],
  actor: string,
): Promise<TaskListResponse> {
  await requireProvince(db, province);
  // The catalogue of the year without the list's own filter: any indicator in force may be listed.
  const [indicators, regions] = await Promise.all([
    inForceIn(db, province, year),
    regionCodesWithin(db, province),
  ]);
  const problems = taskListProblems(province, items, {
    indicators,
    regions,
  });
  if (problems.length > 0) {
    throw invalid(
      problems.map((p) => ({
        field: `items.${p.index}.${p.field}`,
        rule: p.rule,
        message: p.message,
      })),
    );
  }
  await saveTaskList(db, province, year, items, actor);
  return taskListView(db, province, year);
}

/** Starts a year's list as a copy of another year's (indicators no longer in force left out). */
export async function copyTaskList(
  db: Database,
  province: string,
  year: number,
  fromYear: number,
  actor: string,
): Promise<TaskListResponse> {
  const from = await taskListItems(db, province, fromYear);
  if (!from) throw badRequest(`fromYear: ${province} has no task list for ${fromYear}`, "fromYear");
  const inForce = await inForceIn(db, province, year);
  return saveTaskListFor(
    db,
    province,
    year,
    from.filter((i) => inForce.has(i.indicatorCode)),
    actor,
  );
}
