import { openMonth } from "@jindu/domain";
import { useCallback, useMemo } from "react";
import { useLocation, useNavigate, useSearchParams } from "react-router";
import { NATIONAL_DEFAULT_REGION } from "@/config/defaults";
import { useSession } from "@/lib/auth";
import { dashboardProvince } from "@/utils/scope";

export interface DashboardParams {
  region: string;
  year: number;
  month: number;
  /** Unset until the user picks one; each screen falls back to the first indicator. */
  indicator: string | undefined;
}

const intIn = (text: string | null, min: number, max: number) => {
  const value = Number(text);
  return text && Number.isInteger(value) && value >= min && value <= max ? value : undefined;
};

/**
 * The region when the URL names none: the user's own province (a city bureau's is the one it
 * belongs to), or for national accounts the default one.
 */
export const defaultRegion = (userRegion: string | null | undefined) =>
  dashboardProvince(userRegion ?? null) ?? NATIONAL_DEFAULT_REGION;

/** What the URL itself names, well-formed; anything malformed counts as not named. */
export function namedParams(search: URLSearchParams): Partial<DashboardParams> {
  const region = search.get("region");
  const indicator = search.get("indicator");
  const named: Partial<DashboardParams> = {
    year: intIn(search.get("year"), 2000, 2100),
    month: intIn(search.get("month"), 1, 12),
  };
  if (region && /^[0-9]{6}$/.test(region)) named.region = region;
  if (indicator && /^[a-z][a-z0-9_]{1,63}$/.test(indicator)) named.indicator = indicator;
  for (const key of ["year", "month"] as const) if (named[key] === undefined) delete named[key];
  return named;
}

/**
 * The selection with what the URL leaves out filled in. Screens open behind DefaultPeriod, which
 * puts the period with data into the URL first; the month being reported is only a stopgap.
 */
export function parseParams(search: URLSearchParams, fallbackRegion: string): DashboardParams {
  const named = namedParams(search);
  const open = openMonth(new Date());
  return {
    region: named.region ?? fallbackRegion,
    year: named.year ?? open.year,
    month: named.month ?? open.month,
    indicator: named.indicator,
  };
}

export function toSearch(params: Partial<DashboardParams>): string {
  const search = new URLSearchParams();
  for (const key of ["region", "year", "month", "indicator"] as const) {
    const value = params[key];
    if (value !== undefined) search.set(key, String(value));
  }
  return `?${search}`;
}

/**
 * The selection every screen shares (region, year, month, indicator) lives in the URL, so a link
 * reproduces the view and the browser's Back button undoes a change. Links and changes carry
 * what the URL names, never the stopgaps: a screen reached without a period opens on its own
 * default.
 */
export function useDashboardParams() {
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const userRegion = useSession().data?.user.regionCode;
  const named = useMemo(() => namedParams(search), [search]);
  const params = useMemo(
    () => parseParams(search, defaultRegion(userRegion)),
    [search, userRegion],
  );

  const setParams = useCallback(
    (change: Partial<DashboardParams>, options: { replace?: boolean } = {}) => {
      navigate({ pathname, search: toSearch({ ...named, ...change }) }, options);
    },
    [navigate, pathname, named],
  );

  /** A link to another screen keeping the current selection, with some of it changed. */
  const hrefTo = useCallback(
    (path: string, change: Partial<DashboardParams> = {}) =>
      `${path}${toSearch({ ...named, ...change })}`,
    [named],
  );

  return { params, named, setParams, hrefTo };
}
