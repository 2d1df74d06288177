import { useCallback, useMemo } from "react";
import { useLocation, useNavigate, useSearchParams } from "react-router";
import { DEFAULTS } from "@/config/defaults";
import { useSession } from "@/lib/auth";
import { dashboardProvince } from "@/utils/scope";

export interface DashboardParams {
  region: string;
  year: number;
  month: number;
  /** Unset until the user picks one; each screen falls back to the first indicator. */
  indicator: string | undefined;
}

const intIn = (text: string | null, min: number, max: number, fallback: number) => {
  const value = Number(text);
  return text && Number.isInteger(value) && value >= min && value <= max ? value : fallback;
};

/**
 * The region when the URL names none: the user's own province (a city bureau's is the one it
 * belongs to), or for national accounts the default one.
 */
export const defaultRegion = (userRegion: string | null | undefined) =>
  dashboardProvince(userRegion ?? null) ?? DEFAULTS.region;

export function parseParams(search: URLSearchParams, fallbackRegion: string): DashboardParams {
  const region = search.get("region");
  const indicator = search.get("indicator");
  return {
    region: region && /^[0-9]{6}$/.test(region) ? region : fallbackRegion,
    year: intIn(search.get("year"), 2000, 2100, DEFAULTS.year),
    month: intIn(search.get("month"), 1, 12, DEFAULTS.month),
    indicator: indicator && /^[a-z][a-z0-9_]{1,63}$/.test(indicator) ? indicator : undefined,
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
 * reproduces the view and the browser's Back button undoes a change.
 */
export function useDashboardParams() {
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const userRegion = useSession().data?.user.regionCode;
  const params = useMemo(
    () => parseParams(search, defaultRegion(userRegion)),
    [search, userRegion],
  );

  const setParams = useCallback(
    (change: Partial<DashboardParams>, options: { replace?: boolean } = {}) => {
      navigate({ pathname, search: toSearch({ ...params, ...change }) }, options);
    },
    [navigate, pathname, params],
  );

  /** A link to another screen keeping the current selection, with some of it changed. */
  const hrefTo = useCallback(
    (path: string, change: Partial<DashboardParams> = {}) =>
      `${path}${toSearch({ ...params, ...change })}`,
    [params],
  );

  return { params, setParams, hrefTo };
}
