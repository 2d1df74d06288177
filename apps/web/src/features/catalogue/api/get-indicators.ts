import type { Indicator, IndicatorListResponse } from "@jindu/api/schemas";
import { indicatorAppliesIn } from "@jindu/domain";
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

/**
 * The catalogue as it applies to one region in one year (indicatorAppliesIn): a national reader's
 * holds every province's own indicators, and another province's has no figures or trend here.
 */
export const useIndicatorsOf = (regionCode: string, year: number) =>
  useQuery({
    ...indicatorsQueryOptions(),
    select: (data) => ({
      ...data,
      indicators: data.indicators.filter((i) => indicatorAppliesIn(i, regionCode, year)),
    }),
  });
