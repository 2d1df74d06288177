import { provinceOf } from "./indicator.js";

/**
 * A province's annual task list (年度目标任务清单): which indicators it works on in a year and
 * which of its regions carry each. `regions: null` means every region of the province; a list
 * names cities or counties, and a city named carries the task for its counties too.
 */
export interface TaskListItem {
  indicatorCode: string;
  regions: readonly string[] | null;
}

/**
 * A province's list for one year, by indicator; null when the province has set none, in which
 * case every indicator in force applies and a figure is asked where a target is set (as before
 * task lists existed).
 */
export type TaskList = ReadonlyMap<string, readonly string[] | null> | null;

export const MAX_TASK_LIST_ITEMS = 200;
export const MAX_TASK_REGIONS = 300;

export function taskListOf(items: readonly TaskListItem[] | null): TaskList {
  return items === null ? null : new Map(items.map((i) => [i.indicatorCode, i.regions]));
}

/** The city a county belongs to, by its GB/T 2260 code (the county itself for a city). */
function cityOf(code: string): string {
  return `${code.slice(0, 4)}00`;
}

/**
 * Whether `region` carries a task listed for `listed`: the same region, a county of a listed
 * city, or a province or city above a listed region (it answers for what its regions do).
 */
function covers(listed: string, region: string): boolean {
  if (listed === region) return true;
  if (region === provinceOf(region)) return provinceOf(listed) === region;
  if (listed === provinceOf(listed)) return provinceOf(region) === listed;
  return cityOf(region) === listed || cityOf(listed) === region;
}

/** Whether a region is asked for an indicator's figures in the year of `list`. */
export function taskApplies(list: TaskList, indicatorCode: string, region: string): boolean {
  if (list === null) return true;
  if (!list.has(indicatorCode)) return false;
  const regions = list.get(indicatorCode);
  return regions === null || regions === undefined || regions.some((l) => covers(l, region));
}

/** Whether a region carries any task of the year: one that carries none is not asked to report. */
export function carriesAnyTask(list: TaskList, region: string): boolean {
  if (list === null) return true;
  for (const code of list.keys()) if (taskApplies(list, code, region)) return true;
  return false;
}

export interface TaskListProblem {
  index: number;
  field: "indicatorCode" | "regions";
  rule: "duplicate" | "unknown_indicator" | "outside_province" | "unknown_region";
  message: string;
}

/**
 * What is wrong with a list a province wants to save: an indicator twice, one the province
 * cannot use, a region outside it or unknown.
 */
export function taskListProblems(
  province: string,
  items: readonly TaskListItem[],
  known: { indicators: ReadonlySet<string>; regions: ReadonlySet<string> },
): TaskListProblem[] {
  const problems: TaskListProblem[] = [];
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.indicatorCode)) {
      problems.push({
        index,
        field: "indicatorCode",
        rule: "duplicate",
        message: `${item.indicatorCode} is listed twice`,
      });
    }
    seen.add(item.indicatorCode);
    if (!known.indicators.has(item.indicatorCode)) {
      problems.push({
        index,
        field: "indicatorCode",
        rule: "unknown_indicator",
        message: `${item.indicatorCode} is not an indicator in force in this province and year`,
      });
    }
    for (const region of item.regions ?? []) {
      if (provinceOf(region) !== province || region === province) {
        problems.push({
          index,
          field: "regions",
          rule: "outside_province",
          message: `${region} is not a city or county of ${province}`,
        });
      } else if (!known.regions.has(region)) {
        problems.push({
          index,
          field: "regions",
          rule: "unknown_region",
          message: `${region} is not a known region`,
        });
      }
    }
  });
  return problems;
}
