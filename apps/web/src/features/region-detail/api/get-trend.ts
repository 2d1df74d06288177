import type { TrendResponse } from "@jindu/api/schemas";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiGet } from "@/lib/api-client";

export interface TrendInput {
  indicator: string;
  region: string;
  year: number;
}

export const getTrend = (input: TrendInput, signal?: AbortSignal) =>
  apiGet<TrendResponse>("/trend", { ...input }, signal);

export const trendQueryOptions = (input: TrendInput) =>
  queryOptions({
    queryKey: ["trend", input],
    queryFn: ({ signal }) => getTrend(input, signal),
  });

export const useTrend = (input: TrendInput) => useQuery(trendQueryOptions(input));
