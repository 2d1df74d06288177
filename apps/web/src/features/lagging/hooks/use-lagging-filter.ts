import { LAGGING_STATUSES, type LaggingFilter, type LaggingStatus } from "@jindu/domain";
import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";

/**
 * The lagging list's own filters, in the URL so that a link reproduces the view. Their own keys:
 * `indicator` and `region` already name the screens' shared selection (the parent region).
 */
const KEYS = { indicator: "only_indicator", region: "only_region", status: "only_status" } as const;

const isStatus = (text: string | null): text is LaggingStatus =>
  (LAGGING_STATUSES as readonly string[]).includes(text ?? "");

/** What the URL names, well-formed; anything malformed counts as not named. */
export function filterFromSearch(search: URLSearchParams): LaggingFilter {
  const indicator = search.get(KEYS.indicator);
  const region = search.get(KEYS.region);
  const status = search.get(KEYS.status);
  return {
    indicator: indicator && /^[a-z][a-z0-9_]{1,63}$/.test(indicator) ? indicator : undefined,
    region: region && /^[0-9]{6}$/.test(region) ? region : undefined,
    status: isStatus(status) ? status : undefined,
  };
}

export function useLaggingFilter() {
  const [search, setSearch] = useSearchParams();
  const filter = useMemo(() => filterFromSearch(search), [search]);
  const setFilter = useCallback(
    (change: Partial<LaggingFilter>) => {
      setSearch(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [field, key] of Object.entries(KEYS) as [keyof LaggingFilter, string][]) {
            if (!(field in change)) continue;
            const value = change[field];
            if (value === undefined) next.delete(key);
            else next.set(key, value);
          }
          return next;
        },
        { replace: true },
      );
    },
    [setSearch],
  );
  return { filter, setFilter };
}
