import type {
  EntryInput,
  MonthHistoryResponse,
  MonthRevision,
  SubmissionEntry,
  SubmissionQueue,
  SubmissionView,
} from "@jindu/api/schemas";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiGet, apiRequest } from "@/lib/api-client";

export type { EntryInput, MonthRevision, SubmissionEntry, SubmissionQueue, SubmissionView };

export interface MonthKey {
  region: string;
  year: number;
  month: number;
}

export type ReviewAction = "approve" | "return" | "reopen";

const monthPath = (m: MonthKey) => `/submissions/${m.region}/${m.year}/${m.month}`;

export const submissionQueryOptions = (m: MonthKey) =>
  queryOptions({
    queryKey: ["submission", m.region, m.year, m.month],
    queryFn: ({ signal }) => apiGet<SubmissionView>(monthPath(m), {}, signal),
    // A form must show what is stored now, not what was stored five minutes ago.
    staleTime: 0,
  });

export const useSubmission = (m: MonthKey, enabled = true) =>
  useQuery({ ...submissionQueryOptions(m), enabled });

/** Every revision of every figure of the month: the history drawer. */
export const useMonthHistory = (m: MonthKey | null) =>
  useQuery({
    queryKey: ["submission-history", m?.region, m?.year, m?.month],
    queryFn: ({ signal }) =>
      apiGet<MonthHistoryResponse>(`${monthPath(m as MonthKey)}/history`, {}, signal),
    enabled: m !== null,
    staleTime: 0,
  });

/** After a change the server answers with the month's new form: keep it, drop what it affects. */
function useStoreView() {
  const client = useQueryClient();
  return (view: SubmissionView) => {
    const key = { region: view.region.code, year: view.year, month: view.month };
    client.setQueryData(submissionQueryOptions(key).queryKey, view);
    client.invalidateQueries({ queryKey: ["submission-queue"] });
    client.invalidateQueries({ queryKey: ["submission-history"] });
  };
}

export function useSaveDraft(m: MonthKey) {
  const store = useStoreView();
  return useMutation({
    mutationFn: (body: { baseVersion: number; entries: EntryInput[] }) =>
      apiRequest<SubmissionView>("PUT", monthPath(m), { body }),
    onSuccess: store,
  });
}

/** Saves unsaved figures first (if any), then sends the month to the province. */
export function useSubmitMonth(m: MonthKey) {
  const store = useStoreView();
  return useMutation({
    mutationFn: async (input: { version: number; entries: EntryInput[] | null }) => {
      let version = input.version;
      if (input.entries) {
        const saved = await apiRequest<SubmissionView>("PUT", monthPath(m), {
          body: { baseVersion: version, entries: input.entries },
        });
        store(saved);
        version = saved.version;
      }
      return apiRequest<SubmissionView>("POST", `${monthPath(m)}/submit`, { body: { version } });
    },
    onSuccess: store,
  });
}

/** The province's decisions: approve, return with a reason, reopen an approved month. */
export function useReview() {
  const store = useStoreView();
  return useMutation({
    mutationFn: (input: MonthKey & { action: ReviewAction; version: number; reason?: string }) =>
      apiRequest<SubmissionView>("POST", `${monthPath(input)}/${input.action}`, {
        body:
          input.action === "approve"
            ? { version: input.version }
            : { version: input.version, reason: input.reason },
      }),
    onSuccess: store,
  });
}

export interface QueueQuery {
  parent: string;
  status: "submitted" | "returned" | "approved";
  year?: number | undefined;
  month?: number | undefined;
}

export const submissionQueueQueryOptions = (query: QueueQuery) =>
  queryOptions({
    queryKey: ["submission-queue", query],
    queryFn: ({ signal }) => apiGet<SubmissionQueue>("/submissions", { ...query }, signal),
    staleTime: 0,
  });

export const useSubmissionQueue = (query: QueueQuery, enabled = true) =>
  useQuery({ ...submissionQueueQueryOptions(query), enabled });
