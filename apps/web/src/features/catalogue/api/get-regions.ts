import type { RegionNode, RegionTreeResponse } from "@jindu/api/schemas";
import { queryOptions, useQuery } from "@tanstack/react-query";
import type { Static } from "typebox";
import { apiGet } from "@/lib/api-client";

export type RegionTree = Static<typeof RegionTreeResponse>;
export type { RegionNode };

export const getRegions = (signal?: AbortSignal) => apiGet<RegionTree>("/regions", {}, signal);

export const regionsQueryOptions = () =>
  queryOptions({
    queryKey: ["regions"],
    queryFn: ({ signal }) => getRegions(signal),
    // The region catalogue changes with administrative reforms, not within a session.
    staleTime: Number.POSITIVE_INFINITY,
  });

export const useRegions = () => useQuery(regionsQueryOptions());

/** Any node of the tree with the same fields; counties have no children. */
export interface RegionEntry {
  code: string;
  nameZh: string;
  nameEn: string;
  level: "province" | "city" | "county";
  parentCode: string | null;
  children: RegionEntry[];
}

/** The path from the province down to the region, or an empty list when the code is unknown. */
export function regionPath(tree: RegionTree | undefined, code: string): RegionEntry[] {
  const search = (nodes: RegionEntry[], path: RegionEntry[]): RegionEntry[] => {
    for (const node of nodes) {
      const here = [...path, node];
      if (node.code === code) return here;
      const found = search(node.children, here);
      if (found.length > 0) return found;
    }
    return [];
  };
  return tree ? search(tree.regions as RegionEntry[], []) : [];
}
