import { defaultDashboardRegion, openMonth } from "@jindu/domain";
import { useCallback, useMemo } from "react";
import { useLocation, useNavigate, useSearchParams } from "react-router";
import { useSession } from "@/lib/auth";
import { type DashboardParams, namedParams } from "@/utils/dashboard-params";

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
    () => parseParams(search, defaultDashboardRegion(userRegion)),
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

export { type DashboardParams, namedParams };
