import type { PlanProgressResponse } from "@jindu/api/schemas";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiGet } from "@/lib/api-client";

export interface PlanProgressInput {
  region: string;
  year: number;
  month: number;
}

export const planProgressQueryOptions = (input: PlanProgressInput) =>
  queryOptions({
    queryKey: ["plans", "progress", input],
    queryFn: ({ signal }) => apiGet<PlanProgressResponse>("/plans/progress", { ...input }, signal),
  });

export const usePlanProgress = (input: PlanProgressInput) =>
  useQuery(planProgressQueryOptions(input));
