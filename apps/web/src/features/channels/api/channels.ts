import type {
  ChannelCreate,
  ChannelList,
  ChannelTestResult,
  ChannelUpdate,
  ChannelView,
  DeliveryLog,
  ScheduledRunList,
} from "@jindu/api/schemas";
import { useMutation, useQuery } from "@tanstack/react-query";
import type { Static } from "typebox";
import { apiGet, apiRequest } from "@/lib/api-client";
import { queryClient } from "@/lib/query-client";

export type { ChannelCreate, ChannelUpdate, ChannelView, DeliveryLog };
export type TestResult = Static<typeof ChannelTestResult>;

const KEY = "channels";
const refresh = () => queryClient.invalidateQueries({ queryKey: [KEY] });

export const useChannels = () =>
  useQuery({
    queryKey: [KEY, "list"],
    queryFn: ({ signal }) => apiGet<Static<typeof ChannelList>>("/channels", {}, signal),
  });

/** The delivery log, refreshed while someone watches retries happen. */
export const useDeliveries = (channel?: number) =>
  useQuery({
    queryKey: [KEY, "deliveries", channel ?? null],
    queryFn: ({ signal }) =>
      apiGet<DeliveryLog>("/channels/deliveries", { limit: 100, channel }, signal),
    refetchInterval: 15_000,
  });

export const useRuns = () =>
  useQuery({
    queryKey: [KEY, "runs"],
    queryFn: ({ signal }) => apiGet<Static<typeof ScheduledRunList>>("/channels/runs", {}, signal),
  });

export const useSaveChannel = () =>
  useMutation({
    mutationFn: ({ id, body }: { id: number | null; body: ChannelCreate | ChannelUpdate }) =>
      id === null
        ? apiRequest<ChannelView>("POST", "/channels", { body })
        : apiRequest<ChannelView>("PATCH", `/channels/${id}`, { body }),
    onSuccess: refresh,
  });

export const useDeleteChannel = () =>
  useMutation({
    mutationFn: (id: number) => apiRequest<ChannelView>("DELETE", `/channels/${id}`),
    onSuccess: refresh,
  });

export const useTestChannel = () =>
  useMutation({
    mutationFn: ({ id, recipient }: { id: number; recipient?: string }) =>
      apiRequest<TestResult>("POST", `/channels/${id}/test`, {
        body: recipient ? { recipient } : {},
      }),
    onSuccess: refresh,
  });
