import type {
  SupervisionClose,
  SupervisionCreate,
  SupervisionListResponse,
  SupervisionRecord,
  SupervisionStatus,
} from "@jindu/api/schemas";
import { queryOptions, useMutation, useQuery } from "@tanstack/react-query";
import { apiGet, apiPost } from "@/lib/api-client";
import { queryClient } from "@/lib/query-client";

export type { SupervisionCreate, SupervisionRecord, SupervisionStatus };

export interface SupervisionInput {
  /** This region and the regions below it; unset: everything in the user's scope. */
  region?: string | undefined;
  status: SupervisionStatus;
}

const KEY = "supervision";

export const getSupervision = (input: SupervisionInput, signal?: AbortSignal) =>
  apiGet<SupervisionListResponse>("/supervision", { ...input }, signal);

export const supervisionQueryOptions = (input: SupervisionInput) =>
  queryOptions({
    queryKey: [KEY, input],
    queryFn: ({ signal }) => getSupervision(input, signal),
    // Records change by hand, a few a month; a minute old is fresh enough and a change refetches.
    staleTime: 60 * 1000,
  });

export const useSupervision = (input: SupervisionInput, options: { enabled?: boolean } = {}) =>
  useQuery({ ...supervisionQueryOptions(input), enabled: options.enabled ?? true });

const refresh = () => queryClient.invalidateQueries({ queryKey: [KEY] });

export const useCreateSupervision = () =>
  useMutation({
    mutationFn: (input: SupervisionCreate) => apiPost<SupervisionRecord>("/supervision", input),
    onSuccess: refresh,
  });

export const useCloseSupervision = () =>
  useMutation({
    mutationFn: ({ id, ...body }: SupervisionClose & { id: number }) =>
      apiPost<SupervisionRecord>(`/supervision/${id}/close`, body),
    onSuccess: refresh,
  });
