import type { MoversResponse } from "@jindu/api/schemas";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiGet } from "@/lib/api-client";

export interface MoversInput {
  region: string;
  year: number;
  month: number;
}

export const moversQueryOptions = (input: MoversInput) =>
  queryOptions({
    queryKey: ["movers", input],
    queryFn: ({ signal }) => apiGet<MoversResponse>("/movers", { ...input }, signal),
  });

export const useMovers = (input: MoversInput) => useQuery(moversQueryOptions(input));
