import type { CompletenessResponse, TimelinessHistoryResponse } from "@jindu/api/schemas";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiGet } from "@/lib/api-client";

export type { CompletenessResponse, TimelinessHistoryResponse };
export type CompletenessLine = CompletenessResponse["regions"][number];
export type Timeliness = CompletenessLine["timeliness"];

export interface CompletenessInput {
  parent: string;
  year: number;
  month: number;
}

export const getCompleteness = (input: CompletenessInput, signal?: AbortSignal) =>
  apiGet<CompletenessResponse>("/completeness", { ...input }, signal);

export const completenessQueryOptions = (input: CompletenessInput) =>
  queryOptions({
    queryKey: ["completeness", input],
    queryFn: ({ signal }) => getCompleteness(input, signal),
  });

export const useCompleteness = (input: CompletenessInput) =>
  useQuery(completenessQueryOptions(input));

export interface HistoryInput {
  region: string;
  year: number;
}

export const getTimelinessHistory = (input: HistoryInput, signal?: AbortSignal) =>
  apiGet<TimelinessHistoryResponse>("/completeness/history", { ...input }, signal);

/** A region's month-by-month timeliness; fetched only while a region is chosen. */
export const useTimelinessHistory = (input: HistoryInput | null) =>
  useQuery({
    queryKey: ["completeness", "history", input],
    queryFn: ({ signal }) => getTimelinessHistory(input as HistoryInput, signal),
    enabled: input !== null,
  });
