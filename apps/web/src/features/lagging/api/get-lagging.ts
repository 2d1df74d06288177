import type { LaggingResponse } from "@jindu/api/schemas";
import type { LaggingFilter } from "@jindu/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiGet } from "@/lib/api-client";
import type { Language } from "@/lib/i18n";

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

/** The list as shown (same filters) as a workbook, in the page's language. */
export function laggingXlsxHref(
  input: LaggingInput,
  filter: LaggingFilter,
  language: Language,
): string {
  const search = new URLSearchParams({
    parent: input.parent,
    year: String(input.year),
    month: String(input.month),
  });
  for (const key of ["indicator", "region", "status"] as const) {
    const value = filter[key];
    if (value !== undefined) search.set(key, value);
  }
  search.set("lang", language === "en" ? "en" : "zh");
  return `/api/lagging/xlsx?${search}`;
}
