import type {
  Notification,
  NotificationList,
  PreferenceList,
  PreferenceUpdate,
  ReadAllAnswer,
  UnreadCount,
} from "@jindu/api/schemas";
import { useMutation, useQuery } from "@tanstack/react-query";
import { apiGet, apiPost, apiRequest } from "@/lib/api-client";
import { queryClient } from "@/lib/query-client";

export type { Notification };

const KEY = "notifications";

/** How often the bell asks (and again whenever the window comes back into focus). */
const POLL_MS = 60 * 1000;

/** The unread count of the bell: polled, and not counted as activity (see the API's route). */
export const useUnreadCount = () =>
  useQuery({
    queryKey: [KEY, "unread"],
    queryFn: ({ signal }) =>
      apiRequest<UnreadCount>("GET", "/notifications/unread-count", { signal, background: true }),
    refetchInterval: POLL_MS,
    refetchOnWindowFocus: true,
    staleTime: 0,
  });

/** The newest notifications, loaded when the inbox opens. */
export const useNotifications = (enabled: boolean) =>
  useQuery({
    queryKey: [KEY, "list"],
    queryFn: ({ signal }) => apiGet<NotificationList>("/notifications", { limit: 30 }, signal),
    enabled,
    staleTime: 0,
  });

const refresh = () => queryClient.invalidateQueries({ queryKey: [KEY] });

export const useMarkRead = () =>
  useMutation({
    mutationFn: (id: number) => apiPost<UnreadCount>(`/notifications/${id}/read`),
    onSuccess: refresh,
  });

export const useMarkAllRead = () =>
  useMutation({
    mutationFn: () => apiPost<ReadAllAnswer>("/notifications/read-all"),
    onSuccess: refresh,
  });

/** One's own choices of channel per kind. */
export const usePreferences = () =>
  useQuery({
    queryKey: [KEY, "preferences"],
    queryFn: ({ signal }) => apiGet<PreferenceList>("/notifications/preferences", {}, signal),
  });

export const useSavePreference = () =>
  useMutation({
    mutationFn: (change: PreferenceUpdate["preferences"][number]) =>
      apiRequest<PreferenceList>("PUT", "/notifications/preferences", {
        body: { preferences: [change] },
      }),
    onSuccess: (data) => queryClient.setQueryData([KEY, "preferences"], data),
  });
