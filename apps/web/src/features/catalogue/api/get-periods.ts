import type { PeriodsResponse } from "@jindu/api/schemas";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiGet } from "@/lib/api-client";

export type Periods = PeriodsResponse;

export const periodsQueryOptions = (region: string) =>
  queryOptions({
    queryKey: ["periods", region],
    queryFn: ({ signal }) => apiGet<Periods>("/periods", { region }, signal),
  });

/** A region's years with data, its latest approved month and the month being reported now. */
export const usePeriods = (region: string, enabled = true) =>
  useQuery({ ...periodsQueryOptions(region), enabled });
