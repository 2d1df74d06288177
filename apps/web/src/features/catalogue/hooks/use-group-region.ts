import { useEffect } from "react";
import { useDashboardParams } from "@/hooks/use-dashboard-params";
import { regionPath, useRegions } from "../api/get-regions";

/**
 * Screens that compare sub-regions need a region that has some. Arriving with a city that has
 * none (say from its detail page), they show its parent's group instead, replacing the URL so
 * that Back still returns to where the user came from.
 */
export function useGroupRegion(): string {
  const { params, setParams } = useDashboardParams();
  const regions = useRegions();
  const path = regionPath(regions.data, params.region);
  const region = path.at(-1);
  const parent = path.at(-2);
  const leaf = region !== undefined && region.children.length === 0 && parent !== undefined;

  useEffect(() => {
    if (leaf) setParams({ region: parent.code }, { replace: true });
  }, [leaf, parent, setParams]);

  return leaf ? parent.code : params.region;
}
