import type {
  Decomposition,
  DecompositionBody,
  Indicator,
  ProfilesResponse,
  ProvinceProfile,
  TargetImportResult,
  TargetPlan,
  TargetPlanBody,
  TargetPlanListResponse,
  TargetPlanSaved,
} from "@jindu/api/schemas";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Static } from "typebox";
import { apiErrorOf, apiGet, apiRequest, NetworkError } from "@/lib/api-client";
import { useSession } from "@/lib/auth";

export type { Decomposition, DecompositionBody, TargetImportResult, TargetPlan, TargetPlanBody };

export interface DecompositionKey {
  parent: string;
  indicator: string;
  year: number;
}

export const decompositionQueryOptions = (key: DecompositionKey) =>
  queryOptions({
    queryKey: ["targets", "decomposition", key],
    queryFn: ({ signal }) => apiGet<Decomposition>("/targets/decomposition", { ...key }, signal),
  });

export const useDecomposition = (key: DecompositionKey | null) =>
  useQuery({
    ...decompositionQueryOptions(key ?? { parent: "", indicator: "", year: 0 }),
    enabled: key !== null,
  });

/** Every target answer depends on targets: after a write, all of them are fetched again. */
function useInvalidateTargets() {
  const client = useQueryClient();
  return () =>
    client.invalidateQueries({
      predicate: (q) => q.queryKey[0] !== "auth" && q.queryKey[0] !== "regions",
    });
}

export function useSaveDecomposition() {
  const client = useQueryClient();
  const invalidate = useInvalidateTargets();
  return useMutation({
    mutationFn: (body: DecompositionBody) =>
      apiRequest<Decomposition>("PUT", "/targets/decomposition", { body }),
    onSuccess: async (data, body) => {
      await invalidate();
      client.setQueryData(
        decompositionQueryOptions({
          parent: body.parent,
          indicator: body.indicator,
          year: body.year,
        }).queryKey,
        data,
      );
    },
  });
}

export const usePlans = (region: string, indicator: string | undefined) =>
  useQuery({
    queryKey: ["targets", "plans", region, indicator],
    queryFn: ({ signal }) =>
      apiGet<Static<typeof TargetPlanListResponse>>(
        "/targets/plans",
        { region, indicator },
        signal,
      ),
    enabled: indicator !== undefined,
  });

export function useSavePlan() {
  const invalidate = useInvalidateTargets();
  return useMutation({
    mutationFn: (body: TargetPlanBody) =>
      apiRequest<Static<typeof TargetPlanSaved>>("PUT", "/targets/plans", { body }),
    onSuccess: () => invalidate(),
  });
}

export function useSaveProfile() {
  const invalidate = useInvalidateTargets();
  return useMutation({
    mutationFn: ({ code, profile }: { code: string; profile: number[] | null }) =>
      apiRequest<Indicator>("PUT", `/indicators/${code}/profile`, { body: { profile } }),
    onSuccess: () => invalidate(),
  });
}

/** An indicator's national profile and the provinces' own ones the user may see. */
export const useProfiles = (code: string) =>
  useQuery({
    queryKey: ["targets", "profiles", code],
    queryFn: ({ signal }) => apiGet<ProfilesResponse>(`/indicators/${code}/profiles`, {}, signal),
  });

/** Sets (a profile) or removes (null: back to the national one) a province's own profile. */
export function useSaveProvinceProfile() {
  const invalidate = useInvalidateTargets();
  return useMutation({
    mutationFn: ({
      code,
      province,
      profile,
    }: {
      code: string;
      province: string;
      profile: number[] | null;
    }) =>
      profile
        ? apiRequest<ProvinceProfile>("PUT", `/indicators/${code}/profiles/${province}`, {
            body: { profile },
          })
        : apiRequest<ProvinceProfile>("DELETE", `/indicators/${code}/profiles/${province}`),
    onSuccess: () => invalidate(),
  });
}

export const templateHref = (q: { parent: string; year: number; indicator?: string | undefined }) =>
  `/api/targets/import/template?${new URLSearchParams(
    Object.entries(q).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])),
  )}`;

/** Uploads a targets sheet; a 422 is an answer (the list of errors), not a failure. */
export function useImportTargets() {
  const csrfToken = useSession().data?.csrfToken ?? null;
  const invalidate = useInvalidateTargets();
  return useMutation({
    mutationFn: async ({
      parent,
      file,
      dryRun,
    }: {
      parent: string;
      file: File;
      dryRun: boolean;
    }) => {
      const body = new FormData();
      body.append("file", file, file.name);
      const response = await fetch(
        `/api/targets/import?${new URLSearchParams({ parent, dryRun: String(dryRun) })}`,
        {
          method: "POST",
          body,
          credentials: "same-origin",
          headers: {
            accept: "application/json",
            ...(csrfToken ? { "x-csrf-token": csrfToken } : {}),
          },
        },
      ).catch((error: unknown) => {
        throw new NetworkError(error);
      });
      const json = (await response.json().catch(() => null)) as
        | (TargetImportResult & { message?: string; rule?: string; field?: string })
        | null;
      if (response.ok || response.status === 422) return json as TargetImportResult;
      throw apiErrorOf(
        response.status,
        response.statusText,
        json,
        response.headers.get("retry-after") ?? undefined,
      );
    },
    onSuccess: (result) => (result.ok && !result.dryRun ? invalidate() : undefined),
  });
}
