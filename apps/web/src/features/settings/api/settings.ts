import type {
  ProvinceSetting,
  ProvinceSettingsResponse,
  ReportingSettings,
} from "@jindu/api/schemas";
import { queryOptions, useMutation, useQuery } from "@tanstack/react-query";
import type { Static } from "typebox";
import { apiGet, apiRequest } from "@/lib/api-client";
import { queryClient } from "@/lib/query-client";

export type { ProvinceSetting, ReportingSettings };

const KEY = "province-settings";

/** Every province's four-eyes setting: the security officer's. */
export const useProvinceSettings = (enabled: boolean) =>
  useQuery(
    queryOptions({
      queryKey: [KEY, "all"],
      queryFn: ({ signal }) =>
        apiGet<Static<typeof ProvinceSettingsResponse>>("/settings/provinces", {}, signal),
      enabled,
    }),
  );

export const useSetFourEyes = () =>
  useMutation({
    mutationFn: ({ code, fourEyes }: { code: string; fourEyes: boolean }) =>
      apiRequest<ProvinceSetting>("PUT", `/settings/provinces/${code}`, { body: { fourEyes } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });

/** How one province's regions report: its officials' choice. */
export const useReportingSettings = (code: string | null) =>
  useQuery(
    queryOptions({
      queryKey: [KEY, "reporting", code],
      queryFn: ({ signal }) =>
        apiGet<ReportingSettings>(`/settings/provinces/${code}/reporting`, {}, signal),
      enabled: code !== null,
    }),
  );

export const useSaveReportingSettings = () =>
  useMutation({
    // Fields left out keep what they were.
    mutationFn: ({ code, ...settings }: Partial<ReportingSettings> & { code: string }) =>
      apiRequest<ReportingSettings>("PUT", `/settings/provinces/${code}/reporting`, {
        body: settings,
      }),
    // The entry forms read the rule too.
    onSuccess: () =>
      queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== "auth" }),
  });
