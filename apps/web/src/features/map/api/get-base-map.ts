import type { BaseMapResponse, BaseMapSummary } from "@jindu/api/schemas";
import { queryOptions, useMutation, useQuery } from "@tanstack/react-query";
import { apiGet, apiRequest } from "@/lib/api-client";
import { queryClient } from "@/lib/query-client";

export type BaseMap = NonNullable<BaseMapResponse["map"]>;

export const getBaseMap = (province: string, signal?: AbortSignal) =>
  apiGet<BaseMapResponse>(`/base-maps/${province}`, {}, signal);

export const baseMapQueryOptions = (province: string) =>
  queryOptions({
    queryKey: ["base-map", province],
    queryFn: ({ signal }) => getBaseMap(province, signal),
    // A province changes its approved map rarely; an upload invalidates it.
    staleTime: 10 * 60_000,
  });

export const useBaseMap = (province: string | null) =>
  useQuery({ ...baseMapQueryOptions(province ?? ""), enabled: province !== null });

export const useUploadBaseMap = () =>
  useMutation({
    mutationFn: ({
      province,
      ...body
    }: {
      province: string;
      approvalNumber: string;
      geojson: string;
    }) => apiRequest<BaseMapSummary>("PUT", `/base-maps/${province}`, { body }),
    onSuccess: (_, { province }) =>
      queryClient.invalidateQueries({ queryKey: ["base-map", province] }),
  });

export const useDeleteBaseMap = () =>
  useMutation({
    mutationFn: (province: string) => apiRequest<void>("DELETE", `/base-maps/${province}`),
    onSuccess: (_, province) => queryClient.invalidateQueries({ queryKey: ["base-map", province] }),
  });
