import type { ProgressResponse } from "@jindu/api/schemas";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiGet } from "@/lib/api-client";

export interface ProgressInput {
  indicator: string;
  parent: string;
  year: number;
  month: number;
  /** Count figures submitted and not yet approved (marked provisional in the answer). */
  include?: "submitted";
}

export const getProgress = (input: ProgressInput, signal?: AbortSignal) =>
  apiGet<ProgressResponse>("/progress", { ...input }, signal);

export const progressQueryOptions = (input: ProgressInput) =>
  queryOptions({
    queryKey: ["progress", input],
    queryFn: ({ signal }) => getProgress(input, signal),
  });

export const useProgress = (input: ProgressInput, enabled = true) =>
  useQuery({ ...progressQueryOptions(input), enabled });
