import type { OverviewResponse } from "@jindu/api/schemas";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiGet } from "@/lib/api-client";

export interface OverviewInput {
  region: string;
  year: number;
  month: number;
}

export const getOverview = (input: OverviewInput, signal?: AbortSignal) =>
  apiGet<OverviewResponse>("/overview", { ...input }, signal);

export const overviewQueryOptions = (input: OverviewInput) =>
  queryOptions({
    queryKey: ["overview", input],
    queryFn: ({ signal }) => getOverview(input, signal),
  });

export const useOverview = (input: OverviewInput) => useQuery(overviewQueryOptions(input));
