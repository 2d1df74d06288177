import type { LaggingResponse } from "@jindu/api/schemas";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiGet } from "@/lib/api-client";

export interface LaggingInput {
  parent: string;
  year: number;
  month: number;
}

export const getLagging = (input: LaggingInput, signal?: AbortSignal) =>
  apiGet<LaggingResponse>("/lagging", { ...input }, signal);

export const laggingQueryOptions = (input: LaggingInput) =>
  queryOptions({
    queryKey: ["lagging", input],
    queryFn: ({ signal }) => getLagging(input, signal),
  });

export const useLagging = (input: LaggingInput) => useQuery(laggingQueryOptions(input));
