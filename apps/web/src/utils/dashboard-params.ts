/**
 * The shared selection's parts that need no router (use-dashboard-params.ts has the hook): the
 * start-up code (app/warm-up.ts) reads the address with them before React and the router load.
 */
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
