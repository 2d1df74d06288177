import type { IndicatorEntry, IndicatorUpdate } from "@jindu/api/schemas";
import { useMutation } from "@tanstack/react-query";
import { apiRequest } from "@/lib/api-client";
import { queryClient } from "@/lib/query-client";

export type { IndicatorEntry, IndicatorUpdate };

/** Saves an indicator's wording; every screen's names come from the catalogue, so it refetches. */
export const useUpdateIndicator = () =>
  useMutation({
    mutationFn: ({ code, ...change }: IndicatorUpdate & { code: string }) =>
      apiRequest<IndicatorEntry>("PATCH", `/indicators/${code}`, { body: change }),
    // Dashboards name indicators too: drop every cached answer rather than guess which.
    onSuccess: () =>
      queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== "auth" }),
  });
