import type { YearMonth } from "@jindu/api/schemas";
import { type Periods, usePeriods } from "../api/get-periods";

/**
 * What a screen is about: `latest` for the dashboards (what has been reported), `open` for the
 * work screens (the month a bureau is reporting now).
 */
export type PeriodKind = "latest" | "open";

/**
 * The period a screen opens on when its address names none: the latest month with approved
 * figures (until there is one, the month being reported), or for work screens the open month.
 */
export function defaultPeriodOf(periods: Periods, kind: PeriodKind): YearMonth {
  const open = { year: periods.open.year, month: periods.open.month };
  return kind === "open" ? open : (periods.latest ?? open);
}

/**
 * The years a period picker offers, newest first: those with targets or figures, the open
 * month's where one works on it (or where nothing is reported yet), and the one shown.
 */
export function yearsOffered(
  periods: Periods | undefined,
  kind: PeriodKind,
  shown: number,
): number[] {
  const years = new Set(periods?.years ?? []);
  if (periods && (kind === "open" || periods.latest === null)) years.add(periods.open.year);
  years.add(shown);
  return [...years].sort((a, b) => b - a);
}

/** The default period of a region's screens, once the API has said which periods hold data. */
export function useDefaultPeriod(region: string, kind: PeriodKind = "latest", enabled = true) {
  const periods = usePeriods(region, enabled);
  return {
    period: periods.data ? defaultPeriodOf(periods.data, kind) : undefined,
    periods,
  };
}
