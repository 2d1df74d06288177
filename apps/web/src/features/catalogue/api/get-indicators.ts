import type { Indicator, IndicatorListResponse } from "@jindu/api/schemas";
import { queryOptions, useQuery } from "@tanstack/react-query";
import type { Static } from "typebox";
import { apiGet } from "@/lib/api-client";

export type { Indicator };

export const getIndicators = (signal?: AbortSignal) =>
  apiGet<Static<typeof IndicatorListResponse>>("/indicators", {}, signal);

export const indicatorsQueryOptions = () =>
  queryOptions({
    queryKey: ["indicators"],
    queryFn: ({ signal }) => getIndicators(signal),
    staleTime: Number.POSITIVE_INFINITY,
  });

export const useIndicators = () => useQuery(indicatorsQueryOptions());
