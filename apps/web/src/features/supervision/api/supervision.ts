import type {
  SupervisionAnswer,
  SupervisionClose,
  SupervisionCreate,
  SupervisionDetail,
  SupervisionLadder,
  SupervisionListResponse,
  SupervisionMinutes,
  SupervisionRecord,
  SupervisionStatus,
  SupervisionSuggestion,
} from "@jindu/api/schemas";
import { queryOptions, useMutation, useQuery } from "@tanstack/react-query";
import { apiGet, apiPost, apiRequest } from "@/lib/api-client";
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

export type { SupervisionAnswer, SupervisionDetail, SupervisionLadder, SupervisionSuggestion };

/** A record with its indicators' lag each month since it opened. */
export const useSupervisionDetail = (id: number | null) =>
  useQuery({
    queryKey: [KEY, "detail", id],
    queryFn: ({ signal }) => apiGet<SupervisionDetail>(`/supervision/${id}`, {}, signal),
    enabled: id !== null,
  });

export interface SuggestionInput {
  region: string;
  indicators: string[];
  year: number;
  month: number;
}

/** Where a lagging row stands, and the level the province's ladder suggests for it. */
export const useSupervisionSuggestion = (input: SuggestionInput | null) =>
  useQuery({
    queryKey: [KEY, "suggestion", input],
    queryFn: ({ signal }) => {
      const q = input as SuggestionInput;
      return apiGet<SupervisionSuggestion>(
        "/supervision/suggestion",
        { region: q.region, indicators: q.indicators.join(","), year: q.year, month: q.month },
        signal,
      );
    },
    enabled: input !== null,
  });

export const useAnswerSupervision = () =>
  useMutation({
    mutationFn: ({ id, ...body }: SupervisionAnswer & { id: number }) =>
      apiPost<SupervisionRecord>(`/supervision/${id}/answer`, body),
    onSuccess: refresh,
  });

export const useSaveMinutes = () =>
  useMutation({
    mutationFn: ({ id, ...body }: SupervisionMinutes & { id: number }) =>
      apiRequest<SupervisionRecord>("PUT", `/supervision/${id}/minutes`, { body }),
    onSuccess: refresh,
  });

/** A province's supervision ladder (its officials change it on the settings screen). */
export const useSupervisionLadder = (code: string | null) =>
  useQuery({
    queryKey: [KEY, "ladder", code],
    queryFn: ({ signal }) =>
      apiGet<SupervisionLadder>(`/settings/provinces/${code}/supervision`, {}, signal),
    enabled: code !== null,
  });

export const useSaveSupervisionLadder = () =>
  useMutation({
    mutationFn: ({ code, ...ladder }: SupervisionLadder & { code: string }) =>
      apiRequest<SupervisionLadder>("PUT", `/settings/provinces/${code}/supervision`, {
        body: ladder,
      }),
    onSuccess: refresh,
  });
