import type { IndicatorCreate, IndicatorEntry, IndicatorUpdate } from "@jindu/api/schemas";
import { useMutation } from "@tanstack/react-query";
import { apiRequest } from "@/lib/api-client";
import { queryClient } from "@/lib/query-client";

export type { IndicatorCreate, IndicatorEntry, IndicatorUpdate };

// Dashboards, forms and templates follow the catalogue: drop every cached answer rather than
// guess which name an indicator.
const refetchAll = () =>
  queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== "auth" });

/** Saves an indicator's wording, order or years in force (retiring sets the last year). */
export const useUpdateIndicator = () =>
  useMutation({
    mutationFn: ({ code, ...change }: IndicatorUpdate & { code: string }) =>
      apiRequest<IndicatorEntry>("PATCH", `/indicators/${code}`, { body: change }),
    onSuccess: refetchAll,
  });

/** Adds an indicator: a provincial official's to its own province's part of the catalogue. */
export const useCreateIndicator = () =>
  useMutation({
    mutationFn: (body: IndicatorCreate) =>
      apiRequest<IndicatorEntry>("POST", "/indicators", { body }),
    onSuccess: refetchAll,
  });

/** Deletes an indicator nothing names yet (the API refuses one with targets or figures). */
export const useDeleteIndicator = () =>
  useMutation({
    mutationFn: (code: string) => apiRequest<IndicatorEntry>("DELETE", `/indicators/${code}`),
    onSuccess: refetchAll,
  });
