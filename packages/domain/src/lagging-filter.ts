/** The statuses a lagging line can have: behind schedule, a little or far. */
export const LAGGING_STATUSES = ["yellow", "red"] as const;
export type LaggingStatus = (typeof LAGGING_STATUSES)[number];

/** What the lagging list (滞后清单) can be narrowed to; an unset field keeps every line. */
export interface LaggingFilter {
  indicator?: string | undefined;
  region?: string | undefined;
  status?: LaggingStatus | undefined;
}

/** What a lagging line needs to be filtered: its indicator, its region and its status. */
export interface FilterableLaggingLine {
  indicator: { code: string };
  line: { region: { code: string }; status: string | null };
}

/**
 * The lines that match every set field, in their given order (worst first). One definition for
 * the screen and its .xlsx export, so that the workbook holds exactly what the screen shows.
 */
export function filterLagging<T extends FilterableLaggingLine>(
  items: readonly T[],
  filter: LaggingFilter,
): T[] {
  return items.filter(
    (item) =>
      (filter.indicator === undefined || item.indicator.code === filter.indicator) &&
      (filter.region === undefined || item.line.region.code === filter.region) &&
      (filter.status === undefined || item.line.status === filter.status),
  );
}
